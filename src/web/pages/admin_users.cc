// User administration (administrators only): list, create, change roles,
// scope and status, reset a password. New and reset passwords are generated
// and shown once; only their hashes are kept. Every change is audited and
// ends the user's sessions, so new rights apply at once.
#include <algorithm>
#include <ctime>

#include "core/clock.h"
#include "web/auth/password.h"
#include "web/handlers.h"

namespace beacon::web {
namespace {

using access::Role;

bool valid_user_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
          c == '_' || c == '@'))
      return false;
  return true;
}

std::string roles_label(const std::vector<Role>& roles) {
  std::string out;
  for (Role r : roles) out += (out.empty() ? "" : ", ") + std::string(access::role_label(r));
  return out.empty() ? "None" : out;
}

std::string status_label(const UserAccount& u) {
  if (u.disabled) return "Disabled";
  if (is_locked(u, clock::now_seconds())) return "Locked";
  return "Active";
}

std::vector<Role> roles_from_form(const http::Request& req) {
  std::string list;
  auto range = req.params.equal_range("roles");
  for (auto it = range.first; it != range.second; ++it) list += it->second + ",";
  return access::parse_roles(list);
}

// The fields shared by the create and edit forms.
std::string account_fields(Ctx& ctx, const UserAccount& u, bool creating) {
  std::string h;
  if (creating)
    h += "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"name\">User name</label>"
         "<div class=\"govuk-hint\" id=\"name-hint\">Letters, digits, and . - _ @ only</div>"
         "<input class=\"govuk-input govuk-!-width-one-half\" id=\"name\" name=\"name\" type=\"text\" spellcheck=\"false\" "
         "aria-describedby=\"name-hint\" value=\"" + esc(u.name) + "\"></div>";
  h += "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"display_name\">Full name</label>"
       "<input class=\"govuk-input govuk-!-width-one-half\" id=\"display_name\" name=\"display_name\" type=\"text\" value=\"" +
       esc(u.display_name) + "\"></div>";
  h += "<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\" aria-describedby=\"roles-hint\">"
       "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Roles</legend>"
       "<div class=\"govuk-hint\" id=\"roles-hint\">Social workers, team managers, heads of service and assistant "
       "directors see only their scope. Administrators see no children unless also given another role.</div>"
       "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">";
  for (Role r : access::all_roles()) {
    std::string id = "role-" + std::string(access::role_id(r));
    bool on = std::find(u.roles.begin(), u.roles.end(), r) != u.roles.end();
    h += "<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"" + id +
         "\" name=\"roles\" type=\"checkbox\" value=\"" + std::string(access::role_id(r)) + "\"" + (on ? " checked" : "") +
         "><label class=\"govuk-label govuk-checkboxes__label\" for=\"" + id + "\">" + esc(access::role_label(r)) +
         "</label></div>";
  }
  h += "</div></fieldset></div>";
  h += "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"scope\">Scope</label>"
       "<div class=\"govuk-hint\" id=\"scope-hint\">A social worker's worker identifier, a team manager's team, or a "
       "head of service's or assistant director's service or locality. Leave empty for other roles.</div>"
       "<input class=\"govuk-input govuk-input--width-20\" id=\"scope\" name=\"scope\" type=\"text\" list=\"scope-units\" "
       "spellcheck=\"false\" aria-describedby=\"scope-hint\" value=\"" + esc(u.scope) + "\"><datalist id=\"scope-units\">";
  const auto& org = ctx.engine->index().organisation();
  for (const auto& unit : org.units())
    if (unit.kind == "team" || unit.kind == "service" || unit.kind == "locality")
      h += "<option value=\"" + esc(unit.id) + "\">" + esc(unit.name + " (" + unit.kind + ")") + "</option>";
  h += "</datalist></div>";
  return h;
}

// What is wrong with the account's fields, as (message, field anchor).
std::vector<std::pair<std::string, std::string>> problems(Ctx& ctx, const UserAccount& u, bool creating) {
  std::vector<std::pair<std::string, std::string>> out;
  if (creating && !valid_user_name(u.name))
    out.push_back({"Enter a user name of letters, digits, and . - _ @ (at most 64)", "#name"});
  if (u.display_name.empty() || u.display_name.size() > 200) out.push_back({"Enter the person's full name", "#display_name"});
  if (u.roles.empty()) out.push_back({"Choose at least one role", "#role-social-worker"});
  std::string scope = access::scope_problem(u.roles, u.scope, ctx.engine->index().organisation());
  if (!scope.empty()) out.push_back({scope, "#scope"});
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(s.begin());
  return s;
}

std::string account_summary(const UserAccount& u) {
  return "roles " + (u.roles.empty() ? std::string("none") : access::roles_text(u.roles)) + "; scope " +
         (u.scope.empty() ? std::string("none") : u.scope) + "; " + (u.disabled ? "disabled" : "active");
}

void show_users(Ctx& ctx, const UserAccount& draft, const std::vector<std::pair<std::string, std::string>>& errors) {
  auto users = ctx.app.backend().users().list();
  if (!users) return ctx.fail(500, "The user list cannot be read: " + users.status().message());
  std::string h = errors.empty() ? "" : error_summary(errors);
  h += "<h1 class=\"govuk-heading-l\">Users</h1><div class=\"beacon-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Users\"><table class=\"govuk-table\" id=\"users\"><caption class=\"govuk-table__caption "
       "govuk-table__caption--m\">" + thousands(static_cast<int64_t>(users->size())) + " accounts</caption>"
       "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">User name</th>"
       "<th scope=\"col\" class=\"govuk-table__header\">Name</th><th scope=\"col\" class=\"govuk-table__header\">Roles</th>"
       "<th scope=\"col\" class=\"govuk-table__header\">Scope</th><th scope=\"col\" class=\"govuk-table__header\">Status</th>"
       "</tr></thead><tbody class=\"govuk-table__body\">";
  for (const auto& u : *users)
    h += "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/admin/users/" +
         std::to_string(u.id) + "\">" + esc(u.name) + "</a></th><td class=\"govuk-table__cell\">" + esc(u.display_name) +
         "</td><td class=\"govuk-table__cell\">" + esc(roles_label(u.roles)) + "</td><td class=\"govuk-table__cell\">" +
         esc(u.scope.empty() ? "Whole organisation" : ctx.engine->index().organisation().name_of(u.scope)) +
         "</td><td class=\"govuk-table__cell\">" + esc(status_label(u)) + "</td></tr>";
  h += "</tbody></table></div><h2 class=\"govuk-heading-m\" id=\"create\">Create a user</h2>"
       "<form method=\"post\" action=\"/admin/users\" novalidate>" + csrf_field(*ctx.session) + account_fields(ctx, draft, true) +
       "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Create the user</button></form>";
  ctx.page({"Users", "users", nullptr, {}, !errors.empty()}, h, errors.empty() ? 200 : 400);
}

void show_password(Ctx& ctx, const UserAccount& u, const std::string& password, const std::string& what) {
  std::string h = "<div class=\"govuk-panel govuk-panel--confirmation\"><h1 class=\"govuk-panel__title\">" + esc(what) +
                  "</h1><div class=\"govuk-panel__body\">User name <strong>" + esc(u.name) +
                  "</strong><br>Password <strong id=\"new-password\">" + esc(password) + "</strong></div></div>"
                  "<p class=\"govuk-body\">This password is shown once. Give it to " + esc(u.display_name) +
                  " by a safe route; they can change it under Your account.</p><p class=\"govuk-body\"><a class=\"govuk-link\" "
                  "href=\"/admin/users\">Back to users</a></p>";
  ctx.page({what, "users"}, h);
}

std::optional<UserAccount> user_or_fail(Ctx& ctx) {
  int64_t id = 0;
  try {
    id = std::stoll(ctx.req.path_param(0));
  } catch (...) {
  }
  auto u = ctx.app.backend().users().find_id(id);
  if (!u) {
    ctx.fail(500, u.status().message());
    return std::nullopt;
  }
  if (!*u) {
    ctx.fail(404, "There is no such user.");
    return std::nullopt;
  }
  return **u;
}

// True when another enabled administrator would remain after `changed`.
bool keeps_an_administrator(Ctx& ctx, const UserAccount& changed) {
  auto users = ctx.app.backend().users().list();
  if (!users) return false;
  for (const auto& u : *users) {
    const UserAccount& now = u.id == changed.id ? changed : u;
    if (!now.disabled && std::find(now.roles.begin(), now.roles.end(), Role::kAdministrator) != now.roles.end())
      return true;
  }
  return false;
}

Result<std::string> new_password_hash(Ctx& ctx, std::string& password) {
  password = generate_password();
  return hash_password(password, ctx.app.options().fast_password_hash ? HashCost::kMinimal : HashCost::kInteractive);
}

}  // namespace

void users_page(Ctx& ctx) { show_users(ctx, UserAccount{}, {}); }

void user_create(Ctx& ctx) {
  UserAccount u;
  u.name = trimmed(ctx.req.param("name"));
  u.display_name = trimmed(ctx.req.param("display_name"));
  u.roles = roles_from_form(ctx.req);
  u.scope = trimmed(ctx.req.param("scope"));
  auto errors = problems(ctx, u, true);
  if (!errors.empty()) return show_users(ctx, u, errors);
  std::string password;
  auto hash = new_password_hash(ctx, password);
  if (!hash) return ctx.fail(500, hash.status().message());
  u.password_hash = *hash;
  auto id = ctx.app.backend().users().add(u);
  if (!id) {
    if (id.status().code() == StatusCode::kConflict) return show_users(ctx, u, {{"That user name is taken", "#name"}});
    return ctx.fail(500, id.status().message());
  }
  if (auto st = ctx.audit("user-add", "user " + u.name, account_summary(u)); !st)
    return ctx.fail(500, st.message());
  show_password(ctx, u, password, "User created");
}

void user_page(Ctx& ctx) {
  auto u = user_or_fail(ctx);
  if (!u) return;
  std::string id = std::to_string(u->id);
  std::string h = "<span class=\"govuk-caption-l\">" + esc(status_label(*u)) +
                  (u->created_at.empty() ? "" : " · created " + esc(u->created_at)) +
                  "</span><h1 class=\"govuk-heading-l\">" + esc(u->name) + "</h1>";
  h += "<form method=\"post\" action=\"/admin/users/" + id + "\" novalidate>" + csrf_field(*ctx.session) +
       account_fields(ctx, *u, false);
  h += "<div class=\"govuk-form-group\"><div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">"
       "<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"disabled\" name=\"disabled\" "
       "type=\"checkbox\" value=\"yes\"" + std::string(u->disabled ? " checked" : "") + "><label class=\"govuk-label "
       "govuk-checkboxes__label\" for=\"disabled\">Disabled: cannot sign in</label></div></div></div>"
       "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Save changes</button></form>";
  h += "<h2 class=\"govuk-heading-m\">Password</h2><p class=\"govuk-body\">Resetting gives a new generated password, "
       "unlocks the account and signs the user out everywhere.</p><form method=\"post\" action=\"/admin/users/" + id +
       "/password\" novalidate>" + csrf_field(*ctx.session) +
       "<button type=\"submit\" class=\"govuk-button govuk-button--warning\" data-module=\"govuk-button\">Reset the password</button></form>";
  ctx.page({u->name, "users", nullptr, {{"Users", "/admin/users"}, {u->name, ""}}}, h);
}

void user_update(Ctx& ctx) {
  auto u = user_or_fail(ctx);
  if (!u) return;
  UserAccount changed = *u;
  changed.display_name = trimmed(ctx.req.param("display_name"));
  changed.roles = roles_from_form(ctx.req);
  changed.scope = trimmed(ctx.req.param("scope"));
  changed.disabled = ctx.req.param("disabled") == "yes";
  if (!changed.disabled) {
    changed.failed_sign_ins = 0;
    changed.locked_until = 0;
  }
  auto errors = problems(ctx, changed, false);
  if (errors.empty() && !keeps_an_administrator(ctx, changed))
    errors.push_back({"Keep at least one active administrator", "#role-administrator"});
  if (!errors.empty()) {
    std::string h = error_summary(errors) + "<h1 class=\"govuk-heading-l\">" + esc(u->name) + "</h1><form method=\"post\" action=\"/admin/users/" +
                    std::to_string(u->id) + "\" novalidate>" + csrf_field(*ctx.session) + account_fields(ctx, changed, false) +
                    "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Save changes</button></form>";
    return ctx.page({u->name, "users", nullptr, {}, true}, h, 400);
  }
  AccountChange change;  // only what this form edits: a sign-in's count is left alone
  change.display_name = changed.display_name;
  change.roles = changed.roles;
  change.scope = changed.scope;
  change.disabled = changed.disabled;
  change.clear_sign_in_failures = !changed.disabled;
  if (auto st = ctx.app.backend().users().change(changed.id, change); !st) return ctx.fail(500, st.message());
  ctx.app.sessions().end_user(changed.id);
  if (auto st = ctx.audit("user-update", "user " + changed.name, account_summary(changed)); !st)
    return ctx.fail(500, st.message());
  ctx.res.redirect("/admin/users");
}

void user_reset_password(Ctx& ctx) {
  auto u = user_or_fail(ctx);
  if (!u) return;
  std::string password;
  auto hash = new_password_hash(ctx, password);
  if (!hash) return ctx.fail(500, hash.status().message());
  UserAccount changed = *u;
  changed.password_hash = *hash;
  changed.failed_sign_ins = 0;
  changed.locked_until = 0;
  AccountChange change;
  change.password_hash = *hash;
  change.clear_sign_in_failures = true;
  if (auto st = ctx.app.backend().users().change(changed.id, change); !st) return ctx.fail(500, st.message());
  ctx.app.sessions().end_user(changed.id);
  if (auto st = ctx.audit("password-reset", "user " + changed.name); !st) return ctx.fail(500, st.message());
  show_password(ctx, changed, password, "Password reset");
}

}  // namespace beacon::web

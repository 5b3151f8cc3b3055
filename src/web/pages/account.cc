// Your account: who you are signed in as, what you may see, and changing
// your own password (the current one first). A change signs you out
// everywhere else and starts a fresh session here.
#include "web/auth/password.h"
#include "web/handlers.h"

namespace beacon::web {
namespace {

void show_account(Ctx& ctx, const std::vector<std::pair<std::string, std::string>>& errors, bool changed) {
  const Session& s = *ctx.session;
  std::string roles;
  for (access::Role r : s.roles) roles += (roles.empty() ? "" : ", ") + std::string(access::role_label(r));
  std::string h = errors.empty() ? "" : error_summary(errors);
  if (changed)
    h += "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" "
         "aria-labelledby=\"changed-title\" data-module=\"govuk-notification-banner\"><div class=\"govuk-notification-banner__header\">"
         "<h2 class=\"govuk-notification-banner__title\" id=\"changed-title\">Success</h2></div><div class=\"govuk-notification-banner__content\">"
         "<p class=\"govuk-notification-banner__heading\">Your password has been changed.</p></div></div>";
  h += "<h1 class=\"govuk-heading-l\">Your account</h1><dl class=\"govuk-summary-list\">"
       "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">User name</dt><dd class=\"govuk-summary-list__value\">" +
       esc(s.user_name) + "</dd></div><div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Roles</dt>"
       "<dd class=\"govuk-summary-list__value\">" + esc(roles.empty() ? "None" : roles) + "</dd></div>"
       "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Scope</dt><dd class=\"govuk-summary-list__value\">" +
       esc(access::whole_organisation(s.principal()) || s.scope.empty() ? "Whole organisation"
                                                                         : ctx.engine->index().organisation().name_of(s.scope)) +
       "</dd></div></dl>";
  auto field = [&](const char* id, const char* label, const char* autocomplete) {
    bool bad = false;
    std::string message;
    for (const auto& [m, href] : errors)
      if (href == std::string("#") + id) {
        bad = true;
        message = m;
      }
    std::string f = std::string("<div class=\"govuk-form-group") + (bad ? " govuk-form-group--error" : "") +
                    "\"><label class=\"govuk-label\" for=\"" + id + "\">" + label + "</label>";
    if (bad)
      f += std::string("<p id=\"") + id + "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> " +
           esc(message) + "</p>";
    f += std::string("<input class=\"govuk-input govuk-!-width-one-half") + (bad ? " govuk-input--error" : "") + "\" id=\"" + id +
         "\" name=\"" + id + "\" type=\"password\" autocomplete=\"" + autocomplete + "\"" +
         (bad ? std::string(" aria-describedby=\"") + id + "-error\"" : "") + "></div>";
    return f;
  };
  h += "<h2 class=\"govuk-heading-m\">Change your password</h2><form method=\"post\" action=\"/account/password\" novalidate>" +
       csrf_field(s) + field("current", "Current password", "current-password") +
       field("new_password", "New password (at least 12 characters)", "new-password") +
       field("confirm", "New password again", "new-password") +
       "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Change password</button></form>";
  ctx.page({"Your account", "account", nullptr, {}, !errors.empty()}, h, errors.empty() ? 200 : 400);
}

}  // namespace

void account_page(Ctx& ctx) { show_account(ctx, {}, ctx.req.param("changed") == "1"); }

void account_password(Ctx& ctx) {
  auto& users = ctx.app.backend().users();
  std::string current = ctx.req.param("current"), next = ctx.req.param("new_password"),
              confirm = ctx.req.param("confirm");
  // The current password is a sign-in: it counts toward the lock-out the
  // same way, so a left-open session cannot be used to guess it.
  auto counted = users.count_sign_in_attempt(ctx.session->user_name, now_seconds());
  if (!counted) return ctx.fail(500, "Your account cannot be read.");
  const UserAccount& account = counted->account;
  std::vector<std::pair<std::string, std::string>> errors;
  bool right = counted->outcome == SignInCount::Outcome::kCounted &&
               verify_password(current, account.password_hash);
  if (counted->outcome != SignInCount::Outcome::kCounted)
    (void)verify_password(current, ctx.app.stand_in_password_hash());
  if (right) {
    auto confirmed = users.confirm_sign_in(account.id, account.password_hash);
    if (!confirmed) return ctx.fail(500, "Your account cannot be written.");
    right = *confirmed;
  }
  if (counted->outcome == SignInCount::Outcome::kLocked || (!right && is_locked(account, now_seconds())))
    errors.push_back({"Your account is locked after " + std::to_string(kLockAfterFailures) +
                          " wrong passwords. Try again in " + std::to_string(kLockSeconds / 60) + " minutes",
                      "#current"});
  else if (!right)
    errors.push_back({"Your current password is not right", "#current"});
  if (std::string p = password_problem(next, ctx.session->user_name); !p.empty()) errors.push_back({p, "#new_password"});
  else if (next != confirm) errors.push_back({"Enter the same new password twice", "#confirm"});
  if (!errors.empty()) {
    (void)ctx.audit("password-change-failed", "user " + ctx.session->user_name, errors.front().first);
    return show_account(ctx, errors, false);
  }
  auto hash = hash_password(next, ctx.app.hash_cost());
  if (!hash) return ctx.fail(500, hash.status().message());
  AccountChange change;
  change.password_hash = *hash;
  if (auto st = users.change(account.id, change); !st) return ctx.fail(500, st.message());
  (void)ctx.audit("password-change", "user " + account.name);
  Session s = *ctx.session;
  ctx.app.sessions().end_user(account.id);
  std::string token = ctx.app.sessions().start(s);
  http::CookieOptions o;
  o.secure = ctx.app.options().secure_cookies;
  ctx.res.set_cookie(WebApp::kSessionCookie, token, o);
  ctx.res.redirect("/account?changed=1");
}

}  // namespace beacon::web

// Signing in and out. The sign-in form carries a one-off token that must
// match a cookie set with the form (login CSRF); a successful sign-in
// starts a fresh session (no fixation) and goes back to where the user was.
#include <ctime>

#include "web/auth/password.h"
#include "web/handlers.h"

namespace beacon::web {
namespace {

// Only a path on this site: "/x", never "//host" or "http://…".
std::string safe_next(const std::string& next) {
  if (next.size() < 1 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\')))
    return "/scorecard";
  for (char c : next)
    if (c == '\r' || c == '\n') return "/scorecard";
  return next;
}

void show_form(Ctx& ctx, const std::string& name, const std::string& error) {
  std::string token = random_token(16);
  http::CookieOptions o;
  o.secure = ctx.app.options().secure_cookies;
  o.max_age_seconds = 3600;
  ctx.res.set_cookie(WebApp::kSignInCookie, token, o);
  std::string next = safe_next(ctx.req.param("next", "/"));
  std::string h;
  if (!error.empty()) h += error_summary({{error, "#user"}});
  h += "<h1 class=\"govuk-heading-l\">Sign in to Beacon</h1>"
       "<form method=\"post\" action=\"/sign-in\" novalidate>"
       "<input type=\"hidden\" name=\"sign_in_token\" value=\"" + token + "\">"
       "<input type=\"hidden\" name=\"next\" value=\"" + esc(next) + "\">";
  h += std::string("<div class=\"govuk-form-group") + (error.empty() ? "" : " govuk-form-group--error") + "\">";
  h += "<label class=\"govuk-label\" for=\"user\">User name</label>";
  if (!error.empty()) h += "<p id=\"user-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> " + esc(error) + "</p>";
  h += std::string("<input class=\"govuk-input govuk-!-width-one-half") + (error.empty() ? "" : " govuk-input--error") +
       "\" id=\"user\" name=\"user\" type=\"text\" autocomplete=\"username\" spellcheck=\"false\" value=\"" + esc(name) + "\"" +
       (error.empty() ? "" : " aria-describedby=\"user-error\"") + "></div>";
  h += "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"password\">Password</label>"
       "<input class=\"govuk-input govuk-!-width-one-half\" id=\"password\" name=\"password\" type=\"password\" "
       "autocomplete=\"current-password\"></div>"
       "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Sign in</button></form>";
  ctx.page({"Sign in", "", nullptr, {}, !error.empty()}, h, error.empty() ? 200 : 401);
}

}  // namespace

void sign_in_page(Ctx& ctx) {
  if (ctx.session) {
    ctx.res.redirect(safe_next(ctx.req.param("next", "/")));
    return;
  }
  show_form(ctx, "", "");
}

int64_t now_seconds() { return static_cast<int64_t>(std::time(nullptr)); }

void sign_in_submit(Ctx& ctx) {
  const auto& req = ctx.req;
  std::string expected = req.cookie(WebApp::kSignInCookie);
  if (expected.empty() || expected != req.param("sign_in_token"))
    return show_form(ctx, req.param("user"), "The sign-in form had expired. Enter your details again");
  std::string name = req.param("user");
  std::string password = req.param("password");
  if (name.empty() || password.empty())
    return show_form(ctx, name, "Enter your user name and password");
  auto& users = ctx.app.backend().users();
  auto user = users.find(name);
  if (!user) return ctx.fail(500, "The user list cannot be read: " + user.status().message());
  // Verify even for an unknown or locked user, so timing does not tell
  // which names exist.
  static const std::string kDummy =
      hash_password("not a password", HashCost::kMinimal).value();
  int64_t now = now_seconds();
  bool locked = *user && is_locked(**user, now);
  bool ok = *user && !(*user)->disabled && !locked && verify_password(password, (*user)->password_hash);
  if (!*user || locked || (*user)->disabled) (void)verify_password(password, kDummy);
  if (!ok) {
    std::string why = !*user ? "unknown user" : (*user)->disabled ? "account disabled" : locked ? "account locked" : "wrong password";
    if (*user && !locked && !(*user)->disabled) {
      UserAccount after = after_failed_sign_in(**user, now);
      (void)users.update(after);
      if (is_locked(after, now)) why += "; locked for " + std::to_string(kLockSeconds / 60) + " minutes";
    }
    (void)ctx.audit("sign-in-failed", "user " + name, why);
    return show_form(ctx, name,
                     "The user name or password is not right. After " + std::to_string(kLockAfterFailures) +
                         " wrong tries an account is locked for " + std::to_string(kLockSeconds / 60) + " minutes");
  }
  if ((*user)->failed_sign_ins != 0 || (*user)->locked_until != 0) {
    UserAccount reset = **user;
    reset.failed_sign_ins = 0;
    reset.locked_until = 0;
    (void)users.update(reset);
  }

  Session s;
  s.user_id = (*user)->id;
  s.user_name = (*user)->name;
  s.display_name = (*user)->display_name;
  s.roles = (*user)->roles;
  s.scope = (*user)->scope;
  // A fresh session id at every sign-in: a planted cookie is worth nothing.
  if (auto old = req.cookie(WebApp::kSessionCookie); !old.empty()) ctx.app.sessions().end(old);
  std::string token = ctx.app.sessions().start(s);
  http::CookieOptions o;
  o.secure = ctx.app.options().secure_cookies;
  ctx.res.set_cookie(WebApp::kSessionCookie, token, o);
  http::CookieOptions gone = o;
  gone.max_age_seconds = 0;
  ctx.res.set_cookie(WebApp::kSignInCookie, "", gone);
  Session signed_in = s;
  ctx.session = &signed_in;
  (void)ctx.audit("sign-in", "user " + name, "password");
  ctx.session = nullptr;
  // Without a page to return to, the home page sends each person where
  // their work is (pages/home.cc).
  ctx.res.redirect(safe_next(req.param("next", "/")));
}

void sign_out(Ctx& ctx) {
  (void)ctx.audit("sign-out", "user " + ctx.session->user_name);
  ctx.app.sessions().end(ctx.req.cookie(WebApp::kSessionCookie));
  http::CookieOptions o;
  o.secure = ctx.app.options().secure_cookies;
  o.max_age_seconds = 0;
  ctx.res.set_cookie(WebApp::kSessionCookie, "", o);
  ctx.res.redirect("/sign-in");
}

}  // namespace beacon::web

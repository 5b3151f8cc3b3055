// Signing in and out. The sign-in form carries a one-off token that must
// match a cookie set with the form (login CSRF); a successful sign-in
// starts a fresh session (no fixation) and goes back to where the user was.
#include <ctime>

#include "core/clock.h"
#include "web/auth/password.h"
#include "web/handlers.h"

namespace beacon::web {
namespace {

// Only a path on this site that every browser reads as one: "/" then
// printable ASCII with no backslash, never "//host" (another site), and no
// tab, CR, LF or other control character, which browsers strip (so
// "/\t/host" would become "//host"). Anything else goes to the home page.
std::string safe_next(const std::string& next) {
  const std::string home = "/";
  if (next.empty() || next[0] != '/' || (next.size() > 1 && next[1] == '/')) return home;
  for (char c : next) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || c == '\\') return home;
  }
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

int64_t now_seconds() { return clock::now_seconds(); }

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
  // The attempt is counted before the password is checked, in one step with
  // reading the account, so parallel guesses cannot outrun the lock-out.
  int64_t now = now_seconds();
  auto counted = users.count_sign_in_attempt(name, now);
  if (!counted) return ctx.fail(500, "The user list cannot be read: " + counted.status().message());
  using Outcome = SignInCount::Outcome;
  const UserAccount& account = counted->account;
  bool ok = false;
  if (counted->outcome == Outcome::kCounted)
    ok = verify_password(password, account.password_hash);
  else  // the same cost as a real check: timing does not tell which names exist
    (void)verify_password(password, ctx.app.stand_in_password_hash());
  std::string why;
  if (ok) {
    // Only while the account is still enabled with the password just
    // checked: an administrator's reset or disable made meanwhile wins.
    auto confirmed = users.confirm_sign_in(account.id, account.password_hash);
    if (!confirmed) return ctx.fail(500, "The user list cannot be written: " + confirmed.status().message());
    ok = *confirmed;
    if (!ok) why = "account changed during sign-in";
  } else {
    why = counted->outcome == Outcome::kNoSuchUser ? "unknown user"
          : counted->outcome == Outcome::kDisabled ? "account disabled"
          : counted->outcome == Outcome::kLocked   ? "account locked"
                                                   : "wrong password";
    if (counted->outcome == Outcome::kCounted && is_locked(account, now))
      why += "; locked for " + std::to_string(kLockSeconds / 60) + " minutes";
  }
  if (!ok) {
    (void)ctx.audit("sign-in-failed", "user " + name, why);
    return show_form(ctx, name,
                     "The user name or password is not right. After " + std::to_string(kLockAfterFailures) +
                         " wrong tries an account is locked for " + std::to_string(kLockSeconds / 60) + " minutes");
  }

  Session s;
  s.user_id = account.id;
  s.user_name = account.name;
  s.display_name = account.display_name;
  s.roles = account.roles;
  s.scope = account.scope;
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

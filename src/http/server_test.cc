// A real server on a loopback port, driven by the real client.
#include "http/server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "http/client.h"

namespace beacon::http {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  void start() {
    auto port = server_.bind();
    ASSERT_TRUE(port) << port.status().message();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_.run(); });
    for (int i = 0; i < 500 && !server_.running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  void TearDown() override {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  ServerOptions options() {
    ServerOptions o;
    o.port = 0;
    o.threads = 8;
    o.max_body_bytes = 1024;
    return o;
  }
  Server server_{options()};
  std::thread thread_;
  int port_ = 0;
};

TEST_F(ServerTest, RoutesCapturesQueryAndCookies) {
  server_.get(R"(/children/([^/]+))", [](const Request& req, Response& res) {
    res.text(200, req.path_param(0) + "|" + req.param("date", "none") + "|" + req.cookie("s"));
  });
  start();
  Client c("127.0.0.1", port_);
  c.set_cookie("s", "abc");
  auto r = c.get("/children/C%2012?date=2024-03-31&x=1");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "C 12|2024-03-31|abc");
}

TEST_F(ServerTest, FormPostsAndMultipartFieldsBecomeParams) {
  server_.post("/form", [](const Request& req, Response& res) {
    std::string files;
    for (const auto& f : req.files) files += f.filename + ":" + f.content + ";";
    res.text(200, req.param("a") + "|" + req.param("b") + "|" + files);
  });
  start();
  Client c("127.0.0.1", port_);
  EXPECT_EQ(c.post_form("/form", {{"a", "x y"}, {"b", "&="}}).body, "x y|&=|");
  auto r = c.post_multipart("/form", {{"a", "1"}}, {{"file", "a.csv", "text/csv", "id\n1\n"}});
  EXPECT_EQ(r.body, "1||a.csv:id\n1\n;");
}

TEST_F(ServerTest, RefusesBodiesOverTheLimit) {
  server_.post("/form", [](const Request&, Response& res) { res.text(200, "ok"); });
  start();
  Client c("127.0.0.1", port_);
  auto r = c.post_form("/form", {{"a", std::string(4096, 'x')}});
  EXPECT_EQ(r.status, 413);
}

TEST_F(ServerTest, UnknownPathsGetTheErrorPageAndHandlersKeepTheirBodies) {
  server_.get("/missing", [](const Request&, Response& res) { res.text(404, "no such child"); });
  server_.set_error_page([](const Request& req, Response& res) {
    res.text(res.status, "error page for " + req.path);
  });
  server_.set_default_header("X-Content-Type-Options", "nosniff");
  start();
  Client c("127.0.0.1", port_);
  auto r = c.get("/nowhere");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, "error page for /nowhere");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(c.get("/missing").body, "no such child");
}

TEST_F(ServerTest, HandlerExceptionsBecome500) {
  server_.get("/boom", [](const Request&, Response&) { throw std::runtime_error("boom"); });
  start();
  Client c("127.0.0.1", port_);
  EXPECT_EQ(c.get("/boom").status, 500);
}

TEST_F(ServerTest, ASecondServerCannotTakeThePortInUse) {
  start();
  ServerOptions o = options();
  o.port = port_;
  Server second(o);
  auto bound = second.bind();
  ASSERT_FALSE(bound);
  EXPECT_NE(bound.status().message().find("another program"), std::string::npos);
}

TEST(MessageTest, HeadersCannotSplitResponses) {
  Response r;
  r.set_header("Location", "/a\r\nSet-Cookie: x=1");
  EXPECT_EQ(r.headers.back().second, "/a  Set-Cookie: x=1");
}

TEST(MessageTest, CookiesCarryTheirAttributes) {
  Response r;
  r.set_cookie("beacon_session", "t", CookieOptions{});
  EXPECT_EQ(r.headers.back().second, "beacon_session=t; Path=/; Secure; HttpOnly; SameSite=Strict");
}

TEST(MessageTest, UrlDecodingKeepsBadEscapes) {
  EXPECT_EQ(url_decode("a%2Fb+c%zz%4"), "a/b c%zz%4");
  EXPECT_EQ(url_encode("a b/é"), "a%20b%2F%C3%A9");
}

}  // namespace
}  // namespace beacon::http

// A real server on a loopback port, driven by the real client.
#include "http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>
#include <vector>

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


// --- Slow and greedy clients (issue 13, item 6) -------------------------------
// Raw loopback sockets from 127.0.0.2 play the attacker; the normal client
// speaks from 127.0.0.1. Bounded: a hundred connections, a few seconds.

int connect_from(const char* source, int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &from.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
    ::close(fd);
    return -1;
  }
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// True when the server has closed `fd` (end of stream or reset) within `ms`;
// anything it sent first (a 503, a 413) is appended to `got`.
bool closed_within(int fd, int ms, std::string* got = nullptr) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  char buf[4096];
  while (std::chrono::steady_clock::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return true;
    if (got) got->append(buf, static_cast<size_t>(n));
  }
  return false;
}

class SlowClientTest : public ::testing::Test {
 protected:
  static ServerOptions options() {
    ServerOptions o;
    o.port = 0;
    o.threads = 24;
    o.header_timeout_ms = 1000;
    o.body_timeout_ms = 1000;
    o.min_body_bytes_per_second = 1024;
    o.max_connections_per_address = 8;
    o.max_body_bytes = 1 << 20;
    return o;
  }
  void SetUp() override {
    server_.get("/healthz", [](const Request&, Response& res) { res.text(200, "ok"); });
    server_.post("/form", [](const Request&, Response& res) { res.text(200, "ok"); });
    auto port = server_.bind();
    ASSERT_TRUE(port);
    port_ = *port;
    thread_ = std::thread([this] { (void)server_.run(); });
    for (int i = 0; i < 500 && !server_.running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  void TearDown() override {
    server_.stop();
    thread_.join();
  }
  Server server_{options()};
  std::thread thread_;
  int port_ = 0;
};

TEST_F(SlowClientTest, DrippedHeadersNeitherStarveOthersNorHoldTheirConnection) {
  // 100 connections from one address, each sending a header byte now and
  // then, as the probe's did: more than the server has threads.
  std::vector<int> slow;
  for (int i = 0; i < 100; ++i) {
    int fd = connect_from("127.0.0.2", port_);
    ASSERT_GE(fd, 0) << "cannot connect from 127.0.0.2";
    slow.push_back(fd);
  }
  std::atomic<bool> dripping{true};
  std::thread drip([&] {
    const char* line = "GET /healthz HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    for (size_t at = 0; dripping && line[at]; ++at) {
      for (int fd : slow) (void)::send(fd, line + at, 1, MSG_NOSIGNAL | MSG_DONTWAIT);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
  // Meanwhile a normal client keeps being answered within a second.
  Client c("127.0.0.1", port_);
  std::vector<double> ms;
  for (int i = 0; i < 10; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto r = c.get("/healthz");
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    EXPECT_EQ(r.status, 200);
    EXPECT_LT(ms.back(), 1000.0) << "request " << i;
    EXPECT_LE(server_.connections_from("127.0.0.2"), 8);
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }
  std::sort(ms.begin(), ms.end());
  std::cout << "normal client while 100 slow connections drip: median " << ms[ms.size() / 2]
            << " ms, slowest " << ms.back() << " ms\n";
  // Every slow connection is closed: refused at once beyond the cap, the
  // rest when their header deadline (1 s) passes, though bytes keep coming.
  int closed = 0;
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(4);
  for (int fd : slow) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    closed += closed_within(fd, std::max<int>(50, static_cast<int>(left.count())));
  }
  dripping = false;
  drip.join();
  for (int fd : slow) ::close(fd);
  EXPECT_EQ(closed, 100);
}

TEST_F(SlowClientTest, AnImpossibleContentLengthIsRefusedAtOnce) {
  int fd = connect_from("127.0.0.1", port_);
  ASSERT_GE(fd, 0);
  std::string head = "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000\r\n\r\n";
  ASSERT_EQ(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  std::string got;
  EXPECT_TRUE(closed_within(fd, 3000, &got));
  EXPECT_EQ(got.rfind("HTTP/1.1 413", 0), 0u) << got;
  ::close(fd);
  // A length that is not a number is refused too (400), and the connection ends.
  fd = connect_from("127.0.0.1", port_);
  head = "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n";
  ASSERT_EQ(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  got.clear();
  EXPECT_TRUE(closed_within(fd, 3000, &got));
  EXPECT_EQ(got.rfind("HTTP/1.1 4", 0), 0u) << got;
  ::close(fd);
}

TEST_F(SlowClientTest, ABodyBelowTheMinimumRateIsCutOff) {
  int fd = connect_from("127.0.0.1", port_);
  ASSERT_GE(fd, 0);
  std::string head = "POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n";
  ASSERT_EQ(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  // 10 bytes every 100 ms: far below 1 KiB a second; the body is due within
  // 1 s plus 1 s per KiB received, so the server gives up within 2 s.
  bool closed = false;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 50 && !closed; ++i) {
    (void)::send(fd, "0123456789", 10, MSG_NOSIGNAL);
    closed = closed_within(fd, 100);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(closed) << "still open after " << seconds << " s";
  ::close(fd);
  // A body at a normal pace is read as before.
  Client c("127.0.0.1", port_);
  EXPECT_EQ(c.post_json("/form", "\"" + std::string(100000, 'x') + "\"").status, 200);
}

TEST_F(SlowClientTest, ConnectionsFromOneAddressAreCapped) {
  std::vector<int> held;
  for (int i = 0; i < 8; ++i) {
    int fd = connect_from("127.0.0.2", port_);
    ASSERT_GE(fd, 0);
    held.push_back(fd);
  }
  for (int i = 0; i < 200 && server_.connections_from("127.0.0.2") < 8; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(server_.connections_from("127.0.0.2"), 8);
  int ninth = connect_from("127.0.0.2", port_);
  ASSERT_GE(ninth, 0);
  std::string got;
  EXPECT_TRUE(closed_within(ninth, 2000, &got));
  EXPECT_EQ(got.rfind("HTTP/1.1 503", 0), 0u) << got;
  ::close(ninth);
  // Another address is still served.
  Client c("127.0.0.1", port_);
  EXPECT_EQ(c.get("/healthz").status, 200);
  for (int fd : held) ::close(fd);
}

}  // namespace
}  // namespace beacon::http

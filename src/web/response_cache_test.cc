#include "web/response_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "web/test_support.h"

namespace beacon::web {
namespace {

using access::Role;

CachedAnswer json_answer(const std::string& body) {
  CachedAnswer a;
  a.content_type = "application/json";
  a.body = body;
  return a;
}

TEST(ResponseCacheTest, AnAnswerIsKeptForTheSameUrlRolesAndScopeOnly) {
  access::Principal manager{"tm1", {Role::kTeamManager}, "T1"};
  access::Principal other_team{"tm2", {Role::kTeamManager}, "T2"};
  access::Principal analyst{"pa", {Role::kPerformanceAnalyst}, ""};
  access::Principal same_team{"tm3", {Role::kTeamManager}, "T1"};
  const std::string k = ResponseCache::key("/api/scorecard", "to=2025-03-31", manager);
  EXPECT_NE(k, ResponseCache::key("/api/scorecard", "to=2025-03-31", other_team));
  EXPECT_NE(k, ResponseCache::key("/api/scorecard", "to=2025-03-31", analyst));
  EXPECT_NE(k, ResponseCache::key("/api/scorecard", "to=2025-02-28", manager));
  EXPECT_NE(k, ResponseCache::key("/api/scorecards", "to=2025-03-31", manager));
  // The same access to the same view: one answer, whoever asks.
  EXPECT_EQ(k, ResponseCache::key("/api/scorecard", "to=2025-03-31", same_team));

  ResponseCache cache(1 << 20);
  auto snapshot = std::make_shared<int>(1);
  EXPECT_FALSE(cache.find(snapshot, k));
  cache.keep(snapshot, k, json_answer("{\"a\":1}"));
  auto found = cache.find(snapshot, k);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->body, "{\"a\":1}");
  EXPECT_FALSE(cache.find(snapshot, k + "x"));
}

TEST(ResponseCacheTest, OneComputesANewAnswerWhileTheOthersWaitForIt) {
  ResponseCache cache(1 << 20);
  auto snapshot = std::make_shared<int>(1);
  auto first = cache.find_or_lead(snapshot, "k", std::chrono::seconds(5));
  ASSERT_TRUE(first.leads);
  ASSERT_FALSE(first.answer);
  std::atomic<int> leaders = 0, served = 0;
  std::vector<std::thread> others;
  for (int i = 0; i < 8; ++i)
    others.emplace_back([&] {
      auto l = cache.find_or_lead(snapshot, "k", std::chrono::seconds(30));
      leaders += l.leads;
      served += l.answer && l.answer->body == "computed once";
    });
  cache.keep(snapshot, "k", json_answer("computed once"));
  cache.finished("k");
  for (auto& t : others) t.join();
  EXPECT_EQ(leaders, 0);
  EXPECT_EQ(served, 8);
}

TEST(ResponseCacheTest, AWaiterWhoseLeaderKeptNothingComputesAlone) {
  ResponseCache cache(1 << 20);
  auto snapshot = std::make_shared<int>(1);
  ASSERT_TRUE(cache.find_or_lead(snapshot, "k", std::chrono::seconds(5)).leads);
  std::thread waiter([&] {
    auto l = cache.find_or_lead(snapshot, "k", std::chrono::seconds(30));
    EXPECT_FALSE(l.leads);  // would make the others queue behind an error, one at a time
    EXPECT_FALSE(l.answer);
  });
  while (cache.waiting() == 0) std::this_thread::yield();
  cache.finished("k");  // an error page: nothing kept
  waiter.join();
  // Nobody leads now, so the next asker does.
  EXPECT_TRUE(cache.find_or_lead(snapshot, "k", std::chrono::seconds(5)).leads);
  // And a leader that never finishes holds others up for `patience` at most.
  auto l = cache.find_or_lead(snapshot, "k", std::chrono::milliseconds(20));
  EXPECT_FALSE(l.leads);
  EXPECT_FALSE(l.answer);
}

TEST(ResponseCacheTest, ANewSnapshotStartsAfresh) {
  ResponseCache cache(1 << 20);
  auto first = std::make_shared<int>(1);
  cache.keep(first, "k", json_answer("old"));
  auto second = std::make_shared<int>(2);
  EXPECT_FALSE(cache.find(second, "k"));
  cache.keep(second, "k", json_answer("new"));
  EXPECT_EQ(cache.find(second, "k")->body, "new");
  EXPECT_FALSE(cache.find(first, "k"));
  // A snapshot that has gone never matches, even at a reused address.
  second.reset();
  EXPECT_FALSE(cache.find(std::make_shared<int>(3), "k"));
}

TEST(ResponseCacheTest, AFullCacheStartsAfreshAndAHugeAnswerIsNotKept) {
  ResponseCache cache(800);
  auto snapshot = std::make_shared<int>(1);
  cache.keep(snapshot, "huge", json_answer(std::string(500, 'x')));
  EXPECT_FALSE(cache.find(snapshot, "huge"));
  for (int i = 0; i < 10; ++i)
    cache.keep(snapshot, "k" + std::to_string(i), json_answer(std::string(90, 'x')));
  EXPECT_TRUE(cache.find(snapshot, "k9"));  // the latest is always there
  EXPECT_FALSE(cache.find(snapshot, "k0"));
}

TEST(ResponseCacheTest, AKeptAnswerIsStillAuditedAndDrawnForItsAsker) {
  testing::TestServer s;
  auto c = s.signed_in();
  auto first = c.get("/children/C1?to=2025-03-31");
  auto second = c.get("/children/C1?to=2025-03-31");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(second.body, first.body);
  int views = 0;
  for (const auto& line : s.backend.audit_lines())
    if (line.action == "view-child" && line.object == "/children/C1?to=2025-03-31") ++views;
  EXPECT_EQ(views, 2);
  // Another user with the same access gets the page with their own session's form.
  testing::add_test_user(s.backend.users(), "analyst", {Role::kPerformanceAnalyst});
  auto other = s.signed_in("analyst").get("/scorecard?to=2025-03-31");
  auto mine = c.get("/scorecard?to=2025-03-31");
  ASSERT_EQ(other.status, 200);
  std::string other_token =
      testing::TestServer::between(other.body, "name=\"csrf\" value=\"", "\"");
  std::string my_token = testing::TestServer::between(mine.body, "name=\"csrf\" value=\"", "\"");
  EXPECT_FALSE(other_token.empty());
  EXPECT_NE(other_token, my_token);
}

TEST(ResponseCacheTest, AScopedUserNeverGetsAWiderUsersAnswer) {
  testing::TestServer s;
  auto admin = s.signed_in();
  auto all = nlohmann::json::parse(admin.get("/api/indicators/KPI3/drill?to=2025-03-31").body);
  ASSERT_GT(all["rows"].size(), 1u);
  testing::add_test_user(s.backend.users(), "sw3", {Role::kSocialWorker}, "W3");
  auto mine = nlohmann::json::parse(
      s.signed_in("sw3").get("/api/indicators/KPI3/drill?to=2025-03-31").body);
  ASSERT_EQ(mine["rows"].size(), 1u);
  EXPECT_EQ(mine["rows"][0]["child_id"], "C4");
}

TEST(ResponseCacheTest, ALoadsNewSnapshotIsShownAtOnce) {
  testing::TestServer s;
  auto c = s.signed_in();
  auto before = nlohmann::json::parse(c.get("/api/indicators/KPI3?to=2025-03-31").body);
  CaseHistory fewer = testing::sample_history();
  std::erase_if(fewer.assessments, [](const Assessment& a) { return a.episode.child_id == "C2"; });
  s.backend.replace_history(std::move(fewer));
  auto after = nlohmann::json::parse(c.get("/api/indicators/KPI3?to=2025-03-31").body);
  EXPECT_EQ(after["denominator"].get<double>(), before["denominator"].get<double>() - 1);
}

}  // namespace
}  // namespace beacon::web

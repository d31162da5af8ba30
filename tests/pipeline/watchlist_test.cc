// Watchlists (issue 24) on small hand-made streams, on both backends: a matching story
// appearing fires, growing by an independent outlet fires, a wire reprint does not, and webhooks
// reach a loopback receiver signed, with a failing receiver retried, then logged as failed,
// without holding up the others. The matcher's query language is tested on its own below.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include "nlp/read.h"
#include "pipeline/alerts.h"
#include "pipeline/pipeline.h"
#include "pipeline/watch.h"
#include "store/store.h"
#include "temp_store.h"

namespace wirebrief::pipeline {
namespace {

core::Article Make(std::string id, std::string site, std::string date, std::string title,
                   std::string body) {
  core::Article a;
  a.id = std::move(id);
  a.url = "https://" + site + ".example/" + a.id;
  a.site_name = std::move(site);
  a.date_published = std::move(date);
  a.title = std::move(title);
  a.text = std::move(body);
  a.language = "en";
  a.provenance.source = a.id + ".html";
  a.annotations = nlp::ReadArticle(a);
  return a;
}

// A fictional dam release in three outlets' words, a wire reprint of one of them, and an
// unrelated story.
core::Article Dam1() {
  return Make("dam-1", "valley-times", "2026-11-09T08:00:00Z", "Vessel Creek dam releases water",
              "The Vessel Creek dam in Harlow county began releasing water on Monday after the "
              "reservoir rose to a record 41 metres, the Harlow water board said. Residents of "
              "Lowmarsh were told to move cars away from the creek.");
}
core::Article Dam2() {
  return Make("dam-2", "harlow-echo", "2026-11-09T10:00:00Z",
              "Harlow dam opens gates as reservoir hits record",
              "Harlow water board engineers opened the gates of the Vessel Creek dam on Monday as "
              "the reservoir reached a record 41 metres. Lowmarsh residents moved cars away from "
              "the creek as the water board warned of rising levels.");
}
core::Article Reprint(const core::Article& of, const std::string& site) {
  core::Article a = Make(of.id + "-" + site, site, of.date_published, of.title, of.text);
  a.date_published = "2026-11-09T11:30:00Z";
  return a;
}
core::Article Prize() {
  return Make("prize-1", "arts-daily", "2026-11-09T09:00:00Z",
              "Tallis Youth Orchestra wins Aldmere prize",
              "The Tallis Youth Orchestra from Brennick won the Aldmere music prize on Monday, the "
              "first youth ensemble to take the award in its 60-year history. Conductor Mira Osk "
              "said the players had rehearsed for 14 months.");
}

// A loopback webhook receiver: answers each POST with `status` and keeps what it got.
class Receiver {
 public:
  explicit Receiver(int status) : status_(status) {
    server_.Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      bodies_.push_back(req.body);
      signatures_.push_back(req.get_header_value("X-Wirebrief-Signature"));
      res.status = status_;
      res.set_content("{}", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ~Receiver() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  std::vector<std::string> bodies() {
    std::lock_guard<std::mutex> lock(mu_);
    return bodies_;
  }
  std::vector<std::string> signatures() {
    std::lock_guard<std::mutex> lock(mu_);
    return signatures_;
  }

 private:
  int status_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::vector<std::string> bodies_, signatures_;
};

class WatchlistTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    std::string why;
    ASSERT_TRUE(where_.Create(GetParam(), &why)) << why;
    if (where_.location().empty()) GTEST_SKIP() << why;
    auto s = store::OpenStore(where_.location());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    options_.jobs = 1;
  }
  void Watch(const std::string& name, const std::string& query, const std::string& webhook = "") {
    store::WatchlistRecord w;
    w.name = name;
    w.query = query;
    w.webhook = webhook;
    w.secret = "secret-of-" + name;
    w.created_at = "2026-11-09T00:00:00Z";
    ASSERT_TRUE(store_->PutWatchlist(w).ok());
  }
  StoriesSummary Add(const std::vector<core::Article>& articles) {
    for (const auto& a : articles) {
      bool inserted = false;
      EXPECT_TRUE(store_->PutArticle(a, &inserted).ok());
    }
    StoriesSummary sum;
    core::Status s = UpdateStories(store_.get(), options_, &sum);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return sum;
  }
  std::vector<store::AlertEvent> Events(const std::string& name) {
    auto e = store_->LoadAlertEvents(name, 0, 100);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? e.value() : std::vector<store::AlertEvent>{};
  }

  testing_util::TempStore where_;
  std::unique_ptr<store::Store> store_;
  RunOptions options_;
};

TEST_P(WatchlistTest, AMatchingStoryFiresWhenItAppearsAndWhenAnIndependentOutletJoins) {
  Watch("dams", "\"Vessel Creek\" dam");
  Watch("music", "orchestra");
  StoriesSummary first = Add({Dam1(), Prize()});
  EXPECT_EQ(first.alerts, 2u);
  std::vector<store::AlertEvent> dams = Events("dams");
  ASSERT_EQ(dams.size(), 1u);
  EXPECT_EQ(dams[0].kind, "new");
  EXPECT_FALSE(dams[0].lines.empty());
  for (const auto& l : dams[0].lines) EXPECT_FALSE(l.citations.empty()) << l.text;
  const std::string story = dams[0].story_id;
  ASSERT_EQ(Events("music").size(), 1u);
  EXPECT_NE(Events("music")[0].story_id, story);

  Add({Dam2()});
  dams = Events("dams");
  ASSERT_EQ(dams.size(), 2u);
  EXPECT_EQ(dams[0].kind, "grew");  // newest first
  EXPECT_EQ(dams[0].story_id, story);
  EXPECT_EQ(dams[0].new_outlets, std::vector<std::string>{"harlow-echo"});
  EXPECT_EQ(dams[0].independent_outlets, 2);
  EXPECT_EQ(dams[0].brief_version, 2);
  EXPECT_EQ(Events("music").size(), 1u);  // its story did not change
}

TEST_P(WatchlistTest, AWireReprintAloneDoesNotFire) {
  Watch("dams", "dam Lowmarsh");
  Add({Dam1(), Dam2()});
  ASSERT_EQ(Events("dams").size(), 1u);
  StoriesSummary reprint = Add({Reprint(Dam2(), "county-digest")});
  EXPECT_EQ(reprint.stories_updated, 1u);  // the story took the copy
  EXPECT_EQ(reprint.alerts, 0u);
  EXPECT_EQ(Events("dams").size(), 1u);
}

TEST_P(WatchlistTest, WebhooksAreSignedAndAFailingReceiverIsRetriedThenLoggedWithoutHoldingUpOthers) {
  Receiver good(200), bad(500);
  Watch("dams", "dam", good.url());
  Watch("dams-broken", "dam", bad.url());
  Watch("dams-nowhere", "dam", "http://127.0.0.1:9/hook");  // nothing listens on port 9
  Add({Dam1()});
  DeliveryOptions o;
  o.max_attempts = 3;
  o.first_retry_seconds = 60;
  o.timeout_ms = 2000;
  const std::time_t t0 = ParseIsoUtc(IsoUtc(std::time(nullptr)));
  auto first = DeliverWebhooks(store_.get(), o, t0);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->delivered, 1u);
  EXPECT_EQ(first->retrying, 2u);
  ASSERT_EQ(good.bodies().size(), 1u);
  EXPECT_EQ(good.signatures()[0], WebhookSignature("secret-of-dams", good.bodies()[0]));
  EXPECT_NE(good.bodies()[0].find("\"kind\":\"new\""), std::string::npos) << good.bodies()[0];
  // Nothing is due before the backoff has passed; then twice more, and the failures are given up.
  auto early = DeliverWebhooks(store_.get(), o, t0 + 30);
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->delivered + early->retrying + early->failed, 0u);
  auto second = DeliverWebhooks(store_.get(), o, t0 + 60);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->retrying, 2u);
  auto third = DeliverWebhooks(store_.get(), o, t0 + 60 + 120);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->failed, 2u);
  EXPECT_EQ(bad.bodies().size(), 3u);
  EXPECT_EQ(good.bodies().size(), 1u);  // delivered once, never again
  auto log = store_->LoadDeliveries("dams-broken", 10);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].state, "failed");
  EXPECT_EQ((*log)[0].attempts, 3);
  EXPECT_EQ((*log)[0].last_status, 500);
  EXPECT_NE((*log)[0].last_error.find("HTTP 500"), std::string::npos);
  auto ok_log = store_->LoadDeliveries("dams", 10);
  ASSERT_TRUE(ok_log.ok());
  ASSERT_EQ(ok_log->size(), 1u);
  EXPECT_EQ((*ok_log)[0].state, "delivered");
  auto nowhere = store_->LoadDeliveries("dams-nowhere", 10);
  ASSERT_TRUE(nowhere.ok());
  ASSERT_EQ(nowhere->size(), 1u);
  EXPECT_EQ((*nowhere)[0].state, "failed");
  EXPECT_EQ((*nowhere)[0].last_status, 0);
}

TEST_P(WatchlistTest, RemovingAWatchlistRemovesItsEventsAndDeliveries) {
  Receiver good(200);
  Watch("dams", "dam", good.url());
  Add({Dam1()});
  ASSERT_EQ(Events("dams").size(), 1u);
  ASSERT_TRUE(store_->RemoveWatchlist("dams").ok());
  EXPECT_EQ(store_->RemoveWatchlist("dams").code(), core::StatusCode::kNotFound);
  EXPECT_TRUE(Events("dams").empty());
  auto due = store_->LoadDeliveriesDue("9999-12-31T00:00:00Z", 10);
  ASSERT_TRUE(due.ok());
  EXPECT_TRUE(due->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, WatchlistTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<const char*>& backend) {
                           return std::string(backend.param);
                         });

// The query language on one story, without a store.
class WatchlistMatcherTest : public ::testing::Test {
 protected:
  bool Match(const std::string& query) {
    auto m = WatchlistMatcher::Compile(query);
    EXPECT_TRUE(m.ok()) << query << ": " << m.status().ToString();
    return m.ok() && m->Matches(story_, brief_, {&a_, &b_});
  }
  void SetUp() override {
    a_ = Dam1();
    b_ = Dam2();
    a_.language = "en-GB";
    story_.outlets = {"valley-times", "harlow-echo"};
    story_.first_published = "2026-11-09T08:00:00Z";
    story_.last_published = "2026-11-09T10:00:00Z";
  }
  core::Article a_, b_;
  core::Story story_;
  core::Brief brief_;
};

TEST_F(WatchlistMatcherTest, TermsPhrasesOrAndExclusionsMatchWithinOneArticle) {
  EXPECT_TRUE(Match("reservoir record"));
  EXPECT_TRUE(Match("\"vessel creek dam\""));
  EXPECT_FALSE(Match("\"creek vessel\""));
  EXPECT_TRUE(Match("reserv*"));
  EXPECT_TRUE(Match("earthquake OR reservoir"));
  EXPECT_FALSE(Match("earthquake"));
  EXPECT_FALSE(Match("reservoir -Lowmarsh"));
  // Both words are in the story, but never in one article: no match, as the story search.
  EXPECT_FALSE(Match("began engineers"));
  EXPECT_TRUE(Match("began county"));
}

TEST_F(WatchlistMatcherTest, OperatorsFilterByOutletLanguageDatesEntitiesAndConflicts) {
  EXPECT_TRUE(Match("dam outlet:harlow-echo"));
  EXPECT_FALSE(Match("dam outlet:arts-daily"));
  EXPECT_TRUE(Match("dam lang:en"));
  EXPECT_FALSE(Match("dam lang:de"));
  EXPECT_TRUE(Match("dam since:2026-11-09"));
  EXPECT_FALSE(Match("dam since:2026-11-10"));
  EXPECT_FALSE(Match("dam until:2026-11-08"));
  EXPECT_TRUE(Match("entity:\"Harlow water board\"") || Match("entity:Lowmarsh"));
  EXPECT_FALSE(Match("entity:\"Mira Osk\""));
  EXPECT_FALSE(Match("conflict:yes"));
  EXPECT_TRUE(Match("conflict:no dam"));
  core::BriefLine flagged;
  flagged.section = core::BriefSection::kKeyFigure;
  flagged.conflict = true;
  brief_.lines.push_back(flagged);
  EXPECT_TRUE(Match("conflict:yes"));
}

TEST_F(WatchlistMatcherTest, BadQueriesAreRefusedWithTheirProblem) {
  EXPECT_FALSE(WatchlistMatcher::Compile("").ok());
  EXPECT_FALSE(WatchlistMatcher::Compile("-only").ok());
  auto bad_date = WatchlistMatcher::Compile("dam since:yesterday");
  ASSERT_FALSE(bad_date.ok());
  EXPECT_NE(bad_date.status().message().find("since"), std::string::npos);
  auto bad_conflict = WatchlistMatcher::Compile("conflict:maybe");
  ASSERT_FALSE(bad_conflict.ok());
  EXPECT_NE(bad_conflict.status().message().find("conflict"), std::string::npos);
  EXPECT_FALSE(ValidateWatchlistName("port strike").ok());
  EXPECT_FALSE(ValidateWatchlistName("").ok());
  EXPECT_TRUE(ValidateWatchlistName("port-strike_2026.v1").ok());
}

// RFC 4231, test case 2: HMAC-SHA256 with key "Jefe".
TEST(WebhookSignatureTest, IsHmacSha256OfTheBody) {
  EXPECT_EQ(WebhookSignature("Jefe", "what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(NewWatchlistSecret().size(), 64u);
  EXPECT_NE(NewWatchlistSecret(), NewWatchlistSecret());
}

}  // namespace
}  // namespace wirebrief::pipeline

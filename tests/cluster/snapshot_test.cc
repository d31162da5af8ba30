// The open window as bytes (cluster/snapshot.h): round trip, restoring goes on as one stream,
// and damaged bytes are refused with a message instead of a crash.
#include "cluster/snapshot.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "cluster/cluster.h"

namespace wirebrief::cluster {
namespace {

core::Article Doc(const std::string& id, const std::string& day, const std::string& title,
                  const std::string& text) {
  core::Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.date_published = day;
  a.site_name = "outlet-" + id;
  return a;
}

std::vector<core::Article> Stream() {
  const std::string dam =
      "The Vessel Creek dam in Harlow county began releasing water after the reservoir rose to "
      "a record 41 metres, the Harlow water board said, and Lowmarsh residents moved cars.";
  const std::string rail =
      "Dorrin Rail drivers walked out over pay, halting 300 trains and stranding commuters in "
      "Castlebay for 24 hours, their union said on Monday morning.";
  return {Doc("d1", "2026-11-09", "Vessel Creek dam releases water", dam),
          Doc("r1", "2026-11-09", "Dorrin Rail strike halts 300 trains", rail),
          Doc("d2", "2026-11-09", "Harlow dam opens as reservoir hits record", dam + " Gates opened."),
          Doc("d3", "2026-11-10", "Vessel Creek dam copy", dam),  // a copy of d1
          Doc("r2", "2026-11-10", "Castlebay commuters stranded by rail walkout", rail + " More."),
          Doc("x1", "2026-11-14", "Aldmere prize to Tallis Youth Orchestra",
              "The Tallis Youth Orchestra from Brennick won the Aldmere music prize, a first for a "
              "youth ensemble in the award's 60 years, conductor Mira Osk said.")};
}

std::map<std::string, std::string> Labels(OnlineClusterer* c, std::vector<FinalLabel> more = {}) {
  c->Finish();
  std::map<std::string, std::string> out;
  for (auto& l : more) out[l.article_id] = l.story_id;
  for (auto& l : c->TakeLabels()) out[l.article_id] = l.story_id;
  return out;
}

ClusterOptions Options() {
  ClusterOptions o = LabelStreamOptions();
  o.window_days = 2;
  return o;
}

TEST(ClusterSnapshotTest, BytesRoundTrip) {
  OnlineClusterer c(Options());
  for (const auto& a : Stream()) c.Add(a);
  ClusterSnapshot snap = c.Snapshot();
  ASSERT_FALSE(snap.docs.empty());
  std::string bytes = SerializeSnapshot(snap);
  auto back = ParseSnapshot(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(SerializeSnapshot(back.value()), bytes);
  EXPECT_EQ(back->docs.size(), snap.docs.size());
  EXPECT_EQ(back->options_digest, OptionsDigest(Options()));
}

TEST(ClusterSnapshotTest, RestoringAtEveryPointGivesTheLabelsOfOneStream) {
  std::vector<core::Article> s = Stream();
  std::map<std::string, std::string> texts;
  for (const auto& a : s) texts[a.id] = a.text;
  auto text_of = [&](const std::string& id) -> std::string_view { return texts[id]; };
  OnlineClusterer whole(Options());
  std::vector<FinalLabel> whole_labels;
  for (const auto& a : s) {
    whole.Add(a);
    for (auto& l : whole.TakeLabels()) whole_labels.push_back(l);
  }
  auto expected = Labels(&whole, whole_labels);
  EXPECT_EQ(expected["d1"], expected["d2"]);
  EXPECT_EQ(expected["d1"], expected["d3"]);
  EXPECT_NE(expected["d1"], expected["r1"]);
  for (size_t cut = 0; cut <= s.size(); ++cut) {
    OnlineClusterer first(Options());
    std::vector<FinalLabel> labels;
    for (size_t i = 0; i < cut; ++i) first.Add(s[i]);
    for (auto& l : first.TakeLabels()) labels.push_back(l);
    auto parsed = ParseSnapshot(SerializeSnapshot(first.Snapshot()));
    ASSERT_TRUE(parsed.ok());
    OnlineClusterer second(Options(), parsed.value(), text_of);
    for (size_t i = cut; i < s.size(); ++i) {
      second.Add(s[i]);
      for (auto& l : second.TakeLabels()) labels.push_back(l);
    }
    EXPECT_EQ(Labels(&second, labels), expected) << "restored after " << cut << " articles";
  }
}

TEST(ClusterSnapshotTest, DamagedBytesAreRefusedWithAMessage) {
  OnlineClusterer c(Options());
  for (const auto& a : Stream()) c.Add(a);
  std::string bytes = SerializeSnapshot(c.Snapshot());
  EXPECT_FALSE(ParseSnapshot("").ok());
  EXPECT_FALSE(ParseSnapshot("not a state").ok());
  for (size_t cut : {size_t{5}, bytes.size() / 2, bytes.size() - 1}) {
    auto r = ParseSnapshot(bytes.substr(0, cut));
    ASSERT_FALSE(r.ok()) << "truncated at " << cut;
    EXPECT_NE(r.status().ToString().find("cluster state"), std::string::npos);
  }
  std::string extra = bytes + "x";
  EXPECT_FALSE(ParseSnapshot(extra).ok());
  std::string other_format = bytes;
  other_format[4] = 9;
  EXPECT_NE(ParseSnapshot(other_format).status().ToString().find("format"), std::string::npos);
}

}  // namespace
}  // namespace wirebrief::cluster

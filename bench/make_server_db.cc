// Writes a synthetic store for the server benchmark: N articles (default 100,000) in stories of
// five, each with annotations, a cited brief (one conflicting key figure) and a copy family.
// Text is generated from made-up names and templates, so it is fictional and repeatable (fixed
// seed). Usage: make_server_db OUT.db [ARTICLES]
#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "store/store.h"

namespace {

using namespace wirebrief;

const char* const kSyllables[] = {"bra",  "ven", "tor", "mil", "sca", "dor", "lin",
                                  "ques", "har", "mo",  "rei", "tal", "pon", "gru",
                                  "sel",  "vik", "an",  "der", "lo",  "cas"};
const char* const kEvents[] = {"flood",     "strike",    "election", "outage",   "wildfire",
                               "merger",    "storm",     "protest",  "recall",   "drought",
                               "landslide", "ceasefire", "heatwave", "blackout", "summit"};
const char* const kVerbs[] = {"said", "reported", "confirmed", "warned", "announced", "estimated"};
const char* const kUnits[] = {"people", "homes", "workers", "vehicles", "families", "hectares"};

std::string Name(std::mt19937_64& rng, int syllables) {
  std::string s;
  for (int i = 0; i < syllables; ++i) s += kSyllables[rng() % 20];
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string Date(int minutes_since_start) {
  // 2026-01-01 plus the offset, as ISO 8601 UTC (days of 28 to keep the arithmetic trivial).
  int day = minutes_since_start / 1440, minute = minutes_since_start % 1440;
  char buf[40];
  std::snprintf(buf, sizeof buf, "2026-%02d-%02dT%02d:%02d:00Z", 1 + (day / 28) % 12, 1 + day % 28,
                minute / 60, minute % 60);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT.db [ARTICLES]\n", argv[0]);
    return 2;
  }
  const int total = argc > 2 ? std::atoi(argv[2]) : 100000;
  auto opened = store::OpenStore(argv[1]);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
    return 1;
  }
  store::Store* st = opened.value().get();
  std::mt19937_64 rng(20261123);
  std::vector<std::string> outlets;
  for (int i = 0; i < 60; ++i) outlets.push_back(Name(rng, 2) + (i % 3 ? " Courier" : " Herald"));
  std::vector<store::StoryRecord> stories;
  constexpr int kPerStory = 5;
  for (int s = 0; s * kPerStory < total; ++s) {
    const std::string place = Name(rng, 3), person = Name(rng, 2) + " " + Name(rng, 3);
    const std::string event = kEvents[rng() % 15];
    const std::string unit = kUnits[rng() % 6];
    const int figure = 100 + static_cast<int>(rng() % 9000);
    const int start = s * 26;  // a story every 26 minutes: about a year in all
    store::StoryRecord rec;
    rec.story.id = "s" + std::to_string(s);
    rec.story.title =
        place + " " + event + " leaves " + std::to_string(figure) + " " + unit + " affected";
    std::string family_text;
    for (int k = 0; k < kPerStory && s * kPerStory + k < total; ++k) {
      core::Article a;
      a.id = "a" + std::to_string(s * kPerStory + k);
      const std::string& outlet = outlets[rng() % outlets.size()];
      a.site_name = outlet;
      a.host = "www." + std::to_string(&outlet - outlets.data()) + ".example";
      a.url = "https://" + a.host + "/news/" + a.id;
      a.canonical_url = a.url;
      a.language = "en";
      a.authors = {Name(rng, 2) + " " + Name(rng, 2)};
      a.date_published = Date(start + k * 5);
      a.title = place + " " + event + ": " + std::to_string(figure) + " " + unit + " affected, " +
                outlet + " reports";
      a.field_sources = {
          {"title", "opengraph"}, {"date_published", "jsonld"}, {"site_name", "opengraph"}};
      // Articles 3 and 4 of a story republish article 2's text: one copy family.
      if (k >= 3 && !family_text.empty()) {
        a.text = family_text;
      } else {
        int stated = k == 1 ? figure + 40 : figure;  // the second outlet disagrees on the figure
        a.text = "A " + event + " in " + place + " has affected " + std::to_string(stated) + " " +
                 unit + ", officials " + kVerbs[rng() % 6] + " on Tuesday.";
        for (int p = 0; p < 7; ++p)
          a.text += (p % 3 == 0 ? "\n" : " ") + Name(rng, 2) + " " + kVerbs[rng() % 6] +
                    " that the " + event + " near " + place + " was " +
                    (p % 2 ? "easing" : "worsening") + " as " + person + " visited " +
                    Name(rng, 3) + ".";
        if (k == 2) family_text = a.text;
      }
      a.content_hash = std::to_string(std::hash<std::string>()(a.text));
      a.provenance = {"synthetic", "file", 0, a.text.size(), "", "", 0};
      uint32_t first_end = static_cast<uint32_t>(a.text.find('.') + 1);
      a.annotations.sentences.push_back({{0, first_end}});
      uint32_t at = static_cast<uint32_t>(a.text.find(place));
      a.annotations.mentions.push_back(
          {{at, at + static_cast<uint32_t>(place.size())}, core::EntityType::kPlace, place, ""});
      size_t pat = a.text.find(person);
      if (pat != std::string::npos)
        a.annotations.mentions.push_back(
            {{static_cast<uint32_t>(pat), static_cast<uint32_t>(pat + person.size())},
             core::EntityType::kPerson,
             person,
             ""});
      size_t fig = a.text.find(" has affected ") + 14;
      size_t fig_end = a.text.find(',', fig);
      a.annotations.figures.push_back({{static_cast<uint32_t>(fig), static_cast<uint32_t>(fig_end)},
                                       static_cast<double>(std::atoi(a.text.c_str() + fig)),
                                       unit,
                                       a.text.substr(fig, fig_end - fig)});
      bool inserted = false;
      if (auto put = st->PutArticle(a, &inserted); !put.ok()) {
        std::fprintf(stderr, "%s\n", put.ToString().c_str());
        return 1;
      }
      rec.story.article_ids.push_back(a.id);
      if (std::find(rec.story.outlets.begin(), rec.story.outlets.end(), outlet) ==
          rec.story.outlets.end())
        rec.story.outlets.push_back(outlet);
      if (k == 0) rec.story.first_published = a.date_published;
      rec.story.last_published = a.date_published;
      core::Citation cite{a.id, {0, first_end}};
      if (k == 0)
        rec.brief.lines.push_back(
            {core::BriefSection::kLede, "", a.text.substr(0, first_end), {cite}, false});
      if (k < 2) {
        if (k == 0)
          rec.brief.lines.push_back({core::BriefSection::kKeyFigure,
                                     unit,
                                     std::to_string(figure) + " " + unit,
                                     {},
                                     true});
        rec.brief.lines[1].citations.push_back(cite);
      }
      rec.brief.lines.push_back({core::BriefSection::kSource,
                                 a.date_published.substr(0, 10),
                                 outlet + ": " + a.title,
                                 {cite},
                                 false});
    }
    rec.story.independent_outlets = static_cast<int>(rec.story.outlets.size()) - 2;
    if (rec.story.independent_outlets < 1) rec.story.independent_outlets = 1;
    if (rec.story.article_ids.size() == kPerStory)
      rec.copy_families.push_back(
          {rec.story.article_ids[2], rec.story.article_ids[3], rec.story.article_ids[4]});
    rec.brief.story_id = rec.story.id;
    rec.brief.headline = rec.story.title;
    stories.push_back(std::move(rec));
    if (s % 4000 == 0) std::fprintf(stderr, "\r%d articles", s * kPerStory);
  }
  if (auto r = st->ReplaceStories(stories); !r.ok()) {
    std::fprintf(stderr, "%s\n", r.ToString().c_str());
    return 1;
  }
  auto counts = st->Counts();
  std::fprintf(stderr, "\r%lld articles, %lld stories in %s\n",
               static_cast<long long>(counts.value().articles),
               static_cast<long long>(counts.value().stories), argv[1]);
  return 0;
}

// Roles, countries, figures and quote speakers against tests/fixtures/nlp/reading.txt: fictional
// articles written for this project with the exact output expected (the format is described
// at the top of that file). Each category must be >= 90% right, counting both missed and
// spurious items: score = matched / (expected + spurious).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "nlp/read.h"

namespace wirebrief::nlp {
namespace {

struct Article {
  std::string text;
  std::vector<std::string> expected[4];  // roles, countries, figures, speakers (normalised keys)
};

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<Article> Load(const std::string& path) {
  std::ifstream f(path);
  std::vector<Article> out;
  std::string line;
  bool fresh = true;
  while (std::getline(f, line)) {
    if (!line.empty() && line[0] == '#') continue;
    if (Trim(line).empty()) {
      fresh = true;
      continue;
    }
    if (fresh) out.emplace_back();
    fresh = false;
    Article& a = out.back();
    size_t bar = line.find(" || ");
    std::string text = Trim(line.substr(0, bar));
    if (!a.text.empty()) a.text += "\n";
    a.text += text;
    if (bar == std::string::npos) continue;
    std::stringstream ss(line.substr(bar + 4));
    std::string item;
    while (std::getline(ss, item, ';')) {
      item = Trim(item);
      if (item.size() < 3) continue;
      int k = item[0] == 'R' ? 0 : item[0] == 'C' ? 1 : item[0] == 'F' ? 2 : 3;
      a.expected[k].push_back(item.substr(2));
    }
  }
  return out;
}

std::string FormatValue(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// The reader's output in the fixture's notation.
void Actual(const Article& a, std::vector<std::string> out[4]) {
  core::Article art;
  art.text = a.text;
  art.date_published = "2026-11-05";
  core::Annotations ann = ReadArticle(art);
  for (const auto& r : ann.roles) out[0].push_back(r.person + "|" + r.role + "|" + r.affiliation);
  for (const auto& c : ann.countries)
    out[1].push_back(art.text.substr(c.span.begin, c.span.end - c.span.begin) + "|" + c.code);
  for (size_t i = 0; i < ann.figures.size(); ++i) {
    const auto& f = ann.figures[i];
    const auto& d = ann.figure_details[i];
    out[2].push_back(FormatValue(f.value) + "|" + f.unit + "|" + d.counted + "|" +
                     (d.approximate ? "1" : "0"));
  }
  for (const auto& q : ann.quotes) {
    std::string words = art.text.substr(q.span.begin, q.span.end - q.span.begin);
    std::stringstream ss(words);
    std::string w, first;
    for (int k = 0; k < 3 && ss >> w; ++k) {
      while (!w.empty() &&
             (w.back() == ',' || w.back() == '.' || w.back() == '?' || w.back() == '!'))
        w.pop_back();
      first += (k ? " " : "") + w;
    }
    out[3].push_back(first + "|" + (q.speaker.empty() ? "-" : q.speaker));
  }
}

std::string Normalise(int category, std::string key) {
  if (category != 2) return key;
  // Figures compare values numerically to six significant digits.
  size_t bar = key.find('|');
  return FormatValue(std::atof(key.substr(0, bar).c_str())) + key.substr(bar);
}

TEST(ReadingFixturesTest, RolesCountriesFiguresAndSpeakersAreNinetyPercentRight) {
  const char* root = std::getenv("WB_SOURCE_DIR");
  std::string path = std::string(root ? root : ".") + "/tests/fixtures/nlp/reading.txt";
  std::vector<Article> articles = Load(path);
  ASSERT_GE(articles.size(), 30u) << path;
  const char* kNames[] = {"roles", "countries", "figures", "speakers"};
  int matched[4] = {}, expected[4] = {}, spurious[4] = {};
  size_t sentences = 0;
  for (const Article& a : articles) {
    sentences += SplitSentences(a.text).size();
    std::vector<std::string> got[4];
    Actual(a, got);
    for (int k = 0; k < 4; ++k) {
      std::multiset<std::string> want;
      for (const auto& e : a.expected[k]) want.insert(Normalise(k, e));
      expected[k] += static_cast<int>(want.size());
      for (const auto& g : got[k]) {
        auto it = want.find(Normalise(k, g));
        if (it != want.end()) {
          ++matched[k];
          want.erase(it);
        } else {
          ++spurious[k];
          std::printf("  %s spurious: %s\n", kNames[k], g.c_str());
        }
      }
      for (const auto& w : want) std::printf("  %s missed:   %s\n", kNames[k], w.c_str());
    }
  }
  EXPECT_GE(sentences, 150u) << "the fixture set must stay at 150 sentences or more";
  for (int k = 0; k < 4; ++k) {
    double score = static_cast<double>(matched[k]) / std::max(1, expected[k] + spurious[k]);
    std::printf("%-9s %d/%d expected matched, %d spurious: %.3f\n", kNames[k], matched[k],
                expected[k], spurious[k], score);
    EXPECT_GE(score, 0.90) << kNames[k];
  }
}

}  // namespace
}  // namespace wirebrief::nlp

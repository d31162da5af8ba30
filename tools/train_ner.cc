// Trains the name tagger (data/nlp/ner.bin) from the nlp kit's training split.
//
//   build/wb_train_ner --train ../shared/bench/nlp/train/gum-train.jsonl
//       [--markup tests/fixtures/nlp/names-train.txt] [--zone /usr/share/zoneinfo/zone.tab]
//       [--extra MORE.jsonl] [--epochs 6] [--prune 0.02] [--groups 15]
//       [--seed 20261123] [--bags 1] --out data/nlp/ner.bin
//
// --extra adds labelled documents whose words do not join the vocabulary: web text such as
// UNER's English-EWT writes proper nouns in lower case ("tampa bay"), which would teach the
// vocabulary features that those are common words. --bags N averages N runs over different
// shuffles (see NerModel::Train): one seed against another moves dev F1 by up to 0.015.
//
// Input lines are the kit's gold format ({"text", "entities": [{"start","end","type"}]}, offsets
// in code points). Tokens and sentences come from the reader's own tokenizer so training sees
// what tagging will see. Cities come from tzdata's zone.tab (public domain) and travel in the
// model file; the lower-case vocabulary is the training text's.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "nlp/detail/tagger.h"

using namespace wirebrief::nlp::detail;
using json = nlohmann::json;

namespace {

std::vector<size_t> CodePointToByte(const std::string& text) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(text.size());
  return out;
}

bool ReadExamples(const std::string& path, std::vector<std::string>* texts,
                  std::vector<json>* docs) {
  std::ifstream f(path);
  if (!f) return false;
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty()) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text")) continue;
    texts->push_back(j["text"].get<std::string>());
    docs->push_back(std::move(j));
  }
  return true;
}

// Sentences written with inline markup ("[PER Kara Ostrow] said"), blank lines between
// documents, '#' comments; becomes the gold format (code point offsets).
bool ReadMarkup(const std::string& path, std::vector<std::string>* texts, std::vector<json>* docs) {
  std::ifstream f(path);
  if (!f) return false;
  std::string line, text;
  json ents = json::array();
  size_t cps = 0;  // code points in `text`
  auto flush = [&] {
    if (!text.empty()) {
      json j;
      j["text"] = text;
      j["entities"] = ents;
      texts->push_back(text);
      docs->push_back(std::move(j));
    }
    text.clear();
    ents = json::array();
    cps = 0;
  };
  auto add = [&](char c) {
    text += c;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++cps;
  };
  while (std::getline(f, line)) {
    if (!line.empty() && line[0] == '#') continue;
    if (line.empty()) {
      flush();
      continue;
    }
    if (!text.empty()) add('\n');
    size_t start = 0;
    std::string type;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '[' && i + 4 < line.size() && line[i + 4] == ' ') {
        type = line.substr(i + 1, 3);
        start = cps;
        i += 4;
        continue;
      }
      if (line[i] == ']' && !type.empty()) {
        ents.push_back({{"start", start}, {"end", cps}, {"type", type}});
        type.clear();
        // "] ," -> "],": the markup's separating space is not part of the text.
        if (i + 2 < line.size() && line[i + 1] == ' ' && std::strchr(",.;:'-)", line[i + 2])) ++i;
        continue;
      }
      add(line[i]);
    }
  }
  flush();
  return true;
}

std::string ZoneCities(const std::string& path) {
  std::ifstream f(path);
  std::string line, out;
  std::set<std::string> seen;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    std::string cc = line.substr(0, a);
    std::string zone = line.substr(b + 1);
    zone = zone.substr(0, zone.find('\t'));
    std::string city = zone.substr(zone.rfind('/') + 1);
    for (char& c : city)
      if (c == '_') c = ' ';
    if (city.empty() || !seen.insert(city).second) continue;
    out += city + "\t" + cc.substr(0, 2) + "\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> train_paths, extra_paths, markup_paths;
  std::string out_path, zone = "/usr/share/zoneinfo/zone.tab", dict;
  int epochs = 6;
  double prune = 0.02;
  uint32_t groups = kFeatAll;
  uint32_t seed = 20261123;
  int bags = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--train")
      train_paths.push_back(argv[i + 1]);
    else if (a == "--extra")
      extra_paths.push_back(argv[i + 1]);
    else if (a == "--dict")
      dict = argv[i + 1];
    else if (a == "--markup")
      markup_paths.push_back(argv[i + 1]);
    else if (a == "--out")
      out_path = argv[i + 1];
    else if (a == "--zone")
      zone = argv[i + 1];
    else if (a == "--epochs")
      epochs = std::atoi(argv[i + 1]);
    else if (a == "--prune")
      prune = std::atof(argv[i + 1]);
    else if (a == "--bags")
      bags = std::atoi(argv[i + 1]);
    else if (a == "--seed")
      seed = static_cast<uint32_t>(std::atol(argv[i + 1]));
    else if (a == "--groups")
      groups = static_cast<uint32_t>(std::atoi(argv[i + 1]));
    else {
      std::fprintf(stderr, "wb_train_ner: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (train_paths.empty() || out_path.empty() || bags < 1) {
    std::fprintf(stderr,
                 "usage: wb_train_ner --train GOLD.jsonl [--extra MORE.jsonl] [--bags N >= 1] "
                 "--out ner.bin\n");
    return 2;
  }
  std::vector<std::string> texts;
  std::vector<json> docs;
  for (const auto& p : train_paths)
    if (!ReadExamples(p, &texts, &docs)) {
      std::fprintf(stderr, "wb_train_ner: %s: cannot read\n", p.c_str());
      return 1;
    }
  for (const auto& p : markup_paths)
    if (!ReadMarkup(p, &texts, &docs)) {
      std::fprintf(stderr, "wb_train_ner: %s: cannot read\n", p.c_str());
      return 1;
    }
  size_t vocab_docs = texts.size();
  for (const auto& p : extra_paths)
    if (!ReadExamples(p, &texts, &docs)) {
      std::fprintf(stderr, "wb_train_ner: %s: cannot read\n", p.c_str());
      return 1;
    }
  std::string cities = ZoneCities(zone);
  // Vocabulary: words the training text writes in lower case.
  std::set<std::string> vocab_set;
  std::vector<NerModel::Example> examples(texts.size());
  for (size_t d = 0; d < texts.size(); ++d) {
    auto& ex = examples[d];
    ex.input.text = texts[d];
    ex.input.tokens = Tokenize(texts[d]);
    ex.input.sentences = SplitTokens(texts[d], ex.input.tokens);
    if (d >= vocab_docs) continue;
    for (const Token& t : ex.input.tokens)
      if (t.Is(kLower)) vocab_set.insert(Lower(t.text));
  }
  // A packaged English word list (Debian's wamerican) widens the vocabulary: lower-case entries
  // are common words, entries listed only capitalised are proper nouns ("^paris").
  if (!dict.empty()) {
    std::ifstream df(dict);
    std::string w;
    std::set<std::string> lower_words, capital_words;
    while (std::getline(df, w)) {
      if (w.empty() || w.find('\'') != std::string::npos) continue;
      if (std::islower(static_cast<unsigned char>(w[0])))
        lower_words.insert(w);
      else if (std::isupper(static_cast<unsigned char>(w[0])))
        capital_words.insert(Lower(w));
    }
    for (const auto& x : lower_words) vocab_set.insert(x);
    for (const auto& x : capital_words)
      if (!lower_words.count(x)) vocab_set.insert("^" + x);
    std::fprintf(stderr, "dictionary %s: %zu lower-case words, %zu proper nouns\n", dict.c_str(),
                 lower_words.size(), capital_words.size());
  }
  std::vector<std::string> vocab(vocab_set.begin(), vocab_set.end());
  std::string log;
  std::vector<NerModel::Example> none;
  NerModel proto = NerModel::Train(&none, 0, vocab, cities, 0, groups, nullptr);
  size_t aligned = 0, total = 0;
  for (size_t d = 0; d < texts.size(); ++d) {
    auto& ex = examples[d];
    Prepare(proto, &ex.input);
    ex.labels.assign(ex.input.tokens.size(), kO);
    auto cp = CodePointToByte(texts[d]);
    for (const auto& e : docs[d].value("entities", json::array())) {
      std::string type = e.value("type", "");
      uint8_t b = type == "PER" ? kBPer : type == "ORG" ? kBOrg : type == "LOC" ? kBLoc : kO;
      size_t s = e.value("start", 0), en = e.value("end", 0);
      if (b == kO || s >= cp.size() || en >= cp.size() || s >= en) continue;
      size_t bs = cp[s], be = cp[en];
      ++total;
      std::vector<size_t> inside;
      bool clean = true;
      for (size_t k = 0; k < ex.input.tokens.size(); ++k) {
        const Token& t = ex.input.tokens[k];
        if (t.end <= bs || t.begin >= be) continue;
        if (t.begin < bs || t.end > be) clean = false;
        inside.push_back(k);
      }
      if (!clean || inside.empty()) continue;
      ++aligned;
      for (size_t k = 0; k < inside.size(); ++k) ex.labels[inside[k]] = k == 0 ? b : b + 1;
    }
  }
  std::fprintf(
      stderr,
      "documents %zu, entities aligned to tokens %zu/%zu, vocabulary %zu, cities %zu bytes\n",
      texts.size(), aligned, total, vocab.size(), cities.size());
  NerModel model =
      NerModel::Train(&examples, epochs, vocab, cities, prune, groups, &log, seed, bags);
  std::fputs(log.c_str(), stderr);
  auto st = model.Save(out_path);
  if (!st.ok()) {
    std::fprintf(stderr, "wb_train_ner: %s\n", st.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s (%zu features)\n", out_path.c_str(), model.feature_count());
  return 0;
}

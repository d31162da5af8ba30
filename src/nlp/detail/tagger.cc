#include "nlp/detail/tagger.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "core/text.h"
#include "nlp/detail/lexicon.h"

namespace wirebrief::nlp::detail {
namespace {

constexpr char kMagic[8] = {'W', 'B', 'N', 'E', 'R', '0', '0', '3'};

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t H(uint8_t tmpl, std::string_view a, std::string_view b = {}, std::string_view c = {}) {
  uint64_t h = 0xcbf29ce484222325ULL ^ (static_cast<uint64_t>(tmpl) * 0x9E3779B97F4A7C15ULL);
  h = Fnv(h, a);
  if (!b.empty()) h = Fnv(h * 31 + 1, b);
  if (!c.empty()) h = Fnv(h * 31 + 2, c);
  return h ? h : 1;  // 0 marks an empty slot
}

// Common nouns that sit next to company, media and institution names.
const std::unordered_set<std::string_view>& OrganizationCues() {
  static const std::unordered_set<std::string_view> k = {
      "company",     "companies", "firm",         "firms",     "corporation",  "startup",
      "brand",       "brands",    "retailer",     "chain",     "bank",         "banks",
      "shares",      "stock",     "investors",    "founder",   "founded",      "subsidiary",
      "website",     "site",      "app",          "platform",  "newspaper",    "magazine",
      "broadcaster", "network",   "channel",      "agency",    "ministry",     "party",
      "club",        "team",      "group",        "customers", "customer",     "operator",
      "airline",     "carrier",   "manufacturer", "maker",     "giant",        "insurer",
      "lender",      "publisher", "outlet",       "ceo",       "spokesperson", "spokesman",
      "spokeswoman", "merger",    "acquisition",  "acquired",  "partnership",  "union"};
  return k;
}

const char* kLabelNames[] = {"O", "BP", "IP", "BO", "IO", "BL", "IL"};
const char* kGazNames[] = {"-", "co", "dm", "ca", "ci", "re", "or", "fn"};

// Words joining the parts of one capitalised name: "Bank of England", "Procter & Gamble".
bool IsConnector(std::string_view lower) {
  // "and" and "the" are left out: they join list items ("Hong Kong and Los Angeles") far more
  // often than the words of one name.
  return lower == "of" || lower == "&" || lower == "for" || lower == "de" || lower == "du" ||
         lower == "van" || lower == "von" || lower == "da" || lower == "del" || lower == "la" ||
         lower == "bin" || lower == "al";
}

bool Allowed(int prev, int label) {
  if (label == kIPer) return prev == kBPer || prev == kIPer;
  if (label == kIOrg) return prev == kBOrg || prev == kIOrg;
  if (label == kILoc) return prev == kBLoc || prev == kILoc;
  return true;
}

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

}  // namespace

uint64_t HashWord(std::string_view lower) { return H(200, lower); }

NerModel::NerModel() : gazetteer_(std::make_unique<Gazetteer>()) {}

bool NerModel::InVocab(std::string_view lower) const {
  return std::binary_search(vocab_.begin(), vocab_.end(), HashWord(lower));
}

const int16_t* NerModel::Find(uint64_t key) const {
  if (keys_.empty()) return nullptr;
  uint64_t slot = key & mask_;
  while (true) {
    uint64_t k = keys_[slot];
    if (k == key) return &weights_[slot * kClasses];
    if (k == 0) return nullptr;
    slot = (slot + 1) & mask_;
  }
}

void NerModel::set_vocab(const std::vector<std::string>& words) {
  vocab_.clear();
  for (const auto& v : words) vocab_.push_back(HashWord(v));
  std::sort(vocab_.begin(), vocab_.end());
  vocab_.erase(std::unique(vocab_.begin(), vocab_.end()), vocab_.end());
}

size_t NerModel::feature_count() const {
  return static_cast<size_t>(
      std::count_if(keys_.begin(), keys_.end(), [](uint64_t k) { return k != 0; }));
}

core::Result<std::unique_ptr<NerModel>> NerModel::Load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return core::Status::IOError(path, "cannot open the name-tagger model");
  std::stringstream ss;
  ss << f.rdbuf();
  std::string data = ss.str();
  size_t pos = 0;
  auto take = [&](void* dst, size_t n) {
    if (pos + n > data.size()) return false;
    std::memcpy(dst, data.data() + pos, n);
    pos += n;
    return true;
  };
  char magic[8];
  uint32_t classes = 0, capacity = 0, vocab = 0, cities = 0, groups = 0;
  float scale = 0;
  if (!take(magic, 8) || std::memcmp(magic, kMagic, 8) != 0)
    return core::Status::Corruption(path, "", "not a wirebrief name-tagger model");
  if (!take(&classes, 4) || !take(&capacity, 4) || !take(&scale, 4) || !take(&vocab, 4) ||
      !take(&cities, 4) || !take(&groups, 4) || classes != kClasses ||
      (capacity & (capacity - 1)) != 0 || capacity > (1u << 26) || vocab > (1u << 24))
    return core::Status::Corruption(path, "header", "bad model header");
  auto m = std::make_unique<NerModel>();
  m->keys_.resize(capacity);
  m->weights_.resize(static_cast<size_t>(capacity) * kClasses);
  m->vocab_.resize(vocab);
  m->cities_.resize(cities);
  if (!take(m->keys_.data(), capacity * 8ull) ||
      !take(m->weights_.data(), m->weights_.size() * 2) || !take(m->vocab_.data(), vocab * 8ull) ||
      !take(m->cities_.data(), cities))
    return core::Status::Corruption(path, "", "truncated model");
  m->mask_ = capacity ? capacity - 1 : 0;
  m->scale_ = scale;
  m->groups_ = groups;
  m->gazetteer_ = std::make_unique<Gazetteer>(m->cities_);
  return m;
}

core::Status NerModel::Save(const std::string& path) const {
  std::string out(kMagic, 8);
  Put(&out, static_cast<uint32_t>(kClasses));
  Put(&out, static_cast<uint32_t>(keys_.size()));
  Put(&out, scale_);
  Put(&out, static_cast<uint32_t>(vocab_.size()));
  Put(&out, static_cast<uint32_t>(cities_.size()));
  Put(&out, groups_);
  out.append(reinterpret_cast<const char*>(keys_.data()), keys_.size() * 8);
  out.append(reinterpret_cast<const char*>(weights_.data()), weights_.size() * 2);
  out.append(reinterpret_cast<const char*>(vocab_.data()), vocab_.size() * 8);
  out += cities_;
  std::ofstream f(path, std::ios::binary);
  if (!f) return core::Status::IOError(path, "cannot write the model");
  f.write(out.data(), static_cast<std::streamsize>(out.size()));
  return f ? core::Status::Ok() : core::Status::IOError(path, "cannot write the model");
}

void Prepare(const NerModel& model, TagInput* in) {
  size_t n = in->tokens.size();
  in->lower.resize(n);
  in->shape.resize(n);
  in->gaz.assign(n, 0);
  in->run_pos.assign(n, 0);
  in->run_first.assign(n, 0);
  in->run_last.assign(n, 0);
  in->doc_flags.assign(n, 0);
  std::unordered_map<std::string, uint8_t>
      seen;  // lower form -> 1 lower, 2 capitalised mid-sentence
  for (size_t i = 0; i < n; ++i) {
    in->lower[i].clear();
    core::AppendAsciiLower(in->tokens[i].text, &in->lower[i]);
    in->shape[i] = Shape(in->tokens[i].text);
  }
  const Gazetteer& gaz = model.gazetteer();
  for (const SentenceRange& s : in->sentences) {
    for (size_t i = s.first; i < s.last;) {
      const Token& t = in->tokens[i];
      if (t.Is(kLower))
        seen[in->lower[i]] |= 1;
      else if (t.Is(kUpper) && i > s.first && !in->tokens[i - 1].Is(kPunct))
        seen[in->lower[i]] |= 2;
      const GazEntry* e = nullptr;
      int m = (model.groups() & kFeatGazetteer) && (t.Is(kUpper) || t.Is(kAlpha))
                  ? gaz.Match(in->tokens, i, s.last, &e)
                  : 0;
      if (m > 0) {
        for (int k = 0; k < m; ++k)
          in->gaz[i + k] = static_cast<uint8_t>(static_cast<int>(e->kind) * 2 + (k > 0));
        for (int k = 1; k < m; ++k) {
          const Token& u = in->tokens[i + k];
          if (u.Is(kLower))
            seen[in->lower[i + k]] |= 1;
          else if (u.Is(kUpper))
            seen[in->lower[i + k]] |= 2;
        }
        i += m;
      } else {
        if ((model.groups() & kFeatGazetteer) && gaz.IsFirstName(t.text))
          in->gaz[i] = static_cast<uint8_t>(static_cast<int>(GazKind::kFirstName) * 2);
        ++i;
      }
    }
    // Capitalised runs, joined by connectors that sit between capitalised words.
    for (size_t i = s.first; i < s.last && (model.groups() & kFeatRuns);) {
      if (!in->tokens[i].Is(kUpper)) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < s.last) {
        if (in->tokens[j].Is(kUpper) ||
            (in->tokens[j].Is(kDigit) && !in->tokens[j].Is(kPunct) && j > i)) {
          ++j;
        } else if (j + 1 < s.last && IsConnector(in->lower[j]) && in->tokens[j + 1].Is(kUpper)) {
          j += 2;
        } else {
          break;
        }
      }
      for (size_t k = i; k < j; ++k) {
        in->run_first[k] = static_cast<uint32_t>(i);
        in->run_last[k] = static_cast<uint32_t>(j - 1);
        in->run_pos[k] = j - i == 1 ? 4 : k == i ? 1 : k == j - 1 ? 3 : 2;
      }
      i = j;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    auto it = seen.find(in->lower[i]);
    if (it != seen.end() && (model.groups() & kFeatDocument)) in->doc_flags[i] = it->second;
    if ((model.groups() & kFeatVocab) && in->tokens[i].Is(kUpper)) {
      if (model.InVocab(in->lower[i])) in->doc_flags[i] |= 4;
      // "^word": the dictionary lists it only capitalised (a proper noun).
      if (model.InVocab("^" + in->lower[i])) in->doc_flags[i] |= 8;
    }
  }
}

void Features(const TagInput& in, const SentenceRange& s, size_t i, std::vector<uint64_t>* out) {
  out->clear();
  const Token& t = in.tokens[i];
  auto lw = [&](long k) -> std::string_view {
    if (k < static_cast<long>(s.first)) return "<s>";
    if (k >= static_cast<long>(s.last)) return "</s>";
    return in.lower[k];
  };
  auto sh = [&](long k) -> std::string_view {
    if (k < static_cast<long>(s.first) || k >= static_cast<long>(s.last)) return "_";
    return in.shape[k];
  };
  auto gz = [&](long k) -> std::string_view {
    if (k < static_cast<long>(s.first) || k >= static_cast<long>(s.last)) return "_";
    return kGazNames[in.gaz[k] / 2];
  };
  long li = static_cast<long>(i);
  const std::string& w = in.lower[i];
  bool initial = i == s.first || (i > s.first && in.tokens[i - 1].Is(kPunct) &&
                                  (i - 1 == s.first || in.tokens[i - 1].text == "\"" ||
                                   in.tokens[i - 1].text == "\xE2\x80\x9C"));
  out->push_back(H(1, "bias"));
  out->push_back(H(2, w));
  out->push_back(H(3, in.shape[i]));
  if (w.size() > 3) out->push_back(H(4, std::string_view(w).substr(w.size() - 3)));
  if (w.size() > 3) out->push_back(H(5, std::string_view(w).substr(0, 3)));
  out->push_back(H(6, lw(li - 1)));
  out->push_back(H(7, lw(li + 1)));
  out->push_back(H(8, lw(li - 2)));
  out->push_back(H(9, lw(li + 2)));
  out->push_back(H(10, sh(li - 1), sh(li), sh(li + 1)));
  char g0[3] = {kGazNames[in.gaz[i] / 2][0], kGazNames[in.gaz[i] / 2][1],
                static_cast<char>('0' + in.gaz[i] % 2)};
  out->push_back(H(14, std::string_view(g0, 3)));
  out->push_back(H(15, gz(li - 1), gz(li)));
  out->push_back(H(16, gz(li), gz(li + 1)));
  if (t.Is(kUpper)) {
    // doc_flags: 1 seen lower-case in this document, 2 capitalised mid-sentence, 4 a word the
    // training text used lower-case (a common word capitalised here).
    out->push_back(H(19, initial ? "init" : "mid", (in.doc_flags[i] & 1) ? "doclow" : "-",
                     (in.doc_flags[i] & 2) ? "doccap" : "-"));
    out->push_back(H(18, initial ? "init" : "mid", (in.doc_flags[i] & 4) ? "voc" : "-",
                     (in.doc_flags[i] & 8) ? "prop" : "-"));
  }
  out->push_back(H(20, lw(li - 1), w));
  out->push_back(H(21, w, lw(li + 1)));
  if (in.run_pos[i]) {
    size_t f = in.run_first[i], l = in.run_last[i];
    out->push_back(H(24, in.lower[l]));
    out->push_back(H(25, in.lower[f]));
    char rp[2] = {static_cast<char>('0' + in.run_pos[i]),
                  static_cast<char>('0' + std::min<size_t>(l - f + 1, 5))};
    out->push_back(H(26, std::string_view(rp, 2)));
    out->push_back(H(27, std::string_view(rp, 1), in.lower[l]));
    out->push_back(H(29, f > s.first ? in.lower[f - 1] : "<s>", std::string_view(rp, 1)));
  }
  out->push_back(H(30, t.text));
  // Organisation cues the training text (no news) is too small to learn word by word: an
  // organisation word ("Authority", "Inc", "Council") later in the same capitalised run, or a
  // company/media word near the token ("companies such as X", "founder of X", "X shares").
  if (in.run_pos[i]) {
    for (size_t k = i + 1; k <= in.run_last[i]; ++k)
      if (OrganizationWords().count(in.tokens[k].text)) {
        out->push_back(H(31, "org-ahead", k == in.run_last[i] ? "last" : "mid"));
        break;
      }
    if (OrganizationWords().count(t.text)) out->push_back(H(31, "org-self"));
  }
  if (t.Is(kUpper)) {
    for (long k = li - 3; k <= li + 3; ++k) {
      if (k == li || k < static_cast<long>(s.first) || k >= static_cast<long>(s.last)) continue;
      if (OrganizationCues().count(in.lower[k])) {
        out->push_back(H(32, k < li ? "before" : "after"));
        break;
      }
    }
  }
}

void PrevFeatures(const TagInput& in, size_t i, int prev,
                  std::array<uint64_t, kPrevFeatures>* out) {
  std::string_view pl = kLabelNames[prev];
  char g0[3] = {kGazNames[in.gaz[i] / 2][0], kGazNames[in.gaz[i] / 2][1],
                static_cast<char>('0' + in.gaz[i] % 2)};
  (*out)[0] = H(11, pl);
  (*out)[1] = H(13, pl, in.lower[i]);
  (*out)[2] = H(17, pl, std::string_view(g0, 3));
  (*out)[3] = H(28, pl, in.shape[i]);
}

// First-order Viterbi over one sentence. `score(features, out)` adds the weights of the feature
// hashes to out[kClasses]. Punctuation other than "&" is always O, as no name ends inside it.
template <typename Score>
void Decode(const TagInput& in, const SentenceRange& s, const Score& score, uint8_t* labels) {
  size_t n = s.last - s.first;
  if (n == 0) return;
  std::vector<uint64_t> feats;
  feats.reserve(40);
  std::vector<std::array<double, kClasses>> best(n);
  std::vector<std::array<uint8_t, kClasses>> back(n);
  std::array<uint64_t, kPrevFeatures> pf;
  constexpr double kNone = -1e300;
  for (size_t k = 0; k < n; ++k) {
    size_t i = s.first + k;
    const Token& t = in.tokens[i];
    bool forced_o = t.Is(kPunct) && t.text != "&";
    double emit[kClasses] = {};
    if (!forced_o) {
      Features(in, s, i, &feats);
      score(feats.data(), feats.size(), emit);
    }
    int prev_count = k == 0 ? 1 : kClasses;
    for (int c = 0; c < kClasses; ++c) best[k][c] = kNone;
    for (int p = 0; p < prev_count; ++p) {
      double base = k == 0 ? 0 : best[k - 1][p];
      if (base <= kNone) continue;
      double trans[kClasses] = {};
      if (!forced_o) {
        PrevFeatures(in, i, p, &pf);
        score(pf.data(), pf.size(), trans);
      }
      for (int c = 0; c < (forced_o ? 1 : kClasses); ++c) {
        if (!Allowed(p, c)) continue;
        double v = base + emit[c] + trans[c];
        if (v > best[k][c]) best[k][c] = v, back[k][c] = static_cast<uint8_t>(p);
      }
    }
  }
  int c = 0;
  for (int x = 1; x < kClasses; ++x)
    if (best[n - 1][x] > best[n - 1][c]) c = x;
  for (size_t k = n; k-- > 0;) {
    labels[s.first + k] = static_cast<uint8_t>(c);
    c = back[k][c];
  }
}

std::vector<uint8_t> NerModel::Tag(const TagInput& in) const {
  std::vector<uint8_t> labels(in.tokens.size(), kO);
  auto score = [&](const uint64_t* f, size_t count, double* out) {
    for (size_t j = 0; j < count; ++j) {
      const int16_t* w = Find(f[j]);
      if (!w) continue;
      for (int c = 0; c < kClasses; ++c) out[c] += w[c];
    }
  };
  for (const SentenceRange& s : in.sentences) Decode(in, s, score, labels.data());
  return labels;
}

namespace {

using Averaged = std::vector<std::pair<uint64_t, std::array<float, kClasses>>>;

// One structured-perceptron run over the examples in an order shuffled by `seed`; returns the
// averaged weights of every feature it touched, in the table's iteration order.
Averaged TrainOnce(std::vector<NerModel::Example>* examples, int epochs, uint32_t seed,
                   std::string* log) {
  struct W {
    float w[kClasses] = {};
    float acc[kClasses] = {};
    int64_t ts[kClasses] = {};
  };
  std::unordered_map<uint64_t, W> table;
  int64_t now = 0;
  std::vector<uint64_t> feats;
  std::mt19937 rng(seed);
  std::vector<size_t> order(examples->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto update = [&](uint64_t f, int c, float d) {
    W& x = table[f];
    x.acc[c] += static_cast<float>(now - x.ts[c]) * x.w[c];
    x.ts[c] = now;
    x.w[c] += d;
  };
  auto score = [&](const uint64_t* f, size_t count, double* out) {
    for (size_t j = 0; j < count; ++j) {
      auto it = table.find(f[j]);
      if (it == table.end()) continue;
      for (int c = 0; c < kClasses; ++c) out[c] += it->second.w[c];
    }
  };
  std::vector<uint8_t> pred;
  std::array<uint64_t, kPrevFeatures> pf;
  // Structured perceptron (Collins 2002): decode the sentence as at tagging time and move the
  // weights from the predicted path's features to the gold path's where the two differ.
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t errors = 0, total = 0;
    for (size_t oi : order) {
      const NerModel::Example& ex = (*examples)[oi];
      pred.assign(ex.labels.size(), kO);
      for (const SentenceRange& s : ex.input.sentences) {
        ++now;
        Decode(ex.input, s, score, pred.data());
        for (size_t i = s.first; i < s.last; ++i) {
          const Token& t = ex.input.tokens[i];
          int gold = ex.labels[i], got = pred[i];
          int gold_prev = i > s.first ? ex.labels[i - 1] : static_cast<uint8_t>(kO);
          int got_prev = i > s.first ? pred[i - 1] : static_cast<uint8_t>(kO);
          ++total;
          errors += gold != got;
          if (t.Is(kPunct) && t.text != "&") continue;
          if (gold == got && gold_prev == got_prev) continue;
          if (gold != got) {
            Features(ex.input, s, i, &feats);
            for (uint64_t f : feats) {
              update(f, gold, 1);
              update(f, got, -1);
            }
          }
          PrevFeatures(ex.input, i, gold_prev, &pf);
          for (uint64_t f : pf) update(f, gold, 1);
          PrevFeatures(ex.input, i, got_prev, &pf);
          for (uint64_t f : pf) update(f, got, -1);
        }
      }
    }
    if (log)
      *log += "epoch " + std::to_string(epoch + 1) + ": token errors " + std::to_string(errors) +
              "/" + std::to_string(total) + "\n";
  }
  Averaged out;
  out.reserve(table.size());
  for (auto& [k, x] : table) {
    std::array<float, kClasses> a{};
    for (int c = 0; c < kClasses; ++c) {
      float acc = x.acc[c] + static_cast<float>(now - x.ts[c]) * x.w[c];
      a[c] = acc / static_cast<float>(now);
    }
    out.push_back({k, a});
  }
  return out;
}

}  // namespace

NerModel NerModel::Train(std::vector<Example>* examples, int epochs, std::vector<std::string> vocab,
                         std::string cities_tsv, double prune, uint32_t groups, std::string* log,
                         uint32_t seed, int bags) {
  // Bagging over shuffles: a perceptron's weights depend on the order it saw the examples in
  // (one seed against another moves dev names F1 by up to 0.015); averaging the runs of several
  // orders removes most of that chance from the shipped model.
  Averaged runs = TrainOnce(examples, epochs, seed, log);
  if (bags > 1) {
    std::map<uint64_t, std::array<float, kClasses>> sum;
    for (int b = 0; b < bags; ++b) {
      if (b > 0) runs = TrainOnce(examples, epochs, seed + static_cast<uint32_t>(b), log);
      for (auto& [k, a] : runs)
        for (int c = 0; c < kClasses; ++c) sum[k][c] += a[c] / static_cast<float>(bags);
    }
    runs.assign(sum.begin(), sum.end());
  }
  // Prune small weights, quantise to int16.
  Averaged kept;
  float maxabs = 0;
  for (auto& [k, a] : runs) {
    float m = 0;
    for (int c = 0; c < kClasses; ++c) m = std::max(m, std::fabs(a[c]));
    if (m < prune) continue;
    maxabs = std::max(maxabs, m);
    kept.push_back({k, a});
  }
  NerModel model;
  size_t cap = 1;
  while (cap < kept.size() * 4 / 3 + 1) cap <<= 1;
  model.keys_.assign(cap, 0);
  model.weights_.assign(cap * kClasses, 0);
  model.mask_ = cap - 1;
  model.scale_ = maxabs > 0 ? maxabs / 32000.0f : 1.0f;
  for (auto& [k, a] : kept) {
    uint64_t slot = k & model.mask_;
    while (model.keys_[slot] != 0) slot = (slot + 1) & model.mask_;
    model.keys_[slot] = k;
    for (int c = 0; c < kClasses; ++c)
      model.weights_[slot * kClasses + c] = static_cast<int16_t>(std::lround(a[c] / model.scale_));
  }
  model.set_vocab(vocab);
  model.groups_ = groups;
  model.cities_ = std::move(cities_tsv);
  model.gazetteer_ = std::make_unique<Gazetteer>(model.cities_);
  if (log)
    *log += "features kept " + std::to_string(kept.size()) + " of " + std::to_string(runs.size()) +
            "\n";
  return model;
}

}  // namespace wirebrief::nlp::detail

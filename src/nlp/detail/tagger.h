// The name tagger: an averaged structured perceptron over BIO labels (PER/ORG/LOC), decoded with
// first-order Viterbi per sentence (the previous label is a feature). Written here (the issue asks
// for it; no packaged C++ sequence tagger fits a 100k tokens/s budget with a few-MB model).
//
// Model file (data/nlp/ner.bin, little-endian): magic "WBNER003", u32 classes, u32 capacity,
// f32 scale, u32 vocab count, u32 cities bytes, u32 feature groups (kFeat* bits), then u64
// keys[capacity] (0 = empty slot), i16 weights[capacity * classes], u64 vocab hashes (sorted),
// cities text ("Name\tCC\n"). Thread safety: a loaded model is immutable; Tag() is reentrant.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "nlp/detail/gazetteer.h"
#include "nlp/detail/text.h"

namespace wirebrief::nlp::detail {

constexpr int kClasses = 7;  // O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC
// Feature groups a model was trained with (ablations switch some off).
enum FeatureGroup : uint32_t {
  kFeatGazetteer = 1,
  kFeatRuns = 2,
  kFeatDocument = 4,
  kFeatVocab = 8,
  kFeatAll = 15
};
enum Label : uint8_t { kO = 0, kBPer, kIPer, kBOrg, kIOrg, kBLoc, kILoc };

// One document prepared for tagging: tokens, sentences and the per-token facts features use.
struct TagInput {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<SentenceRange> sentences;
  // Filled by Prepare():
  std::vector<std::string> lower;
  std::vector<std::string> shape;
  std::vector<uint8_t> gaz;      // GazKind * 2 + (1 if inside a phrase, not its first token)
  std::vector<uint8_t> run_pos;  // 0 none, 1 begin, 2 inside, 3 end, 4 single
  std::vector<uint32_t> run_first, run_last;  // token indices of the capitalised run
  std::vector<uint8_t>
      doc_flags;  // 1 seen lower-case in the document, 2 seen capitalised mid-sentence
};

class NerModel {
 public:
  static core::Result<std::unique_ptr<NerModel>> Load(const std::string& path);
  // An empty model (all weights zero) with the built-in gazetteer, used when no file is found.
  NerModel();

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  bool InVocab(std::string_view lower) const;
  bool empty() const { return keys_.empty(); }

  // Tags every sentence of `in` (after Prepare) and returns one label per token.
  std::vector<uint8_t> Tag(const TagInput& in) const;

  // Training (tools/train_ner): builds a model from labelled documents.
  struct Example {
    TagInput input;
    std::vector<uint8_t> labels;
  };
  // Call Prepare() on each example with a model of the same `groups` first. `seed` orders the
  // examples' shuffles; `bags` > 1 trains that many times (seeds seed, seed+1, ...) and keeps
  // the mean of the averaged weights. The result depends only on the arguments.
  // Default: seed 20261123 (every shipped model so far), bags 1.
  static NerModel Train(std::vector<Example>* examples, int epochs, std::vector<std::string> vocab,
                        std::string cities_tsv, double prune, uint32_t groups, std::string* log,
                        uint32_t seed = 20261123, int bags = 1);
  uint32_t groups() const { return groups_; }
  void set_groups(uint32_t g) { groups_ = g; }
  void set_vocab(const std::vector<std::string>& words);
  core::Status Save(const std::string& path) const;
  size_t feature_count() const;

  const std::string& cities() const { return cities_; }

 private:
  const int16_t* Find(uint64_t key) const;

  std::vector<uint64_t> keys_;
  std::vector<int16_t> weights_;
  uint64_t mask_ = 0;
  float scale_ = 1;
  std::vector<uint64_t> vocab_;
  std::string cities_;
  uint32_t groups_ = kFeatAll;
  std::unique_ptr<Gazetteer> gazetteer_;
};

// Fills the per-token facts of `in` (tokens and sentences must be set).
void Prepare(const NerModel& model, TagInput* in);
// Feature hashes of token `i` in sentence `s` that do not depend on labels.
void Features(const TagInput& in, const SentenceRange& s, size_t i, std::vector<uint64_t>* out);
// Feature hashes of token `i` that pair it with the previous label (the transition part).
constexpr size_t kPrevFeatures = 4;
void PrevFeatures(const TagInput& in, size_t i, int prev, std::array<uint64_t, kPrevFeatures>* out);
uint64_t HashWord(std::string_view lower);

}  // namespace wirebrief::nlp::detail

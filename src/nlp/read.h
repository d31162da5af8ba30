// nlp/: reads an article's clean text: sentences, named people (with roles), organisations,
// countries and places, figures with what they count, dates resolved against the publication
// date, and direct quotes with their speakers. All offsets are byte spans into Article::text.
//
// Names come from an averaged-perceptron tagger (data/nlp/ner.bin, trained by
// tools/train_ner.cc on the nlp kit's training split) plus name lists written here; sentences,
// dates, quotes, roles, countries and figures from rules over the same tokens.
//
// OpenReader loads the model where ReadOptions says and reports a missing or unreadable one;
// the library reads no environment variables (the CLI maps WB_NLP_MODEL and WB_NLP_DATA to
// ReadOptions::model_path).
//
// Languages: the tagger and the name, role and country rules are English ones (ReadsLanguage);
// German, French, Spanish, Portuguese, Swedish and Chinese have figure, date and quote grammars of
// their own (ReadsFiguresDatesAndQuotes) and get those without names. A text in any other
// language gets its sentences only, and Annotations::language_not_read says so: no names,
// figures, dates or quotes invented by English rules from another language's words.
//
// Limits: only the first ReadOptions::limits.max_read_bytes of a text are annotated
// (SplitSentences: core::Limits' default).
// Thread safety: a Reader is immutable once opened; Read/ReadText/ReadArticle are reentrant and
// may run on any number of threads. OpenReader is thread-safe. Reading never fails: text it
// cannot read yields fewer annotations, not an error.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "core/model.h"
#include "core/status.h"

namespace wirebrief::nlp {

namespace detail {
class NerModel;
}  // namespace detail

struct ReadOptions {
  // The name-tagger model file. Default: "" = the first of DefaultModelPaths() that is a file.
  std::string model_path;
  // Names from the lists alone (countries, cities, agencies: fewer names, not wrong ones), no
  // model read; model_path is then ignored. Default: false.
  bool names_from_lists_only = false;
  // A name the tagger found once also names the same untagged words elsewhere in the document
  // ("Santorum" at a sentence start). false is an ablation, for measuring what it adds
  // (bench/README.md). Default: true.
  bool propagate_names = true;
  // Resource limits; the reader uses max_read_bytes (text past it is not annotated).
  // Default: core::Limits{} (8 MiB read).
  core::Limits limits;
};

// Where a default ReadOptions looks for the model, in order: next to the running binary
// (../share/wirebrief/nlp/ner.bin for an install, ../data/nlp/ner.bin and ../../data/nlp/ner.bin
// for a build tree), then data/nlp/ner.bin in the source tree the build was configured from.
std::vector<std::string> DefaultModelPaths();

// Annotates texts with one model and one set of options. Cheap to copy (the model is shared).
class Reader {
 public:
  // Annotates `article.text` in `article.language`; `article.date_published` (if any) anchors
  // relative dates, falling back to `date_crawled`.
  core::Annotations Read(const core::Article& article) const;
  // Annotates plain `text`; `publication_date` ("2026-11-05", may carry a time; empty =
  // unknown) anchors relative dates. `language` is the text's BCP-47 tag (empty = unknown, read
  // as English); a language the reader does not read gets sentences only.
  core::Annotations ReadText(std::string_view text, std::string_view publication_date,
                             std::string_view language = "") const;
  // The model file in use (canonical path), or "" when names come from the lists alone.
  const std::string& model_path() const { return model_path_; }
  const ReadOptions& options() const { return options_; }

 private:
  friend core::Result<Reader> OpenReader(const ReadOptions& options);
  Reader() = default;
  std::shared_ptr<const detail::NerModel> model_;
  std::string model_path_;
  ReadOptions options_;
};

// Loads the model `options` name (each file once per process; later readers of the same file
// share it). Errors: kNotFound naming the path (or, by default, the places looked at) when there
// is no model file, or the loader's error for a file that cannot be read as one; none when
// options.names_from_lists_only.
core::Result<Reader> OpenReader(const ReadOptions& options);

// The reader of tests, fuzzers and benchmarks: OpenReader(ReadOptions{}), opened on first use,
// or names from the lists alone when that fails. Products open their own with OpenReader, to
// be told.
const Reader& DefaultReader();

// DefaultReader().Read(article) and DefaultReader().ReadText(text, publication_date).
core::Annotations ReadArticle(const core::Article& article);
core::Annotations ReadText(std::string_view text, std::string_view publication_date);

// True when the reader reads `language` (a BCP-47 tag, "en-GB"; compared by its primary subtag,
// case-insensitively) for names, figures, dates and quotes. An empty tag (no language detected)
// is read, as English. The one list of read languages is in read.cc.
bool ReadsLanguage(std::string_view language);
// True when the reader reads figures, dates and quotes in `language`: every language
// ReadsLanguage reads, and those with a date, number and quote grammar of their own (de, fr, es,
// pt, sv, zh), where names, roles and countries are not read (and quotes have no speaker). Any
// other language gets its sentences only, and Annotations::language_not_read.
bool ReadsFiguresDatesAndQuotes(std::string_view language);

// Sentence spans of `text` (paragraph breaks always end a sentence).
std::vector<core::Sentence> SplitSentences(std::string_view text);

// Lower-cased word tokens of `text` with stop words removed: the vocabulary clustering and
// briefs compare on. Digits are kept ("6.4", "2026").
std::vector<std::string> ContentTokens(std::string_view text);

// A content token of ContentTokenSpans: its byte span in the text it was read from and its
// lower-cased form as the byte range [lower_begin, lower_end) of the caller's buffer.
struct ContentTokenSpan {
  uint32_t begin = 0, end = 0;
  uint32_t lower_begin = 0, lower_end = 0;
};

// ContentTokens without a string per token, for callers that tokenise a whole text once and
// then take the tokens of each sentence by span: appends the same tokens, in order, to `*spans`
// and their lower-cased forms to `*lower` (both appended to, not cleared). The token spans lie
// inside `text`; a span is relative to `text`'s first byte.
void ContentTokenSpans(std::string_view text, std::vector<ContentTokenSpan>* spans,
                       std::string* lower);

// True for English function words ("the", "said", "would").
bool IsStopWord(std::string_view lower_word);

}  // namespace wirebrief::nlp

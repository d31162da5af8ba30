// The read stage: one tokenisation shared by every part (see detail/parts.h for the order).
#include "nlp/read.h"

#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/text.h"
#include "nlp/detail/lang.h"
#include "nlp/detail/lexicon.h"
#include "nlp/detail/parts.h"
#include "nlp/detail/text.h"

namespace wirebrief::nlp {
namespace {

std::string ExeDir() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.parent_path().string();
}

// The model of the name lists alone, shared by every reader that wants no file.
std::shared_ptr<const detail::NerModel> ListsOnlyModel() {
  static const std::shared_ptr<const detail::NerModel> model =
      std::make_shared<const detail::NerModel>();
  return model;
}

// Each model file is loaded once per process: readers are opened per run, per watch round and
// per upload, and the file takes a while to load.
core::Result<std::shared_ptr<const detail::NerModel>> LoadShared(const std::string& canonical) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const detail::NerModel>> loaded;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = loaded.find(canonical); it != loaded.end()) return it->second;
  auto m = detail::NerModel::Load(canonical);
  if (!m.ok()) return m.status();
  std::shared_ptr<const detail::NerModel> model = std::move(m).value();
  loaded.emplace(canonical, model);
  return model;
}

// Without a model file: names the lists know (countries, cities, agencies) become mentions.
void ListLabels(detail::Doc* d) {
  const auto& gaz = d->model->gazetteer();
  for (const auto& s : d->tag.sentences) {
    for (size_t i = s.first; i < s.last;) {
      const detail::GazEntry* g = nullptr;
      int k = d->tok(i).Is(detail::kUpper) ? gaz.Match(d->tag.tokens, i, s.last, &g) : 0;
      if (k == 0 || g->kind == detail::GazKind::kDemonym ||
          g->kind == detail::GazKind::kFirstName) {
        ++i;
        continue;
      }
      uint8_t b = g->kind == detail::GazKind::kOrg ? detail::kBOrg : detail::kBLoc;
      for (int j = 0; j < k; ++j) d->labels[i + j] = j == 0 ? b : b + 1;
      i += k;
    }
  }
}

// The languages the reader reads. Only English: the tagger is trained on English text and the
// date, figure, quote and role rules are English grammar. Measured on the nlp kit's translated
// dev sets (bench/README.md, issue 27), names F1 is en .772 but de .391, pt .512, sv .542 and
// zh .105: below any usable bar, and the figures and dates read there are wrong ("30.000
// Kilometer" as 30 "entstehen", "8 de marzo" as a figure). A language joins it when its
// measured figures clear the bars, not before.
constexpr std::string_view kReadLanguage = "en";

}  // namespace

bool ReadsLanguage(std::string_view language) {
  return language.empty() || core::PrimaryLanguage(language) == kReadLanguage;
}

// The languages with figure, date and quote grammars of their own are the ones detail::LangOf
// gives tables for (dates_intl.cc, figures_intl.cc, chinese.cc, speech_words.cc; fixtures per
// language, bench/README.md "Dates and figures beyond English", "Quotes beyond English"): those
// are read, names, roles and countries are not (the tagger's measured F1 above).
bool ReadsFiguresDatesAndQuotes(std::string_view language) {
  return ReadsLanguage(language) || detail::LangOf(language) != detail::Lang::kEn;
}

std::vector<std::string> DefaultModelPaths() {
  std::vector<std::string> out;
  std::string exe = ExeDir();
  if (!exe.empty())
    for (const char* rel :
         {"/../share/wirebrief/nlp/ner.bin", "/../data/nlp/ner.bin", "/../../data/nlp/ner.bin"})
      out.push_back(exe + rel);
#ifdef WB_NLP_DATA_DIR
  out.push_back(std::string(WB_NLP_DATA_DIR) + "/ner.bin");
#endif
  return out;
}

core::Result<Reader> OpenReader(const ReadOptions& options) {
  Reader reader;
  reader.options_ = options;
  if (options.names_from_lists_only) {
    reader.model_ = ListsOnlyModel();
    return reader;
  }
  std::string path = options.model_path;
  std::error_code ec;
  if (path.empty()) {
    std::string looked_at;
    for (const std::string& candidate : DefaultModelPaths()) {
      if (std::filesystem::is_regular_file(candidate, ec)) {
        path = candidate;
        break;
      }
      looked_at += (looked_at.empty() ? "" : ", ") + candidate;
    }
    if (path.empty()) return core::Status::NotFound("nlp model", "no ner.bin at " + looked_at);
  } else if (!std::filesystem::is_regular_file(path, ec)) {
    return core::Status::NotFound(path, "no name-tagger model file here");
  }
  reader.model_path_ = std::filesystem::weakly_canonical(path, ec).string();
  auto model = LoadShared(reader.model_path_);
  if (!model.ok()) return model.status();
  reader.model_ = std::move(model).value();
  return reader;
}

const Reader& DefaultReader() {
  static const Reader reader = [] {
    auto r = OpenReader(ReadOptions{});
    if (r.ok()) return std::move(r).value();
    ReadOptions lists_only;
    lists_only.names_from_lists_only = true;
    return std::move(OpenReader(lists_only)).value();
  }();
  return reader;
}

bool IsStopWord(std::string_view lower_word) { return detail::StopWords().count(lower_word) > 0; }

std::vector<std::string> ContentTokens(std::string_view text) {
  std::vector<std::string> out;
  for (const detail::Token& t : detail::Tokenize(text)) {
    if (t.Is(detail::kPunct)) continue;
    std::string l = core::AsciiLower(t.text);
    if (l.size() > 1 && l.back() == '.') l.pop_back();  // "u.s." compares as "u.s"
    if (l.size() < 2 && !std::isdigit(static_cast<unsigned char>(l[0]))) continue;
    if (IsStopWord(l)) continue;
    out.push_back(std::move(l));
  }
  return out;
}

void ContentTokenSpans(std::string_view text, std::vector<ContentTokenSpan>* spans,
                       std::string* lower) {
  // The same filter as ContentTokens, writing into the caller's buffers.
  for (const detail::Token& t : detail::Tokenize(text)) {
    if (t.Is(detail::kPunct)) continue;
    const size_t at = lower->size();
    core::AppendAsciiLower(t.text, lower);
    std::string_view l(lower->data() + at, lower->size() - at);
    if (l.size() > 1 && l.back() == '.') l.remove_suffix(1);  // "u.s." compares as "u.s"
    if ((l.size() < 2 && !std::isdigit(static_cast<unsigned char>(l[0]))) || IsStopWord(l)) {
      lower->resize(at);
      continue;
    }
    lower->resize(at + l.size());
    spans->push_back(
        {t.begin, t.end, static_cast<uint32_t>(at), static_cast<uint32_t>(lower->size())});
  }
}

std::vector<core::Sentence> SplitSentences(std::string_view text) {
  constexpr size_t kMaxReadBytes = core::Limits{}.max_read_bytes;
  if (text.size() > kMaxReadBytes) text = text.substr(0, kMaxReadBytes);
  std::vector<detail::Token> toks = detail::Tokenize(text);
  std::vector<core::Sentence> out;
  for (const auto& s : detail::SplitTokens(text, toks))
    out.push_back({{toks[s.first].begin, toks[s.last - 1].end}});
  return out;
}

core::Annotations Reader::ReadText(std::string_view text, std::string_view publication_date,
                                   std::string_view language) const {
  const size_t max_read_bytes = options_.limits.max_read_bytes;
  if (text.size() > max_read_bytes) text = text.substr(0, max_read_bytes);
  core::Annotations ann;
  if (!ReadsFiguresDatesAndQuotes(language)) {
    // Sentences only: the sentence splitter's cues (terminal punctuation, paragraph breaks) hold
    // across the languages written with them, the rest of the reader's rules do not.
    ann.sentences = SplitSentences(text);
    ann.language_not_read = core::PrimaryLanguage(language);
    return ann;
  }
  const bool names = ReadsLanguage(language);
  detail::Doc d;
  d.text = text;
  d.language = language;
  d.model = model_.get();
  d.anchor =
      core::ParseIsoDate(publication_date.substr(0, std::min<size_t>(10, publication_date.size())));
  d.tag.text = text;
  d.tag.tokens = detail::Tokenize(text);
  d.tag.sentences = detail::SplitTokens(text, d.tag.tokens);
  d.sentence_of.assign(d.tag.tokens.size(), 0);
  for (uint32_t k = 0; k < d.tag.sentences.size(); ++k) {
    const auto& s = d.tag.sentences[k];
    for (uint32_t i = s.first; i < s.last; ++i) d.sentence_of[i] = k;
    ann.sentences.push_back({{d.tag.tokens[s.first].begin, d.tag.tokens[s.last - 1].end}});
  }
  detail::Prepare(*d.model, &d.tag);
  if (!names) {
    d.labels.assign(d.tag.tokens.size(), detail::kO);
  } else if (d.model->empty()) {
    d.labels.assign(d.tag.tokens.size(), detail::kO);
    ListLabels(&d);
  } else {
    d.labels = d.model->Tag(d.tag);
  }
  if (names) {
    detail::ApplyNameRules(&d, options_.propagate_names);
    ann.mentions = detail::BuildMentions(&d);
    detail::ReadRoles(d, &ann.mentions, &ann.roles);
    detail::ReadCountries(d, &ann.countries);
  }
  detail::ReadFigures(d, &ann.figures, &ann.figure_details);
  detail::ReadDates(d, &ann.dates);
  detail::ReadQuotes(d, ann.mentions, ann.roles, &ann.quotes, &ann.quote_details);
  return ann;
}

core::Annotations Reader::Read(const core::Article& article) const {
  const std::string& anchor =
      !article.date_published.empty() ? article.date_published : article.date_crawled;
  return ReadText(article.text, anchor, article.language);
}

core::Annotations ReadArticle(const core::Article& article) {
  return DefaultReader().Read(article);
}

core::Annotations ReadText(std::string_view text, std::string_view publication_date) {
  return DefaultReader().ReadText(text, publication_date);
}

}  // namespace wirebrief::nlp

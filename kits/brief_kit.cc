#include "kits/brief_kit.h"

#include <climits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "brief/support.h"
#include "nlp/read.h"

namespace wirebrief::kits {
namespace {

using json = nlohmann::json;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

core::Result<KitStory> ParseKitStoryLine(std::string_view line, const core::Limits& limits) {
  if (line.size() > limits.max_document_bytes)
    return core::Status::InvalidArgument("story", "line over the size limit");
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return core::Status::InvalidArgument("story", "not a JSON object");
  KitStory s;
  s.id = Str(j, "id");
  if (s.id.empty()) return core::Status::InvalidArgument("story", "no \"id\"");
  auto arts_it = j.find("articles");
  if (arts_it == j.end() || !arts_it->is_array())
    return core::Status::InvalidArgument(s.id, "no \"articles\" array");
  const json& arts = *arts_it;
  if (arts.size() > kMaxKitArticles)
    return core::Status::InvalidArgument(
        s.id, "more than " + std::to_string(kMaxKitArticles) + " articles");
  std::set<int> seen_idx;
  for (size_t k = 0; k < arts.size(); ++k) {
    const json& a = arts[k];
    if (!a.is_object())
      return core::Status::InvalidArgument(s.id,
                                           "article " + std::to_string(k) + " is not an object");
    core::Article art;
    auto idx_it = a.find("idx");
    int idx = static_cast<int>(k);
    if (idx_it != a.end() && idx_it->is_number_integer()) {
      // The parser keeps non-negative numbers unsigned; out-of-range values would wrap into
      // another article's number.
      bool ok = idx_it->is_number_unsigned()
                    ? idx_it->get<unsigned long long>() <= static_cast<unsigned long long>(INT_MAX)
                    : idx_it->get<long long>() >= 0 && idx_it->get<long long>() <= INT_MAX;
      if (!ok)
        return core::Status::InvalidArgument(
            s.id, "article " + std::to_string(k) + ": \"idx\" out of range");
      long long v = idx_it->get<long long>();
      idx = static_cast<int>(v);
    }
    if (!seen_idx.insert(idx).second)
      return core::Status::InvalidArgument(s.id, "duplicate article idx " + std::to_string(idx));
    art.id = s.id + "#" + std::to_string(idx);
    art.site_name = Str(a, "outlet");
    if (art.site_name.empty()) art.site_name = "article " + std::to_string(idx);
    art.date_published = Str(a, "date");
    art.url = Str(a, "url");
    art.title = Str(a, "title");
    std::vector<core::Sentence> given;
    auto sents_it = a.find("sentences");
    if (sents_it != a.end() && sents_it->is_array()) {
      if (sents_it->size() > kMaxKitSentences)
        return core::Status::InvalidArgument(s.id,
                                             "article " + std::to_string(idx) + ": more than " +
                                                 std::to_string(kMaxKitSentences) + " sentences");
      for (const auto& sent : *sents_it) {
        std::string t = sent.is_string() ? sent.get<std::string>() : std::string();
        for (char& c : t)
          if (c == '\n') c = ' ';
        if (!art.text.empty()) art.text += '\n';
        uint32_t b = static_cast<uint32_t>(art.text.size());
        art.text += t;
        given.push_back({{b, static_cast<uint32_t>(art.text.size())}});
      }
    } else {
      art.text = Str(a, "text");
    }
    if (art.text.size() > limits.max_text_bytes)
      return core::Status::InvalidArgument(
          s.id, "article " + std::to_string(idx) + " text over the size limit");
    art.annotations = nlp::ReadArticle(art);
    if (!given.empty()) art.annotations.sentences = std::move(given);
    s.articles.push_back(std::move(art));
    s.idx.push_back(idx);
  }
  return s;
}

cluster::StoryGroup KitStoryGroup(const KitStory& story) {
  std::vector<const core::Article*> ptrs;
  for (const auto& a : story.articles) ptrs.push_back(&a);
  // Every article joins one group: the input already says which articles form the story.
  cluster::ClusterOptions co;
  co.join_threshold = -1;
  co.window_days = 1 << 20;
  cluster::StoryGroup group;
  for (auto& g : cluster::ClusterStories(ptrs, co))
    for (auto& f : g.families) group.families.push_back(std::move(f));
  group.story.id = story.id;
  for (const auto& a : story.articles) group.story.article_ids.push_back(a.id);
  return group;
}

core::Brief BriefKitStory(const KitStory& story, const brief::BriefOptions& options) {
  std::vector<const core::Article*> ptrs;
  for (const auto& a : story.articles) ptrs.push_back(&a);
  return brief::BuildBrief(KitStoryGroup(story), ptrs, options);
}

std::string KitBriefToJsonLine(const KitStory& in, const core::Brief& b) {
  // Citation spans -> [article idx, sentence index].
  std::map<std::string, size_t> art_of;
  for (size_t i = 0; i < in.articles.size(); ++i) art_of[in.articles[i].id] = i;
  auto cite = [&](const core::Citation& c) -> json {
    auto it = art_of.find(c.article_id);
    if (it == art_of.end()) return nullptr;
    const auto& sents = in.articles[it->second].annotations.sentences;
    for (size_t k = 0; k < sents.size(); ++k)
      if (sents[k].span.begin <= c.span.begin && c.span.begin < sents[k].span.end)
        return json::array({in.idx[it->second], k});
    return nullptr;
  };
  auto line_json = [&](const core::BriefLine& l) {
    json cites = json::array();
    for (const auto& c : l.citations) {
      json x = cite(c);
      if (!x.is_null()) cites.push_back(x);
    }
    json o = {{"text", l.text}, {"cites", cites}};
    if (!l.label.empty()) o["label"] = l.label;
    if (l.conflict) o["conflict"] = true;
    if (l.compressed) o["compressed"] = true;
    return o;
  };
  json sentences = json::array(), sections = json::object();
  std::set<std::string> said;
  for (const auto& l : b.lines) {
    json o = line_json(l);
    std::string name(core::BriefSectionName(l.section));
    if (!sections.contains(name)) sections[name] = json::array();
    sections[name].push_back(o);
    bool prose = l.section == core::BriefSection::kLede ||
                 l.section == core::BriefSection::kContext ||
                 l.section == core::BriefSection::kWhyItMatters ||
                 l.section == core::BriefSection::kStakeholder ||
                 l.section == core::BriefSection::kWhatsNext;
    if (prose && said.insert(l.text).second)
      sentences.push_back({{"text", o["text"]}, {"cites", o["cites"]}});
  }
  json out = {
      {"id", in.id}, {"version", b.version}, {"sentences", sentences}, {"sections", sections}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

core::Result<std::string> KitFaithLines(std::string_view line) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return core::Status::InvalidArgument("", "not a JSON object");
  std::vector<std::string> doc_sentences;
  if (j.contains("article_sentences") && j["article_sentences"].is_array()) {
    for (const auto& s : j["article_sentences"])
      if (s.is_string()) doc_sentences.push_back(s.get<std::string>());
  } else {
    std::string text = Str(j, "article");
    for (const auto& s : nlp::SplitSentences(text))
      doc_sentences.push_back(text.substr(s.span.begin, s.span.end - s.span.begin));
  }
  std::vector<std::string_view> doc(doc_sentences.begin(), doc_sentences.end());
  std::string out;
  for (const auto& s : j.value("summaries", json::array())) {
    if (!s.is_object()) continue;
    std::vector<std::string> given;
    if (s.contains("summary_sentences") && s["summary_sentences"].is_array())
      for (const auto& x : s["summary_sentences"])
        if (x.is_string()) given.push_back(x.get<std::string>());
    std::vector<std::string_view> parts(given.begin(), given.end());
    std::string summary = Str(s, "summary");
    brief::Support r = parts.empty() ? brief::ScoreTextAgainstDocument(summary, doc)
                                     : brief::ScoreSentencesAgainstDocument(parts, doc);
    json scored = {{"id", Str(s, "id")},
                   {"score", r.score},
                   {"label", r.score >= brief::kSupportedAt ? 1 : 0},
                   {"features",
                    {{"terms", r.term_coverage},
                     {"pairs", r.pair_coverage},
                     {"numbers", r.number_coverage},
                     {"names", r.name_coverage},
                     {"trigrams", r.trigram_coverage},
                     {"best", r.best_coverage},
                     {"best_pairs", r.best_pair_coverage},
                     {"best_trigrams", r.best_trigram_coverage},
                     {"negation_mismatch", r.negation_mismatch}}}};
    out += scored.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace wirebrief::kits

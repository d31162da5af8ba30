// `wirebrief brief --jsonl STORIES.jsonl`: a brief per story given as JSON lines (the brief kit's
// story format), without a database. `--faith SUMMARIES.jsonl` scores summaries against their
// article with the support check every brief line passes (the kit's factuality format).
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "brief/brief.h"
#include "brief/support.h"
#include "cli/flags.h"
#include "cluster/cluster.h"
#include "core/limits.h"
#include "core/status.h"
#include "nlp/read.h"

namespace wirebrief::cli {
namespace {

using json = nlohmann::json;

// Bounds on one story line; a line over them is reported and skipped.
constexpr size_t kMaxArticles = 1000;
constexpr size_t kMaxSentences = 20000;

struct StoryInput {
  std::string id;
  std::vector<core::Article> articles;
  std::vector<int> idx;  // the input's article "idx" per article
};

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Builds annotated articles. When the input lists sentences, the text is those sentences one
// per line and they replace the reader's sentences, so citations index into the input's lists.
core::Result<StoryInput> ReadStory(const json& j, const core::Limits& limits) {
  StoryInput s;
  s.id = Str(j, "id");
  if (s.id.empty()) return core::Status::InvalidArgument("story", "no \"id\"");
  const json* arts = j.contains("articles") && j["articles"].is_array() ? &j["articles"] : nullptr;
  if (!arts) return core::Status::InvalidArgument(s.id, "no \"articles\" array");
  if (arts->size() > kMaxArticles)
    return core::Status::InvalidArgument(s.id, "more than 1000 articles");
  for (size_t k = 0; k < arts->size(); ++k) {
    const json& a = (*arts)[k];
    if (!a.is_object())
      return core::Status::InvalidArgument(s.id,
                                           "article " + std::to_string(k) + " is not an object");
    core::Article art;
    int idx = a.contains("idx") && a["idx"].is_number_integer() ? a["idx"].get<int>()
                                                                : static_cast<int>(k);
    art.id = s.id + "#" + std::to_string(idx);
    art.site_name = Str(a, "outlet");
    if (art.site_name.empty()) art.site_name = "article " + std::to_string(idx);
    art.date_published = Str(a, "date");
    art.url = Str(a, "url");
    art.title = Str(a, "title");
    std::vector<core::Sentence> given;
    if (a.contains("sentences") && a["sentences"].is_array()) {
      if (a["sentences"].size() > kMaxSentences)
        return core::Status::InvalidArgument(s.id, "too many sentences");
      for (const auto& sent : a["sentences"]) {
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

json BriefToKitJson(const StoryInput& in, const core::Brief& b) {
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
  return {{"id", in.id}, {"version", b.version}, {"sentences", sentences}, {"sections", sections}};
}

json Faith(const json& j) {
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
  json out = json::array();
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
    out.push_back({{"id", Str(s, "id")},
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
                     {"negation_mismatch", r.negation_mismatch}}}});
  }
  return out;
}

}  // namespace

Command AddBriefCommand(CLI::App* root) {
  struct Flags : CommonFlags {
    std::string jsonl, faith;
  };
  auto* flags = new Flags();
  CLI::App* app = root->add_subcommand("brief", "Brief stories given as JSON lines (no database)");
  AddVersionFlag(app);
  auto* jsonl_opt = app->add_option(
      "--jsonl", flags->jsonl,
      "Stories, one JSON object per line: {\"id\", \"articles\": [{\"idx\", \"text\", "
      "\"sentences\", \"outlet\", \"date\", \"url\"}]}; prints one brief per line");
  app->add_option("--faith", flags->faith,
                  "Summaries to check, one article per line: {\"article_sentences\", "
                  "\"summaries\": [{\"id\", "
                  "\"summary\"}]}; prints {\"id\", \"score\", \"label\"} per summary")
      ->excludes(jsonl_opt);
  return {app, [flags] {
            const std::string& path = flags->jsonl.empty() ? flags->faith : flags->jsonl;
            if (path.empty()) {
              PrintError("brief: give --jsonl STORIES.jsonl or --faith SUMMARIES.jsonl");
              return 2;
            }
            std::ifstream in(path, std::ios::binary);
            if (!in) {
              PrintError(path + ": cannot open");
              return 2;
            }
            core::Limits limits;
            int failed = 0;
            size_t line_no = 0;
            std::string line;
            while (std::getline(in, line)) {
              ++line_no;
              if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
              std::string where = path + ":" + std::to_string(line_no);
              if (line.size() > limits.max_document_bytes) {
                PrintError(where + ": line over the size limit, skipped");
                ++failed;
                continue;
              }
              json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
              if (!j.is_object()) {
                PrintError(where + ": not a JSON object");
                ++failed;
                continue;
              }
              std::string out;
              if (!flags->faith.empty()) {
                for (const auto& r : Faith(j))
                  out += r.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
              } else {
                core::Result<StoryInput> story = ReadStory(j, limits);
                if (!story.ok()) {
                  PrintError(where + ": " + story.status().ToString());
                  ++failed;
                  continue;
                }
                std::vector<const core::Article*> ptrs;
                for (const auto& a : story->articles) ptrs.push_back(&a);
                // Copy families inside the given story: every article joins one group.
                cluster::ClusterOptions co;
                co.join_threshold = -1;
                co.window_days = 1 << 20;
                cluster::StoryGroup group;
                for (auto& g : cluster::ClusterStories(ptrs, co))
                  for (auto& f : g.families) group.families.push_back(std::move(f));
                group.story.id = story->id;
                for (const auto& a : story->articles) group.story.article_ids.push_back(a.id);
                core::Brief b = brief::BuildBrief(group, ptrs, brief::BriefOptions{});
                out = BriefToKitJson(story.value(), b)
                          .dump(-1, ' ', false, json::error_handler_t::replace) +
                      "\n";
              }
              std::fwrite(out.data(), 1, out.size(), stdout);
            }
            return failed > 0 ? 1 : 0;
          }};
}

}  // namespace wirebrief::cli

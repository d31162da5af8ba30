#include "render/story_json.h"

#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "render/stored_json.h"

namespace wirebrief::render {
namespace {

using Articles = std::map<std::string, core::Article>;

// Members of the story summary that sort before "articles" and after it: the story page puts
// its own members between them (keys in byte order, see json_writer.h).
void SummaryHead(const core::Story& s, JsonWriter* w) {
  w->Key("article_count");
  w->UInt(s.article_ids.size());
}

// `schema_version` is written on the story page only (the list's summaries are not stories).
void SummaryTail(const core::Story& s, JsonWriter* w, const std::string& merged_from = "",
                 int schema_version = 0) {
  w->Key("first_published");
  w->String(s.first_published);
  w->Key("id");
  w->String(s.id);
  w->Key("independent_outlets");
  w->Int(s.independent_outlets);
  w->Key("last_published");
  w->String(s.last_published);
  if (!merged_from.empty()) {  // the id asked for lives on in this story
    w->Key("merged_from");
    w->String(merged_from);
  }
  w->Key("outlet_count");
  w->UInt(s.outlets.size());
  w->Key("outlets");
  w->Strings(s.outlets);
  if (schema_version > 0) {
    w->Key("schema_version");
    w->Int(schema_version);
  }
  w->Key("title");
  w->String(s.title);
}

const StoryExtras& ExtrasOf(const StoryView& r, const std::map<std::string, StoryExtras>& extras) {
  static const StoryExtras kNone;
  auto it = extras.find(r.story.id);
  return it == extras.end() ? kNone : it->second;
}

// The members every rendering of a brief line ends with, in key order: label (when there is
// one), section, text.
void WriteLabelSectionText(const core::BriefLine& l, JsonWriter* w) {
  if (!l.label.empty()) {
    w->Key("label");
    w->String(l.label);
  }
  w->Key("section");
  w->String(core::BriefSectionName(l.section));
  w->Key("text");
  w->String(l.text);
}

void WriteBriefLineShort(const core::BriefLine& l, JsonWriter* w) {
  w->BeginObject();
  WriteLabelSectionText(l, w);
  w->EndObject();
}

// A member article; `family` is the index of its copy family, or -1.
void WriteStoryArticle(const std::string& id, const core::Article* a, int family, JsonWriter* w) {
  w->BeginObject();
  if (a == nullptr) {
    w->Key("id");
    w->String(id);
    w->Key("missing");
    w->Bool(true);
    w->EndObject();
    return;
  }
  w->Key("authors");
  w->Strings(a->authors);
  w->Key("date_published");
  w->String(a->date_published);
  w->Key("family");
  if (family < 0)
    w->Null();
  else
    w->Int(family);
  w->Key("headline_only");  // a feed item or record whose page was not fetched (yet)
  w->Bool(a->headline_only);
  w->Key("id");
  w->String(id);
  w->Key("language");
  w->String(a->language);
  w->Key("outlet");
  w->String(core::OutletOf(*a));
  w->Key("title");
  w->String(a->title);
  w->Key("url");
  w->String(a->url);
  w->Key("wire");
  w->Strings(a->wire);
  w->EndObject();
}

void WriteStoryArticles(const StoryView& r, const Articles& articles, JsonWriter* w) {
  // Copy families: the same text republished; the first member is the original.
  std::map<std::string, int> family_of;
  for (size_t f = 0; f < r.copy_families.size(); ++f)
    for (const auto& id : r.copy_families[f]) family_of[id] = static_cast<int>(f);
  w->Key("articles");
  w->BeginArray();
  for (const auto& id : r.story.article_ids) {
    auto it = articles.find(id);
    auto fam = family_of.find(id);
    WriteStoryArticle(id, it == articles.end() ? nullptr : &it->second,
                      fam == family_of.end() ? -1 : fam->second, w);
  }
  w->EndArray();
}

// Why each article joined the story: its similarity and shared terms, or the text it copies.
void WriteAttachments(const std::vector<core::StoryAttachment>& why, JsonWriter* w) {
  w->Key("attachments");
  w->BeginArray();
  for (const auto& a : why) {
    w->BeginObject();
    w->Key("article_id");
    w->String(a.article_id);
    if (!a.copy_of.empty()) {
      w->Key("copy_of");
      w->String(a.copy_of);
    }
    w->Key("reason");
    w->String(a.reason);
    w->Key("score");
    w->Double(a.score);
    w->Key("shared_entities");
    w->Strings(a.shared_entities);
    w->Key("shared_terms");
    w->Strings(a.shared_terms);
    w->EndObject();
  }
  w->EndArray();
}

// The figures the cited sentence states: each outlet's value when outlets disagree.
void WriteCitedFigures(const core::Article& a, core::CharSpan cited, JsonWriter* w) {
  w->BeginArray();
  for (const auto& f : a.annotations.figures) {
    if (f.span.begin < cited.begin || f.span.end > cited.end) continue;
    w->BeginObject();
    w->Key("text");
    w->String(f.text);
    w->Key("unit");
    w->String(f.unit);
    w->Key("value");
    w->Double(f.value);
    w->EndObject();
  }
  w->EndArray();
}

// A citation numbered `n`, resolved to the cited article when it is in `articles`.
void WriteCitation(const core::Citation& c, int n, const Articles& articles, JsonWriter* w) {
  w->BeginObject();
  w->Key("article_id");
  w->String(c.article_id);
  w->Key("char_end");
  w->UInt(c.span.end);
  w->Key("char_start");
  w->UInt(c.span.begin);
  auto it = articles.find(c.article_id);
  if (it == articles.end()) {
    w->Key("missing");
    w->Bool(true);
    w->Key("n");
    w->Int(n);
    w->EndObject();
    return;
  }
  const core::Article& a = it->second;
  w->Key("date_published");
  w->String(a.date_published);
  w->Key("figures");
  WriteCitedFigures(a, c.span, w);
  w->Key("n");
  w->Int(n);
  w->Key("outlet");
  w->String(core::OutletOf(a));
  w->Key("sentence");
  w->String(SpanText(a.text, c.span));
  w->Key("title");
  w->String(a.title);
  w->Key("url");
  w->String(a.url);
  w->EndObject();
}

// Citations are numbered per story in order of first use (as the Markdown does): `number`
// carries the numbering from line to line.
using CitationNumbers = std::map<std::pair<std::string, uint32_t>, int>;

void WriteBriefLine(const core::BriefLine& l, const Articles& articles, CitationNumbers* number,
                    JsonWriter* w) {
  w->BeginObject();
  w->Key("citations");
  w->BeginArray();
  for (const auto& c : l.citations) {
    auto [pos, fresh] = number->emplace(std::make_pair(c.article_id, c.span.begin),
                                        static_cast<int>(number->size()) + 1);
    WriteCitation(c, pos->second, articles, w);
  }
  w->EndArray();
  w->Key("compressed");  // the line was shortened from its source sentence
  w->Bool(l.compressed);
  w->Key("conflict");
  w->Bool(l.conflict);
  WriteLabelSectionText(l, w);
  w->EndObject();
}

void WriteBrief(const StoryView& r, const Articles& articles, JsonWriter* w) {
  w->Key("brief");
  w->BeginObject();
  w->Key("headline");
  w->String(r.brief.headline.empty() ? r.story.title : r.brief.headline);
  // Only when some member's language was not read, so the stories read in full keep their bytes.
  if (!r.brief.languages_not_read.empty()) {
    w->Key("languages_not_read");
    w->BeginArray();
    for (const auto& l : r.brief.languages_not_read) w->String(l);
    w->EndArray();
  }
  w->Key("lines");
  w->BeginArray();
  CitationNumbers number;
  for (const auto& l : r.brief.lines) WriteBriefLine(l, articles, &number, w);
  w->EndArray();
  w->EndObject();
}

// What changed since the version the reader asked about.
void WriteChanges(const BriefChanges& changes, JsonWriter* w) {
  w->Key("changes");
  w->BeginObject();
  w->Key("added");
  w->BeginArray();
  for (const auto& l : changes.added) WriteBriefLineShort(l, w);
  w->EndArray();
  w->Key("from_version");
  w->Int(changes.from_version);
  w->Key("removed");
  w->BeginArray();
  for (const auto& l : changes.removed) WriteBriefLineShort(l, w);
  w->EndArray();
  w->Key("to_version");
  w->Int(changes.to_version);
  w->EndObject();
}

void WriteCopyFamilies(const StoryView& r, const Articles& articles, JsonWriter* w) {
  w->Key("copy_families");
  w->BeginArray();
  for (size_t f = 0; f < r.copy_families.size(); ++f) {
    w->BeginObject();
    w->Key("articles");
    w->BeginArray();
    for (const auto& id : r.copy_families[f]) {
      auto it = articles.find(id);
      const core::Article* a = it == articles.end() ? nullptr : &it->second;
      w->BeginObject();
      if (a) {
        w->Key("date_published");
        w->String(a->date_published);
      }
      w->Key("id");
      w->String(id);
      w->Key("outlet");
      w->String(a ? core::OutletOf(*a) : "");
      if (a) {
        w->Key("title");
        w->String(a->title);
        w->Key("url");
        w->String(a->url);
      }
      w->EndObject();
    }
    w->EndArray();
    w->Key("family");
    w->UInt(f);
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace

std::string SpanText(const std::string& text, core::CharSpan span) {
  size_t b = std::min<size_t>(span.begin, text.size());
  size_t e = std::min<size_t>(std::max(span.begin, span.end), text.size());
  return text.substr(b, e - b);
}

BriefChanges DiffBriefs(const core::Brief& then, const core::Brief& now) {
  BriefChanges c;
  c.from_version = then.version;
  c.to_version = now.version;
  auto key = [](const core::BriefLine& l) {
    return std::string(core::BriefSectionName(l.section)) + '\x1f' + l.label + '\x1f' + l.text;
  };
  std::multiset<std::string> before, after;
  for (const auto& l : then.lines) before.insert(key(l));
  for (const auto& l : now.lines) after.insert(key(l));
  for (const auto& l : now.lines)
    if (auto it = before.find(key(l)); it != before.end())
      before.erase(it);
    else
      c.added.push_back(l);
  for (const auto& l : then.lines)
    if (auto it = after.find(key(l)); it != after.end())
      after.erase(it);
    else
      c.removed.push_back(l);
  return c;
}

void WriteStorySummary(const core::Story& s, JsonWriter* w) {
  w->BeginObject();
  SummaryHead(s, w);
  SummaryTail(s, w);
  w->EndObject();
}

std::string StoryJson(const StoryView& r, const Articles& articles, const StoryExtras& extras) {
  JsonWriter w(8192);
  w.BeginObject();
  SummaryHead(r.story, &w);
  WriteStoryArticles(r, articles, &w);
  WriteAttachments(r.brief.story_attachments, &w);
  WriteBrief(r, articles, &w);
  w.Key("brief_version");
  w.Int(r.brief.version);
  if (extras.changes) WriteChanges(*extras.changes, &w);
  WriteCopyFamilies(r, articles, &w);
  SummaryTail(r.story, &w, extras.requested_id, kStorySchemaVersion);
  w.EndObject();
  return w.Take();
}

std::string StoriesToJson(const std::vector<StoryView>& stories, const Articles& articles,
                          const std::map<std::string, StoryExtras>& extras) {
  // Indented for people reading a terminal; the objects are StoryJson's, member for member.
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& r : stories)
    arr.push_back(nlohmann::json::parse(StoryJson(r, articles, ExtrasOf(r, extras))));
  return DumpJson(arr, 2);
}

std::string StoriesToJsonLines(const std::vector<StoryView>& stories, const Articles& articles,
                               const std::map<std::string, StoryExtras>& extras) {
  std::string out;
  for (const auto& r : stories) out += StoryJson(r, articles, ExtrasOf(r, extras)) + "\n";
  return out;
}

}  // namespace wirebrief::render

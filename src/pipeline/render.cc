#include "pipeline/render.h"

#include <cmath>
#include <cstdio>
#include <set>
#include <nlohmann/json.hpp>

namespace wirebrief::pipeline {
namespace {

using json = nlohmann::json;

std::string Dump(const json& j, int indent = -1) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

json Span(core::CharSpan s) { return {{"char_start", s.begin}, {"char_end", s.end}}; }

const char* SectionTitle(core::BriefSection s) {
  switch (s) {
    case core::BriefSection::kLede: return "";
    case core::BriefSection::kContext: return "";
    case core::BriefSection::kWhyItMatters: return "Why it matters";
    case core::BriefSection::kStakeholder: return "Stakeholders";
    case core::BriefSection::kWhatsNext: return "What's next";
    case core::BriefSection::kKeyFigure: return "Key figures";
    case core::BriefSection::kTimeline: return "Timeline";
    case core::BriefSection::kSource: return "Sources";
  }
  return "";
}

// The annotation fields of an article (byte offsets as char_start/char_end), shared by
// `extract --with-annotations` and `read` so both name the same things alike.
void PutAnnotations(json* j, const core::Annotations& an) {
  json s = json::array(), e = json::array(), f = json::array(), d = json::array(),
       q = json::array();
  for (const auto& x : an.sentences) s.push_back(Span(x.span));
  for (const auto& x : an.mentions) {
    json m = Span(x.span);
    m["name"] = x.name;
    m["type"] = core::EntityTypeName(x.type);
    if (!x.role.empty()) m["role"] = x.role;
    e.push_back(m);
  }
  for (size_t i = 0; i < an.figures.size(); ++i) {
    const auto& x = an.figures[i];
    json m = Span(x.span);
    m["value"] = x.value;
    m["unit"] = x.unit;
    m["text"] = x.text;
    if (i < an.figure_details.size()) {
      m["counted"] = an.figure_details[i].counted;
      if (an.figure_details[i].value_max > 0) m["value_max"] = an.figure_details[i].value_max;
      m["approximate"] = an.figure_details[i].approximate;
    }
    f.push_back(m);
  }
  for (const auto& x : an.dates) {
    json m = Span(x.span);
    m["text"] = x.text;
    m["value"] = x.value;
    d.push_back(m);
  }
  for (size_t i = 0; i < an.quotes.size(); ++i) {
    json m = Span(an.quotes[i].span);
    m["speaker"] = an.quotes[i].speaker;
    if (i < an.quote_details.size()) m["verb"] = an.quote_details[i].verb;
    q.push_back(m);
  }
  json roles = json::array(), countries = json::array();
  for (const auto& r : an.roles) {
    json m = Span(r.span);
    m["person"] = r.person;
    m["role"] = r.role;
    m["affiliation"] = r.affiliation;
    roles.push_back(m);
  }
  for (const auto& c : an.countries) {
    json m = Span(c.span);
    m["code"] = c.code;
    m["via"] = c.via;
    countries.push_back(m);
  }
  (*j)["roles"] = roles;
  (*j)["countries"] = countries;
  (*j)["sentences"] = s;
  (*j)["entities"] = e;
  (*j)["figures"] = f;
  (*j)["dates"] = d;
  (*j)["quotes"] = q;
}

}  // namespace

std::string ArticleToJson(const core::Article& a, const std::string& source, bool with_annotations,
                          const std::vector<std::pair<std::string, std::string>>& extra) {
  json j;
  j["source"] = source;
  j["id"] = a.id;
  j["url"] = a.url;
  j["canonical_url"] = a.canonical_url;
  j["title"] = a.title;
  j["authors"] = a.authors;
  j["date_published"] = a.date_published;
  j["date_modified"] = a.date_modified;
  j["date_crawled"] = a.date_crawled;
  j["site_name"] = a.site_name;
  j["host"] = a.host;
  j["section"] = a.section;
  j["description"] = a.description;
  j["language"] = a.language;
  json caps = json::array();
  for (const auto& c : a.captions) caps.push_back({{"text", c.text}, {"credit", c.credit}});
  j["captions"] = caps;
  j["wire"] = a.wire;
  j["tags"] = a.tags;
  j["image"] = a.image;
  j["license"] = a.license;
  j["is_free"] = a.is_free.has_value() ? json(*a.is_free) : json(nullptr);
  j["truncated"] = a.truncated;
  j["headline_only"] = a.headline_only;
  for (const auto& [field, src] : a.field_sources) j[field + "_source"] = src;
  for (const auto& [field, conf] : a.field_confidence) j[field + "_confidence"] = std::round(conf * 100) / 100;
  j["fingerprint"] = a.content_hash;
  j["text"] = a.text;
  if (with_annotations) PutAnnotations(&j, a.annotations);
  for (const auto& [key, value] : extra) j[key] = value;
  return Dump(j);
}

std::string AnnotationsToJson(const std::string& id, const core::Annotations& annotations) {
  json j;
  j["id"] = id;
  PutAnnotations(&j, annotations);
  return Dump(j);
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

std::string StoriesToMarkdown(const std::vector<store::StoryRecord>& stories,
                              const std::map<std::string, core::Article>& articles,
                              const std::map<std::string, StoryExtras>& extras) {
  std::string out;
  for (const auto& r : stories) {
    const core::Story& s = r.story;
    auto extra = extras.find(s.id);
    out += "## " + s.title + "\n\n";
    if (extra != extras.end() && !extra->second.requested_id.empty())
      out += "*story " + extra->second.requested_id + " was merged into this story*\n\n";
    if (r.brief.version > 1) out += "*brief version " + std::to_string(r.brief.version) + "*\n\n";
    size_t headlines = 0;
    for (const auto& id : s.article_ids)
      if (auto it = articles.find(id); it != articles.end() && it->second.headline_only) ++headlines;
    auto count = [](size_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    out += "*" + count(s.article_ids.size(), "article", "articles") +
           (headlines ? " (" + std::to_string(headlines) + " headline only)" : "") + ", " +
           count(s.outlets.size(), "outlet", "outlets") + " (" +
           std::to_string(s.independent_outlets) + " independent), " +
           s.first_published.substr(0, 10) + " – " + s.last_published.substr(0, 10) + " · story " + s.id + "*\n\n";
    // Citations are numbered per story in order of first use.
    std::map<std::string, int> cite_no;
    std::vector<const core::Citation*> cite_list;
    auto refs = [&](const core::BriefLine& l) {
      std::string t;
      for (const auto& c : l.citations) {
        std::string key = c.article_id + ":" + std::to_string(c.span.begin);
        if (!cite_no.count(key)) {
          cite_no[key] = static_cast<int>(cite_list.size()) + 1;
          cite_list.push_back(&c);
        }
        t += "[" + std::to_string(cite_no[key]) + "]";
      }
      return t;
    };
    if (extra != extras.end() && extra->second.changes) {
      const BriefChanges& c = *extra->second.changes;
      out += "**Changes since version " + std::to_string(c.from_version) + "** (now version " +
             std::to_string(c.to_version) + ")\n\n";
      if (c.added.empty() && c.removed.empty()) out += "- no change\n";
      auto line = [](const core::BriefLine& l) {
        std::string section = SectionTitle(l.section);
        if (section.empty()) section = "Summary";  // the lede and its context have no heading
        return section + (l.label.empty() ? "" : " · " + l.label) + ": " + l.text;
      };
      for (const auto& l : c.added) out += "- new: " + line(l) + "\n";
      for (const auto& l : c.removed) out += "- gone: " + line(l) + "\n";
      out += "\n";
    }
    core::BriefSection current = core::BriefSection::kLede;
    bool first = true;
    for (const auto& l : r.brief.lines) {
      if (l.section != current || first) {
        if (l.section != core::BriefSection::kLede && (l.section != current || first))
          out += std::string("\n**") + SectionTitle(l.section) + "**\n\n";
        current = l.section;
        first = false;
      }
      if (l.section == core::BriefSection::kLede) {
        out += l.text + " " + refs(l) + "\n";
      } else if (l.section == core::BriefSection::kSource) {
        out += "- " + (l.label.empty() ? "" : l.label + " ") + l.text + "\n";
      } else {
        std::string label = l.label.empty() ? "" : "**" + l.label + "**: ";
        out += "- " + label + l.text + (l.conflict ? " ⚠ outlets disagree" : "") + " " + refs(l) + "\n";
      }
    }
    if (!r.copy_families.empty()) {
      out += "\n**Copy families** (the same text republished)\n\n";
      for (const auto& f : r.copy_families) {
        std::string line;
        for (const auto& id : f) {
          auto it = articles.find(id);
          line += (line.empty() ? "" : ", ") + (it == articles.end() ? id : core::OutletLabel(it->second));
        }
        out += "- " + line + "\n";
      }
    }
    if (!r.brief.story_attachments.empty()) {
      out += "\n**Why these articles are one story**\n\n";
      for (const auto& w : r.brief.story_attachments) {
        auto it = articles.find(w.article_id);
        std::string who = it == articles.end() ? w.article_id : core::OutletLabel(it->second);
        char score[16];
        std::snprintf(score, sizeof score, "%.2f", w.score);
        std::string terms;
        for (const auto& t : w.shared_terms) terms += (terms.empty() ? "" : ", ") + t;
        if (w.reason == "copy") {
          auto orig = articles.find(w.copy_of);
          out += "- " + who + ": copy of " + (orig == articles.end() ? w.copy_of : core::OutletLabel(orig->second)) +
                 " (" + score + " of its text shared)\n";
        } else {
          out += "- " + who + ": similarity " + score + ", shared: " + terms + "\n";
        }
      }
    }
    if (!cite_list.empty()) {
      out += "\n**Citations**\n\n";
      for (size_t i = 0; i < cite_list.size(); ++i) {
        const core::Citation& c = *cite_list[i];
        auto it = articles.find(c.article_id);
        std::string where = it == articles.end() ? c.article_id
                                                 : core::OutletLabel(it->second) + ", \"" + it->second.title + "\"";
        out += std::to_string(i + 1) + ". " + where + ", chars " + std::to_string(c.span.begin) + "–" +
               std::to_string(c.span.end) + "\n";
      }
    }
    out += "\n";
  }
  return out;
}

static json AttachmentsToJson(const std::vector<core::StoryAttachment>& why) {
  json out = json::array();
  for (const auto& a : why) {
    json j = {{"article_id", a.article_id}, {"reason", a.reason}, {"score", a.score},
              {"shared_terms", a.shared_terms}, {"shared_entities", a.shared_entities}};
    if (!a.copy_of.empty()) j["copy_of"] = a.copy_of;
    out.push_back(j);
  }
  return out;
}

static json BriefLineToJson(const core::BriefLine& l) {
  json lj = {{"section", core::BriefSectionName(l.section)}, {"text", l.text}};
  if (!l.label.empty()) lj["label"] = l.label;
  return lj;
}

std::string StoriesToJson(const std::vector<store::StoryRecord>& stories,
                          const std::map<std::string, core::Article>& articles,
                          const std::map<std::string, StoryExtras>& extras) {
  json arr = json::array();
  for (const auto& r : stories) {
    const core::Story& s = r.story;
    json lines = json::array();
    for (const auto& l : r.brief.lines) {
      json cites = json::array();
      for (const auto& c : l.citations) {
        json cj = {{"article_id", c.article_id}, {"char_start", c.span.begin}, {"char_end", c.span.end}};
        auto it = articles.find(c.article_id);
        if (it != articles.end()) {
          cj["url"] = it->second.url;
          cj["outlet"] = core::OutletOf(it->second);
        }
        cites.push_back(cj);
      }
      json lj = {{"section", core::BriefSectionName(l.section)}, {"text", l.text}, {"citations", cites}};
      if (!l.label.empty()) lj["label"] = l.label;
      if (l.conflict) lj["conflict"] = true;
      if (l.compressed) lj["compressed"] = true;
      lines.push_back(lj);
    }
    json arts = json::array();
    for (const auto& id : s.article_ids) {
      auto it = articles.find(id);
      if (it == articles.end()) continue;
      const core::Article& a = it->second;
      arts.push_back({{"id", a.id}, {"title", a.title}, {"url", a.url}, {"outlet", core::OutletOf(a)},
                      {"date_published", a.date_published}, {"wire", a.wire},
                      {"headline_only", a.headline_only}});
    }
    arr.push_back({{"id", s.id},
                   {"title", s.title},
                   {"first_published", s.first_published},
                   {"last_published", s.last_published},
                   {"outlets", s.outlets},
                   {"independent_outlets", s.independent_outlets},
                   {"articles", arts},
                   {"copy_families", r.copy_families},
                   {"attachments", AttachmentsToJson(r.brief.story_attachments)},
                   {"brief", lines},
                   {"brief_version", r.brief.version}});
    if (auto it = extras.find(s.id); it != extras.end()) {
      if (!it->second.requested_id.empty()) arr.back()["merged_from"] = it->second.requested_id;
      if (it->second.changes) {
        const BriefChanges& c = *it->second.changes;
        json added = json::array(), removed = json::array();
        for (const auto& l : c.added) added.push_back(BriefLineToJson(l));
        for (const auto& l : c.removed) removed.push_back(BriefLineToJson(l));
        arr.back()["changes"] = {{"from_version", c.from_version},
                                 {"to_version", c.to_version},
                                 {"added", added},
                                 {"removed", removed}};
      }
    }
  }
  return Dump(arr, 2);
}

}  // namespace wirebrief::pipeline

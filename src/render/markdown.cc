#include "render/markdown.h"

#include <cstdio>

namespace wirebrief::render {
namespace {

const char* SectionTitle(core::BriefSection s) {
  switch (s) {
    case core::BriefSection::kLede:
      return "";
    case core::BriefSection::kContext:
      return "";
    case core::BriefSection::kWhyItMatters:
      return "Why it matters";
    case core::BriefSection::kStakeholder:
      return "Stakeholders";
    case core::BriefSection::kWhatsNext:
      return "What's next";
    case core::BriefSection::kKeyFigure:
      return "Key figures";
    case core::BriefSection::kTimeline:
      return "Timeline";
    case core::BriefSection::kSource:
      return "Sources";
  }
  return "";
}

}  // namespace

std::string StoriesToMarkdown(const std::vector<StoryView>& stories,
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
      if (auto it = articles.find(id); it != articles.end() && it->second.headline_only)
        ++headlines;
    auto count = [](size_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    out += "*" + count(s.article_ids.size(), "article", "articles") +
           (headlines ? " (" + std::to_string(headlines) + " headline only)" : "") + ", " +
           count(s.outlets.size(), "outlet", "outlets") + " (" +
           std::to_string(s.independent_outlets) + " independent), " +
           s.first_published.substr(0, 10) + " – " + s.last_published.substr(0, 10) + " · story " +
           s.id + "*\n\n";
    if (!r.brief.languages_not_read.empty()) {
      std::string langs;
      for (const auto& l : r.brief.languages_not_read) langs += (langs.empty() ? "" : ", ") + l;
      out += "*Figures, dates and names are not read in " + langs +
             ": the lines from those articles are their sentences alone.*\n\n";
    }
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
        out += "- " + label + l.text + (l.conflict ? " ⚠ outlets disagree" : "") + " " + refs(l) +
               "\n";
      }
    }
    if (!r.copy_families.empty()) {
      out += "\n**Copy families** (the same text republished)\n\n";
      for (const auto& f : r.copy_families) {
        std::string line;
        for (const auto& id : f) {
          auto it = articles.find(id);
          line += (line.empty() ? "" : ", ") +
                  (it == articles.end() ? id : core::OutletLabel(it->second));
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
          out += "- " + who + ": copy of " +
                 (orig == articles.end() ? w.copy_of : core::OutletLabel(orig->second)) + " (" +
                 score + " of its text shared)\n";
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
        std::string where = it == articles.end()
                                ? c.article_id
                                : core::OutletLabel(it->second) + ", \"" + it->second.title + "\"";
        out += std::to_string(i + 1) + ". " + where + ", chars " + std::to_string(c.span.begin) +
               "–" + std::to_string(c.span.end) + "\n";
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace wirebrief::render

// Fictional stories for the brief's tests, built the way the pipeline builds them: each article
// read by nlp::ReadArticle, the story of all of them.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "brief/brief.h"
#include "nlp/read.h"

namespace wirebrief::brief::test_stories {

inline core::Article Make(std::string id, std::string site, std::string title, std::string body) {
  core::Article a;
  a.id = std::move(id);
  a.site_name = std::move(site);
  a.date_published = "2026-10-14T08:00:00Z";
  a.title = std::move(title);
  a.text = a.title + "\n" + body;
  a.annotations = nlp::ReadArticle(a);
  return a;
}

inline bool Prose(const core::BriefLine& l) {
  return l.section == core::BriefSection::kLede || l.section == core::BriefSection::kContext ||
         l.section == core::BriefSection::kWhyItMatters ||
         l.section == core::BriefSection::kStakeholder ||
         l.section == core::BriefSection::kWhatsNext;
}

inline core::Brief BriefOf(const std::vector<core::Article>& arts, const std::string& id,
                           const BriefOptions& options = BriefOptions{}) {
  std::vector<const core::Article*> ptrs;
  cluster::StoryGroup group;
  group.story.id = id;
  group.story.first_published = arts.front().date_published;
  for (const auto& a : arts) ptrs.push_back(&a), group.story.article_ids.push_back(a.id);
  return BuildBrief(group, ptrs, options);
}

// Prose lines holding `phrase`.
inline size_t LinesHolding(const core::Brief& b, const std::string& phrase) {
  return std::count_if(b.lines.begin(), b.lines.end(), [&](const core::BriefLine& l) {
    return Prose(l) && l.text.find(phrase) != std::string::npos;
  });
}

}  // namespace wirebrief::brief::test_stories

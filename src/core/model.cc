#include "core/model.h"

namespace wirebrief::core {

std::string OutletOf(const Article& a) { return !a.site_name.empty() ? a.site_name : a.host; }

std::string OutletLabel(const Article& a) {
  std::string outlet = OutletOf(a);
  return outlet.empty() ? std::string(kUnknownOutlet) : outlet;
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "organization";
    case EntityType::kCountry: return "country";
    case EntityType::kPlace: return "place";
  }
  return "unknown";
}

std::string_view BriefSectionName(BriefSection section) {
  switch (section) {
    case BriefSection::kLede: return "lede";
    case BriefSection::kContext: return "context";
    case BriefSection::kWhyItMatters: return "why_it_matters";
    case BriefSection::kStakeholder: return "stakeholder";
    case BriefSection::kWhatsNext: return "whats_next";
    case BriefSection::kKeyFigure: return "key_figure";
    case BriefSection::kTimeline: return "timeline";
    case BriefSection::kSource: return "source";
  }
  return "unknown";
}

}  // namespace wirebrief::core

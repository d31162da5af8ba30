// What the metadata walk (html_metadata.cc) collects from a page and MetadataWalk::Resolve
// (resolve_metadata.cc) turns into fields: the walk and the precedence rules are apart by
// concern, and each file stays readable on its own.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "extract/detail/metadata.h"

namespace wirebrief::extract::detail {

// What one walk over the page collects; MetadataWalk::Resolve turns it into fields.
struct PageSignals {
  std::string html_lang, title_tag, base_href, canonical, rel_license, image_src;
  std::vector<std::string> h1s;
  // Lower-cased key -> values in page order. std::less<> looks keys up without building a string.
  std::map<std::string, std::vector<std::string>, std::less<>> meta;
  JsonLdGraph jsonld;
  std::vector<std::string> byline_itemprop, byline_rel, byline_class, byline_lead;
  std::vector<std::string> published_dom, modified_dom, date_texts, modified_texts;
  std::string first_time;
  // Dates in the site's banner before the headline (the day's date in the page chrome): the
  // weakest date evidence, used only when the page gives no other.
  std::vector<std::string> banner_dates;
  bool h1_seen = false;
  std::vector<std::string> breadcrumb, rel_tags;
};

}  // namespace wirebrief::extract::detail

// Named boilerplate rules for main-text selection. Each rule says which page pattern it targets;
// html_article.cc applies them. Everything here is a pure function of one element's tag,
// attributes or one block's text, so each rule is tested on its own (tests/extract/).
#pragma once

#include <string>
#include <string_view>

struct _xmlNode;  // libxml2's xmlNode, kept out of this header so tests need no libxml2

namespace wirebrief::extract::detail {

// What an element's class and id say about it.
enum class NameClass : unsigned char {
  kNeutral,
  kContent,            // "article-body", "entry-content": the body is (in) here
  kWeakBoilerplate,    // "sidebar", "ad", "nav", "menu": also used as wrapper modifiers
  kStrongBoilerplate,  // "share", "comments", "related", "newsletter": never article text
  kCaption,            // photo captions and credits: kept apart, not body text
};

struct NameVerdict {
  NameClass cls = NameClass::kNeutral;
  // Readability-style class weight: +25 for content words, -25 for boilerplate words.
  int weight = 0;
};

// Rule: boilerplate by class/id. Classifies an element by the words of its class and id
// ("node--promoted" is not a promo; "ad" inside "header" is not an ad; camelCase splits).
NameVerdict ClassifyByName(std::string_view class_attr, std::string_view id_attr);

// Rule: non-content elements. Scripts, styles, form controls, embedded media and page
// furniture never carry article prose. <form> is not among them: ASP.NET pages wrap the whole
// page in one form.
bool IsNeverContentTag(std::string_view tag);

// Rule: hidden elements (hidden attribute, aria-hidden, inline display:none or
// visibility:hidden) are not shown to readers, so their text is not the article.
bool IsHidden(const _xmlNode* n);

// Rule: chrome phrases. Whole blocks that are site furniture even inside the body container:
// "Advertisement", "Read more: ...", "Share this article", "Sign up for ...", "© 2026 ...".
bool IsChromeText(std::string_view text);

// Rule: role attributes. ARIA landmark roles name navigation, banners, complementary boxes and
// dialogs the same way on every CMS.
bool IsBoilerplateRole(std::string_view role);

}  // namespace wirebrief::extract::detail

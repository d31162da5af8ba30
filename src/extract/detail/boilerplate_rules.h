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

// --- The article's own end and edges (issue 28) ---------------------------------------------
// Rule: end markers by name. A share bar, a tags or topics block, or a "next article" box closes
// the article it belongs to; whatever story follows it on the page is a neighbour (infinite
// scroll, "read next"), however alike its markup. Classes only: ids are often made from the
// heading they carry ("sharing-with-a-single-developer" is a documentation section).
bool IsArticleEndName(std::string_view class_attr);

// Rule: end markers by text. A block that only says "Next article", "Read next", "Nächster
// Artikel", "Article suivant", "下一篇" labels the neighbour that follows.
bool IsNextArticleLabel(std::string_view text);

// Rule: comment policy. "Comments are the opinion of their authors...", in the languages of the
// pages we meet: a comment word and a policy word in one short block. Site furniture wherever the
// CMS puts it, even at the top of the body.
bool IsCommentPolicyText(std::string_view text);

// Rule: byline-and-timestamp lines. A short block that is only dates, times, labels ("Mis à
// jour le", "Updated") and a name or two between separators ("Outlet | 04.05.2026 à 13h36 • Mis
// à jour le ...", "Dienstag, 17. November 2026, 09:12 Uhr") is page furniture when it opens the
// body, not its first paragraph.
bool IsDateOrBylineLine(std::string_view text);

// Rule: author label lines. "Autori: Anna Kalniņa, Mārtiņš Ozols", "Text: Lena Vogt", "By Jane
// Roe": a label, then names only. Returns the names part (for the byline), or "" when the block
// is not such a line.
std::string AuthorLabelLine(std::string_view text);

}  // namespace wirebrief::extract::detail

// Pasted page text: what a reader's copy-paste (or a naive scraper) gives. No markup is left,
// so the rules work on lines: chrome lines are recognised by shape and vocabulary, repeated
// lines are the headline and captions, and the comment widget ends the article.
#include <algorithm>
#include <cstring>
#include <map>
#include <regex>

#include "extract/detail/blocks.h"
#include "extract/detail/boilerplate_rules.h"
#include "extract/detail/metadata.h"
#include "extract/detail/rules.h"
#include "extract/detail/text_util.h"

namespace wirebrief::extract::detail {
namespace {

// Rule: breadcrumb line. "Home > World > Asia" or "News / Business".
bool IsBreadcrumbLine(const std::string& line, std::vector<std::string>* parts) {
  for (const char* sep : {" > ", " › ", " / ", " » "}) {
    if (line.find(sep) == std::string::npos) continue;
    std::vector<std::string> items;
    size_t pos = 0, p;
    std::string s = line;
    while ((p = s.find(sep, pos)) != std::string::npos) {
      items.push_back(CollapseSpace(s.substr(pos, p - pos)));
      pos = p + std::strlen(sep);
    }
    items.push_back(CollapseSpace(s.substr(pos)));
    bool ok = items.size() >= 2;
    for (const auto& it : items) ok = ok && !it.empty() && CountWords(it) <= 3;
    if (ok) {
      *parts = items;
      return true;
    }
  }
  return false;
}

// Rule: toolbar line. Every word is page-tool vocabulary ("print  share  A+ A-").
bool IsToolbarLine(const std::string& line) {
  static const char* kWords[] = {
      "print",    "share", "dictionary", "email",   "e-mail",   "font",     "a+",
      "a-",       "tweet", "facebook",   "twitter", "whatsapp", "linkedin", "copy",
      "link",     "save",  "listen",     "text",    "size",     "comments", "comment",
      "bookmark", "more",  "x",          "reddit",  "mail",     "close"};
  std::string l = core::AsciiLower(line);
  size_t n = 0;
  std::string w;
  for (size_t i = 0; i <= l.size(); ++i) {
    char c = i < l.size() ? l[i] : ' ';
    if (std::isspace(static_cast<unsigned char>(c)) || c == '|') {
      if (w.empty()) continue;
      bool known = false;
      for (const char* k : kWords) known = known || w == k;
      if (!known) return false;
      ++n;
      w.clear();
    } else {
      w += c;
    }
  }
  return n > 0;
}

// Rule: box headers inside the body ("Related Article", "Most Read", "Advertisement"), in the
// languages of the pages readers paste.
bool IsBoxHeaderLine(const std::string& line) {
  std::string l = core::AsciiLower(line);
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  static const char* kHeaders[] = {"related article",
                                   "related articles",
                                   "related",
                                   "most read",
                                   "more news",
                                   "advertisement",
                                   "read more",
                                   "recommended",
                                   "trending",
                                   "popular",
                                   "you may also like",
                                   "top stories",
                                   "mehr zum thema",
                                   "das könnte sie auch interessieren",
                                   "anzeige",
                                   "lire aussi",
                                   "à lire aussi",
                                   "publicité",
                                   "leer más",
                                   "te puede interesar",
                                   "publicidad",
                                   "leia também",
                                   "lees ook",
                                   "相关新闻",
                                   "相关阅读",
                                   "相关文章",
                                   "推荐阅读",
                                   "热门新闻",
                                   "延伸阅读",
                                   "関連記事",
                                   "関連ニュース",
                                   "おすすめ記事",
                                   "広告",
                                   "관련 기사",
                                   "اقرأ أيضا"};
  for (const char* h : kHeaders)
    if (l == h) return true;
  return false;
}

// Rule: share prompts in scripts the toolbar words do not cover ("分享到：微信 微博",
// "この記事をシェアする", "Artikel teilen").
bool IsSharePromptLine(const std::string& line) {
  if (CountTextUnits(line) > 14) return false;
  std::string l = core::AsciiLower(line);
  for (const char* p : {"分享到", "分享：", "分享", "この記事をシェア", "シェアする", "공유하기",
                        "artikel teilen", "teilen", "partager", "compartir", "condividi"})
    if (StartsWith(l, p)) return true;
  return false;
}

// Rule: comment widget. Its prompts and character counter end the article.
bool IsCommentWidgetLine(const std::string& line) {
  std::string l = core::AsciiLower(line);
  static const std::regex kCounter(R"(\(\s*\d+\s*/\s*\d+)");
  return l.find("log in to") != std::string::npos ||
         l.find("to write comments") != std::string::npos ||
         l.find("login to comment") != std::string::npos ||
         l.find("leave a comment") != std::string::npos ||
         l.find("sign in to comment") != std::string::npos ||
         l.find("social comment") != std::string::npos ||
         l.find("comments are closed") != std::string::npos || std::regex_search(line, kCounter);
}

// A photo caption carries a bracketed or "Photo:" credit at its end.
bool SplitCaptionCredit(const std::string& line, core::Caption* cap) {
  static const std::regex kCredit(
      R"(^(.*?)\s*(?:\[([^\]]{2,60})\]|\((?:Photo|Image|Credit)[:\s][^)]{2,60}\)|(?:Photo|Image|Credit): ([^.]{2,60}))\s*$)");
  std::smatch m;
  if (!std::regex_match(line, m, kCredit)) return false;
  cap->text = CollapseSpace(m[1].str());
  cap->credit = m[2].matched ? m[2].str() : m[3].matched ? m[3].str() : "";
  return true;
}

// Rule: copyright line ("© 2026 Harbour Notes. All rights reserved.", "Copyright (c) 2025-2026
// Harbour Notes Ltd"): page chrome that states the site. Returns the holder, empty when the line
// is no copyright line or names no holder. A year or "all rights reserved" must come with the
// mark, so that prose opening with "Copyright" or a list item "(c)" is not taken.
std::string CopyrightHolder(const std::string& line) {
  static const std::regex kCopyright(
      R"(^(?:copyright\s*)?(\xC2\xA9|\(c\)|copyright)\s*(\d{4}(?:\s*[-\xE2\x80\x93]+\s*\d{4})?)?[\s,]*(.*?)[\s,]*(\d{4})?[\s.,]*(all rights reserved\.?)?\s*$)",
      std::regex::icase);
  if (CountWords(line) > 12) return "";
  std::smatch m;
  if (!std::regex_match(line, m, kCopyright)) return "";
  bool year = m[2].matched || m[4].matched;
  if (!year && (!m[5].matched || core::AsciiLower(m[1].str()) == "(c)")) return "";
  std::string holder = CollapseSpace(m[3].str());
  while (!holder.empty() && (holder.back() == '.' || holder.back() == ',')) holder.pop_back();
  // A holder is a name: a few words, opening with a capital or a digit ("24 Hours News").
  if (holder.empty() || CountWords(holder) > 6 ||
      !(std::isupper(static_cast<unsigned char>(holder[0])) ||
        std::isdigit(static_cast<unsigned char>(holder[0]))))
    return "";
  return holder;
}

// True when `holder` is one of the wire credits or their initials ("Northsea Press" for "NSP"):
// a reprint carries the agency's copyright, which names the agency, not the site.
bool IsWireHolder(const std::string& holder, const std::vector<std::string>& wire) {
  std::string initials;
  for (size_t i = 0; i < holder.size(); ++i)
    if ((i == 0 || holder[i - 1] == ' ') && std::isupper(static_cast<unsigned char>(holder[i])))
      initials += holder[i];
  for (const auto& w : wire)
    if (core::AsciiLower(w) == core::AsciiLower(holder) || w == initials) return true;
  return false;
}

// A pasted line that reads as a headline: a few words (in any script), not ending as a sentence
// does, and no wire dateline.
bool LooksLikePastedHeadline(const std::string& line) {
  size_t units = CountTextUnits(line);
  if (units == 0 || units > 30 || IsDatelineOnly(line)) return false;
  char last = line.back();
  if (last == ',' || last == ';' || last == '-') return false;
  // A full stop ends the lede's first sentence; headlines end without one ("?", "!" and a
  // closing quote end headlines as often as sentences).
  return last != '.' &&
         !(line.size() >= 3 && line.compare(line.size() - 3, 3, "\xE3\x80\x82") == 0);
}

}  // namespace

namespace {

// A line of a list or of a subtitle file: a bullet item, a cue number alone, or a cue's
// timecodes ("00:00:01,000 --> 00:00:03,500").
bool IsListOrCueLine(std::string_view l) {
  for (std::string_view bullet : {"- ", "* ", "\xE2\x80\xA2 ", "\xE2\x80\x93 ", "\xC2\xB7 "})
    if (l.starts_with(bullet)) return true;
  if (!l.empty() && l.size() <= 6 &&
      std::all_of(l.begin(), l.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return true;
  size_t arrow = l.find("-->");
  return arrow != std::string_view::npos && arrow >= 8 && l[arrow - 1] == ' ' &&
         l.substr(0, arrow).find(':') != std::string_view::npos;
}

// The content's lines, C0 controls other than whitespace dropped (a subtitle file's BEL, a form
// feed of a printout: no text, and they stayed in the article) and spaces collapsed.
std::vector<std::string> CleanLines(std::string_view content) {
  std::vector<std::string> lines;
  for (auto& l : SplitLines(content)) {
    std::string clean;
    clean.reserve(l.size());
    for (char ch : l) {
      unsigned char u = static_cast<unsigned char>(ch);
      if (u == '\t' || u >= 0x20) {
        if (u != 0x7F) clean += ch;
      }
    }
    lines.push_back(CollapseSpace(clean));
  }
  return lines;
}

// Half its lines list items or subtitle cues: a packing list or an .srt file, not a page a
// reader copied. The reader would keep a stray item or dialogue line as "the article"; the
// caller shows the whole text instead (issue 26). Pasted news pages, chrome and all, have
// next to no such lines (none in the fixtures or the seed page).
bool ReadsAsListOrSubtitles(const std::vector<std::string>& lines) {
  size_t nonblank = 0, listed = 0;
  for (const auto& l : lines) {
    if (l.empty()) continue;
    ++nonblank;
    listed += IsListOrCueLine(l);
  }
  return nonblank >= 4 && listed * 2 >= nonblank;
}

// The headline: the first line that is not page chrome, when it reads as one. Pasted text
// often starts with the lede itself (copied from below the headline), or with a wire dateline
// on a line of its own; neither is a headline, and taking it as the title would cut the lede's
// facts out of the body.
std::string PastedTitle(const std::vector<std::string>& lines) {
  std::string title;
  for (const auto& l : lines) {
    std::vector<std::string> crumbs;
    if (l.empty() || IsBreadcrumbLine(l, &crumbs) || IsToolbarLine(l) || IsBoxHeaderLine(l) ||
        !CopyrightHolder(l).empty())
      continue;
    if (LooksLikePastedHeadline(l)) title = l;
    break;
  }
  return title;
}

// Rule: date lines ("Posted : 2026-11-06 17:40 | Updated : ..."): the first gives the
// publication date; none is body text. True when `l` is such a line (taken into `a`).
bool TakeDateLine(const std::string& l, bool seen_body, core::Article* a) {
  std::string lower = core::AsciiLower(l);
  size_t digit = l.find_first_of("0123456789");
  std::string date = digit == std::string::npos ? "" : NormalizeDate(l.substr(digit));
  if (date.empty()) date = NormalizeDate(l);
  bool labelled = (StartsWith(lower, "posted") || StartsWith(lower, "published") ||
                   StartsWith(lower, "updated") || StartsWith(lower, "last updated")) &&
                  CountWords(l) <= 16 && !date.empty();
  // A date line before the body in any language ("2026年11月18日 09:30 来源：河湾晨报",
  // "Dienstag, 17. November 2026"): dates, times and a label or outlet name only.
  if (!labelled && !seen_body && IsDateOrBylineLine(l)) {
    DateContext ctx = MakeDateContext("", false);
    date = ParseDate(l, ctx);
    if (date.empty()) return true;
    labelled = true;
    lower = "posted";  // counts as the publication date below
  }
  if (!labelled) return false;
  if (a->date_published.empty() && !StartsWith(lower, "updated") && !StartsWith(lower, "last")) {
    a->date_published = date;
    a->field_sources["date_published"] = "text";
  }
  return true;
}

// The body's paragraphs, in order. On the way: the section from a breadcrumb line, the
// publication date from a date line, captions from repeated lines; a dateline on a line of its
// own joins the lede that follows it.
std::vector<std::string> BodyParagraphs(const std::vector<std::string>& lines,
                                        const std::string& title, core::Article* a) {
  std::map<std::string, int> count;
  for (const auto& l : lines)
    if (!l.empty()) ++count[l];
  std::vector<std::string> paragraphs;
  bool seen_body = false;
  std::string dateline;  // a dateline on its own line, waiting for its lede
  for (const auto& l : lines) {
    if (l.empty() || !CopyrightHolder(l).empty()) continue;
    if (dateline.empty() && paragraphs.empty() && IsDatelineOnly(l)) {
      dateline = l;
      continue;
    }
    std::vector<std::string> crumbs;
    if (IsBreadcrumbLine(l, &crumbs)) {
      if (a->section.empty()) {
        a->section = crumbs.back();
        a->field_sources["section"] = "text";
      }
      continue;
    }
    if (l == title || IsToolbarLine(l) || IsBoxHeaderLine(l) || IsSharePromptLine(l)) continue;
    if (TakeDateLine(l, seen_body, a)) continue;
    if (seen_body && IsCommentWidgetLine(l)) break;
    if (count[l] > 1) {
      // Repeated lines are page furniture: the headline (handled above) and photo captions,
      // which pages print once as alt text and once as the visible caption.
      core::Caption cap;
      if (!SplitCaptionCredit(l, &cap)) cap.text = l;
      bool known = false;
      for (const auto& c : a->captions) known = known || c.text == cap.text;
      if (!known) a->captions.push_back(cap);
      continue;
    }
    // A lone short line without sentence punctuation is chrome unless the body has begun and it
    // could be a subhead or a trailing credit (TakeWireCredit decides the latter).
    // Lengths in text units, not space-separated words: a Chinese or Thai paragraph has few
    // spaces or none.
    size_t units = CountTextUnits(l);
    bool sentence = EndsLikeSentence(l) || StartsWith(l, "\xE2\x80\x94");
    if (!sentence && units < 8 && !seen_body) continue;
    seen_body = seen_body || units >= 8;
    if (!dateline.empty()) {
      paragraphs.push_back(dateline + " " + l);
      dateline.clear();
    } else {
      paragraphs.push_back(l);
    }
  }
  return paragraphs;
}

// The outlet: the site the text states in a copyright line (wherever it is: footers follow the
// comment widget) unless that is the wire, else the caller's hint; never the file's name.
void SetSiteName(const core::RawDocument& doc, const std::vector<std::string>& lines,
                 core::Article* a) {
  std::string copyright_holder;
  for (const auto& l : lines)
    if (copyright_holder.empty()) copyright_holder = CopyrightHolder(l);
  if (!copyright_holder.empty() && !IsWireHolder(copyright_holder, a->wire)) {
    a->site_name = copyright_holder;
    a->field_sources["site_name"] = "text";
  } else if (doc.hints.count("site_name") && !doc.hints.at("site_name").empty()) {
    a->site_name = CollapseSpace(doc.hints.at("site_name"));
    a->field_sources["site_name"] = "hint";
  }
}

// Short unpunctuated lines that remain at the end are widget residue, not prose: related
// headlines, an editor's credit ("责任编辑：陈晓"), a share prompt.
void DropTrailingResidue(std::vector<std::string>* paragraphs) {
  while (!paragraphs->empty() &&
         (CountTextUnits(paragraphs->back()) < 4 ||
          (!EndsLikeSentence(paragraphs->back()) && CountTextUnits(paragraphs->back()) < 20)))
    paragraphs->pop_back();
}

}  // namespace

core::Status ExtractFromText(const core::RawDocument& doc, const ExtractOptions& options,
                             core::Article* a) {
  std::vector<std::string> lines = CleanLines(doc.content);
  if (ReadsAsListOrSubtitles(lines))
    return core::Status::Empty(doc.provenance.source, doc.provenance.record_id,
                               "no article text found in pasted text (it reads as a list or "
                               "subtitles)");
  std::string title = PastedTitle(lines);
  if (doc.hints.count("title")) title = doc.hints.at("title");
  std::vector<std::string> paragraphs = BodyParagraphs(lines, title, a);
  a->wire = TakeWireCredit(&paragraphs);
  if (!a->wire.empty()) a->field_sources["wire"] = "text";
  SetSiteName(doc, lines, a);
  DropTrailingResidue(&paragraphs);
  if (paragraphs.empty())
    return core::Status::Empty(doc.provenance.source, doc.provenance.record_id,
                               "no article text found in pasted text");
  a->title = title;
  if (!title.empty()) a->field_sources["title"] = "text";
  a->url = doc.url;
  a->host = HostOf(a->url);
  // Same outputs as the HTML reader: the body without the headline, one paragraph a line.
  std::vector<Block> blocks(paragraphs.size());
  for (size_t i = 0; i < paragraphs.size(); ++i) blocks[i].text = std::move(paragraphs[i]);
  a->text = RenderText(blocks, options.limits.max_text_bytes);
  if (options.with_markdown)
    a->markdown = RenderMarkdown(title, blocks, options.limits.max_text_bytes);
  if (options.with_html) a->html = RenderHtml(title, blocks, options.limits.max_text_bytes);
  a->language = GuessLanguage(a->text);
  if (!a->language.empty()) a->field_sources["language"] = "text";
  if (a->date_published.empty() && doc.hints.count("date_published")) {
    a->date_published = NormalizeDate(doc.hints.at("date_published"));
    if (!a->date_published.empty()) a->field_sources["date_published"] = "hint";
  }
  return core::Status::Ok();
}

}  // namespace wirebrief::extract::detail

// RSS/Atom/sitemap reading and feed discovery with libxml2 (recover mode, no network, no
// entity expansion: feeds are untrusted). Items are numbered from 1 in document order so an
// error can name "feeds/world.xml: item 12".
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <set>

#include "core/hash.h"
#include "core/text.h"
#include "ingest/detail/charset.h"
#include "ingest/detail/readers.h"
#include "ingest/url.h"

namespace wirebrief::ingest::detail {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

struct XmlFree {
  void operator()(void* p) const { xmlFree(p); }
};

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
         c == ':';
}

// Escapes bare '&' (not starting an entity or character reference) outside CDATA and comments.
// Feeds are full of "Arts & Culture" and "?a=1&b=2"; libxml2's recovery drops such ampersands.
// Returns false (and leaves *out alone) when there is nothing to repair.
bool EscapeBareAmpersands(std::string_view in, std::string* out) {
  size_t first = in.find('&');
  if (first == std::string_view::npos) return false;
  bool changed = false;
  std::string fixed;
  fixed.reserve(in.size() + 64);
  size_t i = 0;
  while (i < in.size()) {
    char c = in[i];
    if (c == '<' && in.substr(i, 9) == "<![CDATA[") {
      size_t e = in.find("]]>", i + 9);
      e = e == std::string_view::npos ? in.size() : e + 3;
      fixed.append(in.substr(i, e - i));
      i = e;
      continue;
    }
    if (c == '<' && in.substr(i, 4) == "<!--") {
      size_t e = in.find("-->", i + 4);
      e = e == std::string_view::npos ? in.size() : e + 3;
      fixed.append(in.substr(i, e - i));
      i = e;
      continue;
    }
    if (c == '&') {
      size_t j = i + 1;
      if (j < in.size() && in[j] == '#') {
        ++j;
        if (j < in.size() && (in[j] == 'x' || in[j] == 'X')) ++j;
        while (j < in.size() && std::isxdigit(static_cast<unsigned char>(in[j]))) ++j;
      } else {
        while (j < in.size() && j - i < 40 && IsNameChar(in[j])) ++j;
      }
      bool reference = j > i + 1 && j < in.size() && in[j] == ';' && in[j - 1] != '#';
      if (!reference) {
        fixed += "&amp;";
        changed = true;
        ++i;
        continue;
      }
    }
    fixed += c;
    ++i;
  }
  if (changed) *out = std::move(fixed);
  return changed;
}

// Parses with recovery; on total failure *error names the line and libxml2's complaint.
DocPtr ParseXml(std::string_view bytes, const std::string& base_url, std::string* error) {
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    *error = "out of memory";
    return nullptr;
  }
  int opts = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
             XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  // UTF-16 (by its byte-order mark or its zero bytes) becomes UTF-8 first: the ampersand repair
  // works on bytes, and libxml2 then reads the text as UTF-8, so the declaration naming UTF-16
  // goes.
  std::string utf8;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF" ||
      SniffUtf16(bytes) != Utf16Guess::kNone) {
    utf8 = DecodeToUtf8(bytes, "", nullptr);
    if (utf8.compare(0, 3, "\xEF\xBB\xBF") == 0) utf8.erase(0, 3);
    if (utf8.compare(0, 5, "<?xml") == 0) utf8.erase(0, utf8.find("?>") + 2);
    bytes = utf8;
  }
  // Text before the XML declaration makes libxml2 drop entities further on.
  while (!bytes.empty() &&
         (bytes[0] == ' ' || bytes[0] == '\t' || bytes[0] == '\r' || bytes[0] == '\n'))
    bytes.remove_prefix(1);
  std::string repaired;
  if (EscapeBareAmpersands(bytes, &repaired)) bytes = repaired;
  DocPtr doc(xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()),
                               base_url.empty() ? nullptr : base_url.c_str(), nullptr, opts));
  if (!doc || !xmlDocGetRootElement(doc.get())) {
    const xmlError* e = xmlCtxtGetLastError(ctxt);
    std::string msg = e && e->message ? e->message : "no root element";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    *error = e && e->line > 0
                 ? "line " + std::to_string(e->line) + ": not well-formed XML (" + msg + ")"
                 : "not well-formed XML (" + msg + ")";
    doc.reset();
  }
  xmlFreeParserCtxt(ctxt);
  return doc;
}

std::string_view LocalName(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string_view Prefix(const xmlNode* n) {
  return n->ns && n->ns->prefix ? reinterpret_cast<const char*>(n->ns->prefix) : "";
}

// Which vocabulary an element belongs to: by namespace URI when declared, else by the prefix
// feeds and sitemaps conventionally use (libxml2's recovery keeps an undeclared "news:title"
// as one name with no namespace).
enum class Vocab { kPlain, kSitemap, kNews, kImage, kSyndication, kOther };

Vocab VocabOf(const xmlNode* n, std::string_view* local) {
  std::string_view name = LocalName(n);
  std::string_view prefix = Prefix(n);
  if (!n->ns) {
    size_t colon = name.find(':');
    if (colon != std::string_view::npos) {
      prefix = name.substr(0, colon);
      name = name.substr(colon + 1);
    }
  }
  *local = name;
  std::string_view uri = n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : "";
  if (uri.find("google.com/schemas/sitemap-news") != std::string_view::npos) return Vocab::kNews;
  if (uri.find("google.com/schemas/sitemap-image") != std::string_view::npos) return Vocab::kImage;
  if (uri.find("sitemaps.org/schemas/sitemap") != std::string_view::npos) return Vocab::kSitemap;
  if (uri.find("purl.org/rss/1.0/modules/syndication") != std::string_view::npos)
    return Vocab::kSyndication;
  if (prefix == "news") return Vocab::kNews;
  if (prefix == "image") return Vocab::kImage;
  if (prefix == "sy") return Vocab::kSyndication;
  if (prefix == "sm") return Vocab::kSitemap;
  return prefix.empty() && uri.empty() ? Vocab::kPlain : Vocab::kOther;
}

// RSS <ttl> (minutes) wins: it is the publisher's own cache hint; else the syndication
// module's period / frequency. Nonsense (zero, negative, over a year) is ignored.
std::optional<double> RefreshSeconds(const std::string& ttl, const std::string& period,
                                     const std::string& frequency) {
  constexpr double kYear = 365.0 * 86400;
  auto number = [](const std::string& s) -> double {
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    return end && end != s.c_str() && *end == '\0' && std::isfinite(v) ? v : -1;
  };
  if (double minutes = number(ttl); minutes > 0 && minutes * 60 <= kYear) return minutes * 60;
  double per = period == "hourly"    ? 3600
               : period == "daily"   ? 86400
               : period == "weekly"  ? 7 * 86400
               : period == "monthly" ? 30 * 86400
               : period == "yearly"  ? kYear
                                     : (frequency.empty() ? -1 : 86400);  // the module's default
  if (per < 0) return std::nullopt;
  double times = frequency.empty() ? 1 : number(frequency);
  if (times < 1 || times > 1e6) return per;
  return per / std::floor(times);
}

std::string Collapse(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string NodeText(const xmlNode* n) {
  std::unique_ptr<xmlChar, XmlFree> c(xmlNodeGetContent(n));
  return Collapse(c ? reinterpret_cast<const char*>(c.get()) : "");
}

std::string Attr(const xmlNode* n, const char* name) {
  std::unique_ptr<xmlChar, XmlFree> v(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
  return v ? reinterpret_cast<const char*>(v.get()) : "";
}

// The markup inside `n` (Atom type="xhtml" content), serialised back to text.
std::string InnerXml(xmlDoc* doc, xmlNode* n) {
  // The xhtml payload is wrapped in one <div> the spec says is not part of the content.
  xmlNode* wrap = n->children;
  while (wrap && wrap->type != XML_ELEMENT_NODE) wrap = wrap->next;
  if (wrap && LocalName(wrap) == "div") n = wrap;
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buf(xmlBufferCreate(), &xmlBufferFree);
  for (xmlNode* c = n->children; c; c = c->next) xmlNodeDump(buf.get(), doc, c, 0, 0);
  return Collapse(std::string(reinterpret_cast<const char*>(xmlBufferContent(buf.get())),
                              static_cast<size_t>(xmlBufferLength(buf.get()))));
}

// Resolves `ref` against xml:base of `n` (and the document URL), then `fallback_base`.
std::string Resolve(xmlDoc* doc, xmlNode* n, const std::string& ref,
                    const std::string& fallback_base) {
  if (ref.empty()) return ref;
  std::unique_ptr<xmlChar, XmlFree> base(xmlNodeGetBase(doc, n));
  std::string b = base ? reinterpret_cast<const char*>(base.get()) : "";
  if (b.empty()) b = fallback_base;
  if (b.empty()) return ref;
  std::unique_ptr<xmlChar, XmlFree> r(xmlBuildURI(reinterpret_cast<const xmlChar*>(ref.c_str()),
                                                  reinterpret_cast<const xmlChar*>(b.c_str())));
  return r ? reinterpret_cast<const char*>(r.get()) : ref;
}

template <typename Fn>
void ForEachElement(xmlNode* n, const Fn& fn) {
  for (xmlNode* c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (!fn(c)) ForEachElement(c->children, fn);
  }
}

// "jane@example.org (Jane Roe)" -> "Jane Roe"; RSS 2.0 wants an address there, people put names.
std::string CleanAuthor(std::string a) {
  size_t open = a.find('('), close = a.rfind(')');
  if (a.find('@') != std::string::npos && open != std::string::npos && close > open)
    return Collapse(a.substr(open + 1, close - open - 1));
  return a;
}

std::string DateHint(const std::string& raw) {
  std::string iso = NormalizeFeedDate(raw);
  return iso.empty() ? raw : iso;
}

bool IsImage(const xmlNode* n) {
  std::string medium = Attr(n, "medium"), type = Attr(n, "type");
  return medium == "image" || type.rfind("image/", 0) == 0 || (medium.empty() && type.empty());
}

// Media RSS (media:content, media:thumbnail, media:group) and enclosures: the item's image.
void ReadMedia(xmlNode* f, std::map<std::string, std::string>* hints) {
  std::string_view fn = LocalName(f);
  if (fn == "group") {
    for (xmlNode* c = f->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE) ReadMedia(c, hints);
    return;
  }
  if ((fn == "content" || fn == "enclosure") && IsImage(f)) {
    std::string url = Attr(f, "url");
    if (!url.empty() && !hints->count("image")) (*hints)["image"] = url;
  } else if (fn == "thumbnail") {
    std::string url = Attr(f, "url");
    if (!url.empty() && !hints->count("image")) (*hints)["image"] = url;
  } else if (fn == "description" && !hints->count("description")) {
    (*hints)["description"] = NodeText(f);
  } else if (fn == "title" && !hints->count("title")) {
    (*hints)["title"] = NodeText(f);
  } else if (fn == "credit" && !hints->count("image_credit")) {
    (*hints)["image_credit"] = NodeText(f);
  }
}

// The text of an HTML fragment (an RSS description is escaped HTML), paragraphs kept apart.
std::string MarkupText(const std::string& fragment) {
  if (fragment.find('<') == std::string::npos && fragment.find('&') == std::string::npos)
    return fragment;
  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
             HTML_PARSE_COMPACT;
  DocPtr doc(
      htmlReadMemory(fragment.data(), static_cast<int>(fragment.size()), nullptr, "utf-8", opts));
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) return fragment;
  std::string out;
  std::function<void(xmlNode*)> walk = [&](xmlNode* n) {
    for (xmlNode* c = n; c; c = c->next) {
      if (c->type == XML_TEXT_NODE && c->content) {
        out += reinterpret_cast<const char*>(c->content);
      } else if (c->type == XML_ELEMENT_NODE) {
        std::string_view name = LocalName(c);
        bool block = name == "p" || name == "br" || name == "div" || name == "li" || name == "h1" ||
                     name == "h2" || name == "h3" || name == "blockquote";
        if (block && !out.empty() && out.back() != '\n') out += '\n';
        if (name != "script" && name != "style") walk(c->children);
        if (block && !out.empty() && out.back() != '\n') out += '\n';
      }
    }
  };
  walk(root);
  return Collapse(out);
}

// What a feed says about itself: its title, refresh hints, and the base its relative item links
// resolve against. RSS <channel><link> is the site; relative item links resolve against it
// when nothing closer (xml:base, the feed's own URL) does.
struct FeedChannel {
  std::string site_base, title, ttl, update_period, update_frequency;
};

FeedChannel ReadChannel(xmlNode* root, const std::string& base_url) {
  FeedChannel ch;
  ch.site_base = base_url;
  ForEachElement(root, [&](xmlNode* n) {
    std::string_view name = LocalName(n);
    if (name == "item" || name == "entry") return true;
    if ((name == "channel" || name == "feed") && n != nullptr) {
      for (xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        std::string_view local;
        Vocab vocab = VocabOf(c, &local);
        if (vocab == Vocab::kPlain && local == "ttl" && ch.ttl.empty()) ch.ttl = NodeText(c);
        if (vocab == Vocab::kSyndication && local == "updatePeriod") ch.update_period = NodeText(c);
        if (vocab == Vocab::kSyndication && local == "updateFrequency")
          ch.update_frequency = NodeText(c);
        if (LocalName(c) == "title" && ch.title.empty()) ch.title = NodeText(c);
        if (LocalName(c) == "link" && Prefix(c).empty() && ch.site_base.empty()) {
          std::string href = Attr(c, "href");
          ch.site_base = href.empty() ? NodeText(c) : href;
        }
      }
    }
    return false;
  });
  return ch;
}

// One item's (or entry's) fields: the reference with its hints, and what decides its link and
// key.
struct FeedItem {
  Reference ref;
  std::string content, guid, orig_link, permalink;
  bool content_is_text = false;
  std::vector<std::string> authors;
};

FeedItem ReadItemFields(xmlDoc* doc, xmlNode* item, const std::string& site_base) {
  FeedItem it;
  Reference& ref = it.ref;
  for (xmlNode* f = item->children; f; f = f->next) {
    if (f->type != XML_ELEMENT_NODE) continue;
    std::string_view fn = LocalName(f);
    std::string_view prefix = Prefix(f);
    if (prefix == "media") {
      ReadMedia(f, &ref.hints);
    } else if (fn == "title" && prefix.empty()) {
      ref.hints["title"] = NodeText(f);
    } else if (fn == "link" && (prefix.empty() || prefix == "atom")) {
      std::string href = Attr(f, "href");
      std::string rel = Attr(f, "rel");
      if (!href.empty()) {
        if ((rel.empty() || rel == "alternate") && ref.url.empty())
          ref.url = Resolve(doc, f, href, site_base);
        if (rel == "enclosure" && Attr(f, "type").rfind("image/", 0) == 0 &&
            !ref.hints.count("image"))
          ref.hints["image"] = Resolve(doc, f, href, site_base);
      } else if (ref.url.empty()) {
        ref.url = Resolve(doc, f, NodeText(f), site_base);
      }
    } else if (fn == "origLink") {
      it.orig_link = NodeText(f);  // feedburner: the publisher's own URL behind a tracking link
    } else if (fn == "guid" || (fn == "id" && prefix.empty())) {
      it.guid = NodeText(f);
      if (fn == "guid" && Attr(f, "isPermaLink") != "false" && it.guid.rfind("http", 0) == 0)
        it.permalink = it.guid;
    } else if (fn == "pubDate" || fn == "published" || fn == "issued" ||
               (fn == "date" && prefix == "dc")) {
      if (!ref.hints.count("date_published")) ref.hints["date_published"] = DateHint(NodeText(f));
    } else if (fn == "updated" || fn == "modified") {
      ref.hints["date_modified"] = DateHint(NodeText(f));
    } else if (fn == "creator" || fn == "author") {
      xmlNode* nm = nullptr;
      for (xmlNode* a = f->children; a; a = a->next)
        if (a->type == XML_ELEMENT_NODE && LocalName(a) == "name") nm = a;
      std::string who = CleanAuthor(NodeText(nm ? nm : f));
      if (!who.empty()) it.authors.push_back(who);
    } else if ((fn == "description" || fn == "summary") && prefix.empty()) {
      ref.hints["description"] = NodeText(f);
    } else if (fn == "encoded" && prefix == "content") {
      it.content = NodeText(f);
    } else if (fn == "content" && prefix.empty() && Attr(f, "src").empty()) {
      std::string type = Attr(f, "type");
      if (type == "xhtml") {
        it.content = InnerXml(doc, f);
      } else {
        it.content = NodeText(f);
        it.content_is_text = type.empty() || type == "text";
      }
    } else if (fn == "enclosure") {
      ReadMedia(f, &ref.hints);
    }
  }
  return it;
}

}  // namespace

core::Status ReadFeed(const std::string& source, std::string_view bytes,
                      const std::string& base_url, const EmitFn& emit, std::vector<Reference>* refs,
                      ListingInfo* info) {
  std::string error;
  DocPtr doc = ParseXml(bytes, base_url, &error);
  if (!doc) return core::Status::Corruption(source, "", error);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  std::string_view root_name;
  VocabOf(root, &root_name);
  if (root_name != "rss" && root_name != "RDF" && root_name != "feed")
    return core::Status::Corruption(
        source, "", "not an RSS or Atom feed (root element <" + std::string(root_name) + ">)");
  std::string charset = doc->encoding ? reinterpret_cast<const char*>(doc->encoding) : "utf-8";
  for (char& c : charset) c = core::AsciiLower(c);
  const FeedChannel channel = ReadChannel(root, base_url);
  const std::string& feed_title = channel.title;
  if (info) {
    info->title = feed_title;
    info->ttl_seconds =
        RefreshSeconds(channel.ttl, channel.update_period, channel.update_frequency);
  }
  int index = 0;
  ForEachElement(root, [&](xmlNode* item) {
    std::string_view name = LocalName(item);
    if (name != "item" && name != "entry") return false;  // descend
    ++index;
    std::string record = "item " + std::to_string(index);
    FeedItem it = ReadItemFields(doc.get(), item, channel.site_base);
    Reference& ref = it.ref;
    ref.kind = "feed_item";
    ref.listed_in = source;
    std::string& content = it.content;
    const std::string& guid = it.guid;
    if (!it.orig_link.empty()) ref.url = it.orig_link;
    if (ref.url.empty()) ref.url = it.permalink;
    std::string joined;
    for (const auto& a : it.authors) joined += (joined.empty() ? "" : ", ") + a;
    if (!joined.empty()) ref.hints["author"] = joined;
    if (!feed_title.empty()) ref.hints["feed_title"] = feed_title;
    std::string title = ref.hints.count("title") ? ref.hints["title"] : "";
    std::string description = ref.hints.count("description") ? ref.hints["description"] : "";
    if (ref.url.empty() && content.empty() && title.empty() && description.empty()) {
      emit(core::Status::Corruption(source, record, "no link, title, description or content"));
      return true;
    }
    // RSS 2.0 asks an item for only a title or a description: an item without a link is still
    // an article, named by its guid or, lacking one, by what it says (the same item read again
    // gets the same key, so it is stored once).
    std::string key = guid;
    if (key.empty() && ref.url.empty()) {
      std::string date = ref.hints.count("date_published") ? ref.hints["date_published"] : "";
      key = "hash:" + core::HashHex128((base_url.empty() ? source : base_url) + "\n" + title +
                                       "\n" + date + "\n" + content + "\n" + description)
                          .substr(0, 16);
    }
    if (key.empty()) key = record;
    if (!content.empty()) {
      core::RawDocument d;
      d.url = ref.url;
      d.kind = it.content_is_text ? core::ContentKind::kText : core::ContentKind::kHtml;
      d.content = std::move(content);
      d.charset = charset;
      d.hints = ref.hints;
      d.provenance = {source, "feed", 0, 0, key, "", 0};
      emit(std::move(d));
    } else if (ref.url.empty()) {
      // Nothing to fetch later: the item's own words are the article. A titled item is a
      // headline article (title and summary); an untitled one is its description's text.
      core::RawDocument d;
      d.charset = charset;
      d.hints = ref.hints;
      if (!title.empty()) {
        d.kind = core::ContentKind::kHeadline;
      } else {
        d.kind = core::ContentKind::kArticleText;
        d.content = MarkupText(description);
      }
      d.provenance = {source, "feed", 0, 0, key, "", 0};
      emit(std::move(d));
    }
    if (!ref.url.empty()) {
      ref.hints["record"] = guid.empty() ? record : guid;
      refs->push_back(std::move(ref));
    }
    return true;  // do not descend into an item
  });
  return core::Status::Ok();
}

core::Status ReadSitemap(const std::string& source, std::string_view bytes,
                         const std::string& base_url, const EmitFn& emit,
                         std::vector<Reference>* refs, ListingInfo* info) {
  std::string error;
  DocPtr doc = ParseXml(bytes, base_url, &error);
  if (!doc) return core::Status::Corruption(source, "", error);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  std::string_view root_name;
  VocabOf(root, &root_name);
  if (root_name != "urlset" && root_name != "sitemapindex")
    return core::Status::Corruption(
        source, "", "not a sitemap (root element <" + std::string(root_name) + ">)");
  if (info) info->sitemap_index = root_name == "sitemapindex";
  int index = 0;
  ForEachElement(root, [&](xmlNode* n) {
    std::string_view name = LocalName(n);
    if (name != "url" && name != "sitemap") return false;
    ++index;
    Reference ref;
    ref.listed_in = source;
    ForEachElement(n->children, [&](xmlNode* f) {
      std::string_view fn;
      Vocab vocab = VocabOf(f, &fn);
      bool news = vocab == Vocab::kNews;
      // The entry's own <loc> in whatever namespace the generator wrote (none, sitemaps.org,
      // Google's old 0.84 one); extension elements (image:loc) sit deeper.
      if (fn == "loc" && f->parent == n && vocab != Vocab::kImage && vocab != Vocab::kNews) {
        ref.url = Resolve(doc.get(), f, NodeText(f), base_url);
      } else if (fn == "loc" && vocab == Vocab::kImage) {
        if (!ref.hints.count("image")) ref.hints["image"] = NodeText(f);
      } else if (fn == "publication_date") {
        ref.hints["date_published"] = DateHint(NodeText(f));
      } else if (fn == "title" && news) {
        ref.hints["title"] = NodeText(f);
      } else if (fn == "lastmod") {
        ref.hints["date_modified"] = DateHint(NodeText(f));
      } else if (fn == "name" && news) {
        ref.hints["site_name"] = NodeText(f);
      } else if (fn == "language" && news) {
        ref.hints["language"] = NodeText(f);
      } else if (fn == "keywords" && news) {
        ref.hints["keywords"] = NodeText(f);
      }
      return false;
    });
    std::string record = (name == "url" ? "url " : "sitemap ") + std::to_string(index);
    if (ref.url.empty()) {
      emit(core::Status::Corruption(source, record, "<loc> missing"));
      return true;
    }
    // A page entry must name a web page; one bad <loc> costs only its own entry. (Index entries
    // in a local index may be paths next to it.)
    if (name == "url" && (!IsHttpUrl(ref.url) || NormalizeUrl(ref.url).empty())) {
      emit(core::Status::Corruption(source, record,
                                    "<loc> is not an http(s) URL: " + ref.url.substr(0, 200)));
      return true;
    }
    ref.kind = name == "sitemap" ? "sitemap" : "sitemap_url";
    ref.hints["record"] = record;
    refs->push_back(std::move(ref));
    return true;
  });
  return core::Status::Ok();
}

}  // namespace wirebrief::ingest::detail

namespace wirebrief::ingest {
using namespace detail;

std::vector<std::string> DiscoverFeeds(std::string_view html, const std::string& base_url) {
  std::vector<std::string> out;
  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
             HTML_PARSE_COMPACT;
  DocPtr doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "utf-8", opts));
  if (!doc) return out;
  std::string base = base_url;
  std::vector<std::pair<xmlNode*, std::string>> links;
  // Feed links live in <head>; a bounded walk keeps a hostile page from costing much.
  size_t visited = 0;
  ForEachElement(xmlDocGetRootElement(doc.get()), [&](xmlNode* n) {
    if (++visited > 20000) return true;
    std::string_view name = LocalName(n);
    if (name == "base" && base == base_url) {
      std::string href = Attr(n, "href");
      if (!href.empty()) base = Resolve(doc.get(), n, href, base_url);
    } else if (name == "link") {
      std::string rel = " " + Attr(n, "rel") + " ";
      for (char& c : rel) c = core::AsciiLower(c);
      for (char& c : rel)
        if (c == '\t' || c == '\n') c = ' ';
      std::string type = Attr(n, "type");
      for (char& c : type) c = core::AsciiLower(c);
      bool feed_type = type == "application/rss+xml" || type == "application/atom+xml" ||
                       type == "application/rdf+xml" || type == "application/feed+json";
      if (rel.find(" alternate ") != std::string::npos && feed_type)
        links.emplace_back(n, Attr(n, "href"));
    } else if (name == "body") {
      return true;
    }
    return false;
  });
  std::set<std::string> seen;
  for (auto& [node, href] : links) {
    std::string h = Collapse(href);
    if (h.empty()) continue;
    std::string url = base.empty() ? h : Resolve(doc.get(), node, h, base);
    if (seen.insert(url).second) out.push_back(url);
  }
  return out;
}

}  // namespace wirebrief::ingest

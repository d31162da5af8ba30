#include "cli/tei.h"

#include <libxml/xmlwriter.h>

#include <memory>
#include <string_view>

namespace wirebrief::cli {
namespace {

// `s` as XML 1.0 character data: invalid UTF-8 and the code points XML forbids (C0 controls but
// tab, LF and CR; surrogates; U+FFFE, U+FFFF) replaced by U+FFFD. libxml2's writer escapes
// markup but passes such bytes through, which makes a document no parser accepts.
std::string XmlText(std::string_view s) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    bool ok = n > 0 && i + n <= s.size();
    for (size_t k = 1; ok && k < n; ++k) {
      unsigned char cc = s[i + k];
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    ok = ok && cp >= kMin[n] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    bool allowed =
        ok && (cp >= 0x20 || cp == 0x9 || cp == 0xA || cp == 0xD) && cp != 0xFFFE && cp != 0xFFFF;
    if (allowed)
      out.append(s.substr(i, n));
    else
      out.append(kReplacement);
    i += ok ? n : 1;
  }
  return out;
}

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// Thin Status-returning wrapper: every libxml2 writer call returns < 0 on failure.
class Writer {
 public:
  explicit Writer(xmlTextWriterPtr w) : w_(w) {}
  bool ok() const { return ok_; }
  void Start(const char* name) { Check(xmlTextWriterStartElement(w_, X(name))); }
  void End() { Check(xmlTextWriterEndElement(w_)); }
  void Attr(const char* name, std::string_view value) {
    Check(xmlTextWriterWriteAttribute(w_, X(name), X(XmlText(value).c_str())));
  }
  void Text(std::string_view value) {
    Check(xmlTextWriterWriteString(w_, X(XmlText(value).c_str())));
  }
  // <name attr="...">text</name>; nothing when `text` is empty.
  void Element(const char* name, std::string_view text, const char* attr = nullptr,
               std::string_view attr_value = {}) {
    if (text.empty()) return;
    Start(name);
    if (attr) Attr(attr, attr_value);
    Text(text);
    End();
  }
  void Check(int rc) { ok_ = ok_ && rc >= 0; }

 private:
  xmlTextWriterPtr w_;
  bool ok_ = true;
};

// Where the article was published: outlet, date, URL; with `cited`, title and authors first,
// as a bibliography cites it (sourceDesc/bibl).
void WriteSource(Writer& w, const core::Article& a, const std::string& url,
                 const std::string& outlet, bool cited) {
  if (cited) {
    w.Element("title", a.title, "type", "main");
    for (const auto& author : a.authors) w.Element("author", author);
  }
  w.Element("publisher", outlet);
  if (!a.date_published.empty()) {
    w.Start("date");
    w.Attr("when", a.date_published);
    w.Text(a.date_published);
    w.End();
  }
  if (!url.empty()) {
    w.Start("ptr");
    w.Attr("type", "URL");
    w.Attr("target", url);
    w.End();
  }
}

}  // namespace

core::Result<std::string> ArticleToTei(const core::Article& a) {
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), xmlBufferFree);
  if (!buffer) return core::Status::Internal("xml-tei", "libxml2: out of memory");
  std::unique_ptr<xmlTextWriter, decltype(&xmlFreeTextWriter)> writer(
      xmlNewTextWriterMemory(buffer.get(), 0), xmlFreeTextWriter);
  if (!writer) return core::Status::Internal("xml-tei", "libxml2: cannot create a writer");
  Writer w(writer.get());
  w.Check(xmlTextWriterSetIndent(writer.get(), 1));
  w.Check(xmlTextWriterSetIndentString(writer.get(), X("  ")));
  w.Check(xmlTextWriterStartDocument(writer.get(), nullptr, "UTF-8", nullptr));
  const std::string& url = a.canonical_url.empty() ? a.url : a.canonical_url;
  const std::string& outlet = a.site_name.empty() ? a.host : a.site_name;
  w.Start("TEI");
  w.Attr("xmlns", "http://www.tei-c.org/ns/1.0");
  w.Start("teiHeader");
  w.Start("fileDesc");
  w.Start("titleStmt");
  w.Element("title", a.title, "type", "main");
  for (const auto& author : a.authors) w.Element("author", author);
  w.End();  // titleStmt
  w.Start("publicationStmt");
  WriteSource(w, a, url, outlet, /*cited=*/false);
  w.Element("idno", a.id, "type", "wirebrief");
  w.End();  // publicationStmt
  w.Start("sourceDesc");
  w.Start("bibl");
  WriteSource(w, a, url, outlet, /*cited=*/true);
  w.End();  // bibl
  w.End();  // sourceDesc
  w.End();  // fileDesc
  if (!a.language.empty() || !a.description.empty()) {
    w.Start("profileDesc");
    if (!a.description.empty()) {
      w.Start("abstract");
      w.Element("p", a.description);
      w.End();
    }
    if (!a.language.empty()) {
      w.Start("langUsage");
      w.Start("language");
      w.Attr("ident", a.language);
      w.End();
      w.End();
    }
    w.End();  // profileDesc
  }
  w.End();  // teiHeader
  w.Start("text");
  if (!a.language.empty()) w.Attr("xml:lang", a.language);
  w.Start("body");
  w.Start("div");
  w.Attr("type", "entry");
  for (size_t b = 0; b < a.text.size();) {
    size_t e = a.text.find('\n', b);
    if (e == std::string::npos) e = a.text.size();
    w.Element("p", std::string_view(a.text).substr(b, e - b));
    b = e + 1;
  }
  w.End();  // div
  w.End();  // body
  w.End();  // text
  w.End();  // TEI
  w.Check(xmlTextWriterEndDocument(writer.get()));
  writer.reset();  // flushes into the buffer
  if (!w.ok()) return core::Status::Internal("xml-tei", "libxml2 could not write the document");
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                     xmlBufferLength(buffer.get()));
}

}  // namespace wirebrief::cli

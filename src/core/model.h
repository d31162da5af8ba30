// The wirebrief data model: plain structs passed from stage to stage and persisted by store/.
//
// Every stage speaks this vocabulary and nothing else, so store/ can persist any stage's output
// without linking its algorithms, and tests can build an Article by hand. Offsets (`CharSpan`)
// are byte offsets into the UTF-8 `Article::text` they belong to; a brief line cites articles
// by id plus such a span, which is what makes every line traceable to its source sentence.
//
// Dates are ISO 8601 strings ("2026-11-03T10:32:00+01:00", or "2026-11-03" when only the day
// is known); an empty string means unknown.
//
// Thread safety: plain values; no shared state.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wirebrief::core {

// Where a document came from, down to the byte range of its record in a container.
struct Provenance {
  std::string source;        // the input as named by the user: a path, "-", a URL
  std::string container;     // "file", "warc", "feed", "sitemap", "jsonl", "text"
  uint64_t offset = 0;       // byte offset of the (compressed) record within `source`
  uint64_t length = 0;       // byte length of that record; 0 for whole files
  std::string record_id;     // WARC-Record-ID, feed <guid>, JSONL line number
  std::string crawl_date;    // WARC-Date or fetch time; never a publication date
  int http_status = 0;       // from a WARC response or a fetch; 0 when not over HTTP
};

// kText is page text pasted from a browser (chrome around the article: cleaned by extract/);
// kArticleText is clean article text given as it is (a JSONL {"url", "text"} record), stored
// as it is; kHeadline has no content: only what a feed, sitemap or record said about the item
// (hints "title", "description", "date_published", "author", "site_name"), as when its page
// was not fetched.
enum class ContentKind { kHtml, kText, kArticleText, kHeadline };

// One input document as ingest/ delivers it: UTF-8 content plus what the source said about it.
struct RawDocument {
  std::string url;            // canonical or target URL when known, else empty
  ContentKind kind = ContentKind::kHtml;
  std::string content;        // UTF-8 (ingest/ converts); HTML markup or plain text
  std::string charset;        // the charset the bytes were decoded from ("utf-8", "windows-1252")
  // Why that charset, by the WHATWG sniffing step that chose it: "bom", "http" (the transport's
  // Content-Type), "meta" (the <meta> prescan or an XML declaration), "detected", "default";
  // empty when the container fixes the encoding (JSON lines, feed items).
  std::string charset_source;
  Provenance provenance;
  // Fields a feed, sitemap or JSONL line supplied ("title", "date_published", "author").
  // "identity_url": the URL that names the article instead of its canonical URL (a watched
  // listing's item link), so its headline and its page are one article (extract::ArticleIdForUrl).
  std::map<std::string, std::string> hints;
};

struct CharSpan {
  uint32_t begin = 0;  // inclusive byte offset
  uint32_t end = 0;    // exclusive byte offset
  bool operator==(const CharSpan&) const = default;
};

struct Caption {
  std::string text;
  std::string credit;  // "Photo: Jane Roe / Agency", empty when none
};

struct Sentence {
  CharSpan span;
};

enum class EntityType { kPerson, kOrganization, kCountry, kPlace };

struct Mention {
  CharSpan span;
  EntityType type = EntityType::kPerson;
  std::string name;  // surface form, whitespace-normalised
  std::string role;  // "regional governor" for persons when the text states it
};

// A number the text states, with what it counts: "28,500 troops" -> value 28500, unit "troops".
struct Figure {
  CharSpan span;
  double value = 0;
  std::string unit;  // counted noun or currency/percent/magnitude; may be empty
  std::string text;  // as written
};

struct DateMention {
  CharSpan span;
  std::string text;   // as written: "on Tuesday", "Nov. 4"
  std::string value;  // resolved against the publication date: "2026-11-03"
};

struct Quote {
  CharSpan span;        // the quoted words, without the quote marks
  std::string speaker;  // empty when the text names none
};

// A person's role as the text states it: "Kara Ostrow, the country's finance minister" ->
// {person "Kara Ostrow", role "finance minister", affiliation "the country"}. `span` is the
// person's mention; affiliation is empty when the text names none.
struct Role {
  CharSpan span;
  std::string person;  // the person's canonical name in the article (its fullest form)
  std::string role;
  std::string affiliation;
};

// A mention of a country by name, demonym or capital standing for its government
// ("Washington said"), normalised to an ISO 3166-1 alpha-2 code.
struct CountryMention {
  CharSpan span;
  std::string code;  // "US", "DE"
  std::string via;   // "name", "demonym" or "capital"
};

// What a figure counts and how exactly: one entry per `Annotations::figures[i]`, same order.
struct FigureDetail {
  std::string counted;     // the counted noun ("troops", "aid" in "$1.2 billion in aid"); may be empty
  double value_max = 0;    // upper bound of a range ("10 to 20 people"); 0 when not a range
  bool approximate = false;  // "about", "nearly", "more than", "tens of thousands"
};

// How a quote is attributed: one entry per `Annotations::quotes[i]`, same order.
struct QuoteDetail {
  std::string verb;    // the speech verb ("said", "told"); empty when none was found
  CharSpan speaker;    // the speaker's mention or pronoun; {0,0} when unknown
};

// What nlp/ reads in an article.
struct Annotations {
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Figure> figures;
  std::vector<DateMention> dates;
  std::vector<Quote> quotes;
  std::vector<Role> roles;
  std::vector<CountryMention> countries;
  std::vector<FigureDetail> figure_details;  // parallel to `figures`
  std::vector<QuoteDetail> quote_details;    // parallel to `quotes`
  // The text's language (primary subtag, "de") when nlp/ does not read it: only `sentences`
  // were annotated, no names, figures, dates or quotes. Empty when the text was read.
  std::string language_not_read;
};

// An extracted article: clean text plus metadata, plus annotations once nlp/ has run.
struct Article {
  std::string id;            // stable: derived from canonical URL, else from content hash
  std::string url;
  std::string canonical_url;
  std::string title;
  std::vector<std::string> authors;
  std::string date_published;
  std::string date_modified;
  std::string date_crawled;
  std::string site_name;
  std::string host;
  std::string section;
  std::string language;      // BCP-47; empty when unknown
  std::string description;
  std::vector<Caption> captions;
  std::vector<std::string> wire;  // agencies credited for the copy
  std::string text;               // paragraphs separated by "\n"
  // The same body as Markdown and as sanitized HTML, headline first; filled only when
  // extract::ExtractOptions asks for them (not stored).
  std::string markdown;
  std::string html;
  std::string content_hash;       // hex digest of the normalised text
  Provenance provenance;
  // Which source each metadata field came from ("jsonld", "opengraph", "meta", "dom", "text").
  std::map<std::string, std::string> field_sources;
  Annotations annotations;
  // Metadata added with per-field confidence (extract/ issue 6).
  std::vector<std::string> tags;   // keywords / article:tag / rel=tag, page order, deduplicated
  std::string image;               // lead image URL (absolute when the page allows)
  std::string license;             // stated licence (JSON-LD license, rel=license, dcterms)
  std::optional<bool> is_free;     // from isAccessibleForFree or HTTP 401/402/403/451; unknown otherwise
  bool truncated = false;          // evidence only: paywall status, body far shorter than articleBody
  // Only a headline (and maybe a summary in `description`) is known: a feed item or record whose
  // page was not fetched. Clustered in the headline mode; upgraded in place (same id) when the
  // full page arrives.
  bool headline_only = false;
  // How sure each sourced field is, 0..1 (same keys as field_sources).
  std::map<std::string, double> field_confidence;
};

// Why an article joined its story, recorded when it arrived so a reader can check the merge.
// The story's first article has none.
struct StoryAttachment {
  std::string article_id;
  std::string reason;   // "similar" (scored against the story) or "copy" (near-duplicate text)
  double score = 0;     // cosine against the story ("similar") or shingle containment ("copy")
  std::string copy_of;  // for "copy": the earlier article whose text it repeats
  std::vector<std::string> shared_terms;     // heaviest shared terms first
  std::vector<std::string> shared_entities;  // names, places, dates and figures among them
};

struct Citation {
  std::string article_id;
  CharSpan span;  // into that article's text
  bool operator==(const Citation&) const = default;
};

enum class BriefSection {
  kLede,
  kContext,  // the rest of the summary: the next most central facts, in reading order
  kWhyItMatters,
  kStakeholder,
  kWhatsNext,
  kKeyFigure,
  kTimeline,
  kSource,
};

struct BriefLine {
  BriefSection section = BriefSection::kLede;
  std::string label;  // stakeholder name, timeline date, figure name; empty for prose lines
  std::string text;
  std::vector<Citation> citations;  // never empty for lines taken from articles
  bool conflict = false;            // a key figure on which outlets disagree
  // True when the text is its cited sentence with clauses deleted (attribution, parentheticals)
  // rather than the sentence verbatim; such lines passed the support check against their cites.
  bool compressed = false;
};

struct Brief {
  std::string story_id;
  std::string headline;
  std::vector<BriefLine> lines;
  // 1 for a story's first brief; +1 each time the story grew (gained articles) and its brief was
  // regenerated. Unchanged stories keep their version.
  int version = 1;
  size_t article_count = 0;  // story articles the brief was built from
  // The story's attachment explanations, carried with the brief because the brief is the story's
  // stored JSON document (the stories table has plain columns only); equal to Story::attachments.
  std::vector<StoryAttachment> story_attachments = {};
  // Languages of member articles nlp/ does not read (sorted, primary subtags): their sentences
  // may be lines, but no figure, date or stakeholder was taken from them.
  std::vector<std::string> languages_not_read = {};
};

// A group of articles covering one event.
struct Story {
  std::string id;  // minted when the story opens (from its first article's id); never changes
  std::string title;
  std::vector<std::string> article_ids;  // ordered by publication date
  std::vector<std::string> outlets;      // distinct site names/hosts
  int independent_outlets = 0;           // outlets not merely republishing one wire copy
  std::string first_published;
  std::string last_published;
  std::vector<StoryAttachment> attachments = {};  // one per article after the first, in arrival order
};

// The outlet an article speaks for: its site name, else its host; empty when neither is known
// (pasted text that states no site). Never the input's file name, which names no outlet: the
// JSON outputs leave "outlet" empty, as they leave any unknown field.
std::string OutletOf(const Article& article);
// OutletOf for text a reader sees (Markdown, brief source lines): kUnknownOutlet when empty.
inline constexpr std::string_view kUnknownOutlet = "unknown outlet";
std::string OutletLabel(const Article& article);

std::string_view EntityTypeName(EntityType type);
std::string_view BriefSectionName(BriefSection section);

}  // namespace wirebrief::core

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
#include <string>
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

enum class ContentKind { kHtml, kText };

// One input document as ingest/ delivers it: UTF-8 content plus what the source said about it.
struct RawDocument {
  std::string url;            // canonical or target URL when known, else empty
  ContentKind kind = ContentKind::kHtml;
  std::string content;        // UTF-8 (ingest/ converts); HTML markup or plain text
  std::string charset;        // the charset the bytes were decoded from ("utf-8", "windows-1252")
  Provenance provenance;
  // Fields a feed, sitemap or JSONL line supplied ("title", "date_published", "author").
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

// What nlp/ reads in an article.
struct Annotations {
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Figure> figures;
  std::vector<DateMention> dates;
  std::vector<Quote> quotes;
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
  std::string content_hash;       // hex digest of the normalised text
  Provenance provenance;
  // Which source each metadata field came from ("jsonld", "opengraph", "meta", "dom", "text").
  std::map<std::string, std::string> field_sources;
  Annotations annotations;
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
};

struct Brief {
  std::string story_id;
  std::string headline;
  std::vector<BriefLine> lines;
  // The story's attachment explanations, carried with the brief because the brief is the story's
  // stored JSON document (the stories table has plain columns only); equal to Story::attachments.
  std::vector<StoryAttachment> story_attachments = {};
};

// A group of articles covering one event.
struct Story {
  std::string id;  // stable across runs: derived from the earliest member's id
  std::string title;
  std::vector<std::string> article_ids;  // ordered by publication date
  std::vector<std::string> outlets;      // distinct site names/hosts
  int independent_outlets = 0;           // outlets not merely republishing one wire copy
  std::string first_published;
  std::string last_published;
  std::vector<StoryAttachment> attachments = {};  // one per article after the first, in arrival order
};

// The outlet an article speaks for: its site name, else its host, else the input it came from
// (pasted text has neither).
std::string OutletOf(const Article& article);

std::string_view EntityTypeName(EntityType type);
std::string_view BriefSectionName(BriefSection section);

}  // namespace wirebrief::core

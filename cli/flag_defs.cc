// The flag table (cli/flag_defs.h): every definition once, in the order of flag_defs.h.
#include "cli/flag_defs.h"

#include <algorithm>
#include <cctype>

namespace wirebrief::cli {

// Shared by several subcommands.
const FlagDef<std::string> kDb{
    .names = "--db",
    .help = "SQLite database file (created when missing) or postgresql:// URI",
    .default_value = "wirebrief.db",
    .env = "WIREBRIEF_DB"};
const FlagDef<size_t> kJobs{.names = "-j,--jobs",
                            .help = "Worker threads (0 = one per core)",
                            .default_value = 0,
                            .check = [] { return CLI::Validator(CLI::Range(0, 256)); }};
const FlagDef<bool> kQuiet{.names = "-q,--quiet", .help = "No progress bar"};
const FlagDef<std::vector<std::string>> kInputs{
    .names = "inputs",
    .help =
        "Files, folders (recursive) or - for stdin: HTML, pasted text, WARC(.gz), RSS/Atom, "
        "sitemaps, JSON lines; detected by content",
    .show_default = false,
    .required = true};
const FlagDef<std::vector<std::string>> kInputFile{
    .names = "-i,--input-file",
    .help = "File listing one input (path or http(s) URL) per line; '#' starts a comment",
    .check = [] { return CLI::Validator(CLI::ExistingFile); },
    .show_default = false,
    .one_value_per_use = true};
const FlagDef<std::string> kTargetLanguage{
    .names = "--target-language",
    .help =
        "Keep only documents whose detected language is LANG (ISO 639-1, e.g. en); the "
        "others, and those of unknown language, are skipped and counted on stderr",
    .check =
        [] {
          return CLI::Validator(CLI::Validator(
              [](std::string& v) {
                bool ok = v.size() >= 2 && v.size() <= 3 &&
                          std::all_of(v.begin(), v.end(),
                                      [](unsigned char c) { return std::isalpha(c); });
                return ok ? std::string()
                          : "a two- or three-letter language code (ISO 639), e.g. en";
              },
              ""));
        },
    .show_default = false};
const FlagDef<std::string> kDeprecatedJsonlInput{
    .names = "--jsonl", .show_default = false, .hidden = true};
const FlagDef<bool> kDeprecatedJsonlSwitch{.names = "--jsonl", .hidden = true};

// brief and cluster: what they read.
const FlagDef<std::vector<std::string>> kStoryInputs{
    .names = "inputs",
    .help =
        "Stories, one JSON object per line: {\"id\", \"articles\": [{\"idx\", \"text\", "
        "\"sentences\", \"outlet\", \"date\", \"url\"}]}; prints one brief per line ('-' "
        "for stdin)",
    .show_default = false};
const FlagDef<std::string> kFaith{
    .names = "--faith",
    .help =
        "Summaries to check, one article per line: {\"article_sentences\", \"summaries\": "
        "[{\"id\", \"summary\"}]}; prints {\"id\", \"score\", \"label\"} per summary",
    .show_default = false};
const FlagDef<std::vector<std::string>> kClusterInputs{
    .names = "inputs",
    .help = "JSON-lines files read as one stream, in the order given ('-' for stdin)",
    .show_default = false};

// extract.
const FlagDef<std::string> kOutputDir{
    .names = "-o,--output-dir",
    .help = "Write one file per input into DIR (created), named after the input, instead of stdout",
    .show_default = false};
const FlagDef<bool> kPrecision{.names = "--precision", .help = "Prefer dropping borderline blocks"};
const FlagDef<bool> kRecall{.names = "--recall", .help = "Prefer keeping borderline blocks"};
const FlagDef<std::string> kBaseUrl{
    .names = "--base-url", .help = "URL of pages saved without one", .show_default = false};
// read.
// An ablation (bench/README.md, ## nlp): what spreading a found name to its other mentions adds.
const FlagDef<bool> kNoPropagate{
    .names = "--no-propagate",
    .help = "Do not spread a name found once to its untagged repeats (for measurement)"};

const FlagDef<bool> kWithAnnotations{
    .names = "--with-annotations",
    .help = "Add sentences, entities, figures, dates, quotes (json, jsonl)"};

// watch.
const FlagDef<std::vector<std::string>> kSources{
    .names = "sources",
    .help =
        "Feed, sitemap (index, news sitemap) or home page URLs to add to the followed "
        "sources (kept in the database)",
    .show_default = false};
const FlagDef<std::vector<std::string>> kSourcesFile{
    .names = "-i,--input-file",
    .help = "File listing one source URL per line; '#' starts a comment",
    .check = [] { return CLI::Validator(CLI::ExistingFile); },
    .show_default = false,
    .one_value_per_use = true};
const FlagDef<bool> kOnce{.names = "--once",
                          .help = "Run one round and exit (for cron or a systemd timer)"};
const FlagDef<bool> kForce{.names = "--force",
                           .help = "Poll every source now, even those not due yet"};
const FlagDef<std::string> kEvery{
    .names = "--every",
    .help = "Start a round this often (90s, 15m, 2h); default: when the next source is due",
    .show_default = false};
const FlagDef<std::string> kContact{
    .names = "--contact",
    .help = "A URL or address site owners can reach you at, sent in the User-Agent",
    .show_default = false};
const FlagDef<size_t> kMaxPages{
    .names = "--max-pages",
    .help = "Article pages fetched per round at most (the rest wait, stored as headlines)",
    .default_value = 2000};
const FlagDef<long> kDelay{.names = "--delay",
                           .help =
                               "Milliseconds between two requests to one host (robots.txt "
                               "Crawl-delay wins when longer)",
                           .default_value = 1000,
                           .check = [] { return CLI::Validator(CLI::Range(0L, 600000L)); }};
const FlagDef<size_t> kHosts{
    .names = "--hosts", .help = "Hosts fetched in parallel", .default_value = 8, .check = [] {
      return CLI::Validator(CLI::Range(1, 256));
    }};
const FlagDef<std::string> kMinInterval{
    .names = "--min-interval", .help = "Shortest poll interval of a source", .default_value = "5m"};
const FlagDef<std::string> kMaxInterval{
    .names = "--max-interval", .help = "Longest poll interval of a source", .default_value = "1d"};

// show. Its list filters are the API's /v1/stories parameters.
const FlagDef<std::string> kShowFormat{
    .names = "--format,--output-format",
    .help = "Output format",
    .default_value = "markdown",
    .check = [] {
      return CLI::Validator(CLI::IsMember({"markdown", "json", "jsonl", "csv"}));
    }};
const FlagDef<std::string> kQuery{
    .names = "--query",
    .help = "Stories with an article matching this search (the syntax of 'search')",
    .show_default = false};
// -q is --quiet in run, watch and recluster; `show -q QUERY` kept for one release.
const FlagDef<std::string> kDeprecatedShowQ{.names = "-q", .show_default = false, .hidden = true};
const FlagDef<std::string> kSince{.names = "--since",
                                  .help = "Stories still covered on or after this date",
                                  .show_default = false};
const FlagDef<std::string> kUntil{
    .names = "--until", .help = "Stories begun on or before this date", .show_default = false};
const FlagDef<std::string> kOutlet{
    .names = "--outlet", .help = "Stories one of whose outlets is this", .show_default = false};
const FlagDef<std::string> kEntity{.names = "--entity",
                                   .help = "Stories with an article naming this entity",
                                   .show_default = false};
const FlagDef<size_t> kShowLimit{.names = "--limit",
                                 .help = "At most this many stories, newest first (0: all)",
                                 .default_value = 0,
                                 .show_default = false};
const FlagDef<std::string> kStory{
    .names = "--story,story",
    .help = "Only the story with this id (an id merged into another story shows the survivor)",
    .show_default = false};
const FlagDef<int> kSinceVersion{
    .names = "--since-version",
    .help = "With a story: also say what changed in its brief since this version",
    .default_value = -1,  // none asked
    .check = [] { return CLI::Validator(CLI::NonNegativeNumber); },
    .show_default = false};

// watchlist.
const FlagDef<std::string> kNewWatchlistName{
    .names = "name",
    .help = "Watchlist name: letters, digits, '.', '_', '-'",
    .show_default = false,
    .required = true};
const FlagDef<std::string> kWatchlistName{
    .names = "name", .help = "Watchlist name", .show_default = false, .required = true};
const FlagDef<std::string> kWatchlistQuery{
    .names = "query",
    .help = "What to watch, e.g. '\"port strike\" outlet:example.com'",
    .show_default = false,
    .required = true};
const FlagDef<std::string> kWebhook{.names = "--webhook",
                                    .help = "POST each event as JSON to this http(s) URL, signed",
                                    .show_default = false};
const FlagDef<size_t> kEventsLimit{
    .names = "--limit", .help = "Events to print", .default_value = 20};

// sources, watchlist list/events.
const FlagDef<std::string> kTableJsonFormat{
    .names = "--format,--output-format",
    .help = "Output format",
    .default_value = "table",
    .check = [] {
      return CLI::Validator(CLI::IsMember({"table", "json"}));
    }};

// sources.
const FlagDef<std::vector<std::string>> kSourceUrls{
    .names = "urls", .help = "Source URLs", .show_default = false};
const FlagDef<std::vector<std::string>> kSourceUrlsFile{
    .names = "-i,--input-file",
    .help = "File listing one URL per line",
    .check = [] { return CLI::Validator(CLI::ExistingFile); },
    .show_default = false,
    .one_value_per_use = true};
const FlagDef<std::vector<std::string>> kSourceUrlsToRemove{
    .names = "urls", .help = "Source URLs", .show_default = false, .required = true};

// run.
const FlagDef<bool> kFollow{
    .names = "--follow",
    .help =
        "Fetch the pages feed and sitemap items link to (politely: robots.txt, one request "
        "per host at a time); without it they are stored as headline articles"};
const FlagDef<std::string> kRunContact{
    .names = "--contact",
    .help = "With --follow: a URL or address site owners can reach you at (User-Agent)",
    .show_default = false};

// process.
const FlagDef<std::string> kProcessOutput{
    .names = "-o,--output",
    .help = "File to write (- for stdout); written as FILE.part and renamed when complete",
    .default_value = "-"};
const FlagDef<std::string> kCompress{
    .names = "--compress",
    .help =
        "Compression of the output: auto (by the file name: .gz gzip, .zst zstd, else none), "
        "none, gzip, zstd",
    .default_value = "auto",
    .check = [] {
      return CLI::Validator(CLI::IsMember({"auto", "none", "gzip", "zstd"}));
    }};
const FlagDef<std::string> kSourceName{
    .names = "--source-name",
    .help =
        "Name standard input (-) by NAME in the provenance records, e.g. the archive whose "
        "bytes are piped in",
    .show_default = false};

// db. Export and import share one file variable, "-" (stdout, stdin) unless given.
const FlagDef<std::string> kExportOutput{
    .names = "-o,--output", .help = "File to write, - for stdout", .default_value = "-"};
const FlagDef<std::string> kImportFile{.names = "file",
                                       .help = "Export file to read, - for stdin",
                                       .show_default = false,
                                       .required = true};

// search.
const FlagDef<std::vector<std::string>> kSearchQuery{
    .names = "query",
    .help = "The search (quote it, or give its words)",
    .show_default = false,
    .required = true};
const FlagDef<size_t> kSearchLimit{
    .names = "--limit", .help = "Articles to print", .default_value = 20};
const FlagDef<std::string> kSort{
    .names = "--sort", .help = "relevance or recent", .default_value = "relevance", .check = [] {
      return CLI::Validator(CLI::IsMember({"relevance", "recent"}));
    }};
const FlagDef<std::string> kSearchFormat{
    .names = "--format,--output-format",
    .help = "Output format",
    .default_value = "table",
    .check = [] {
      return CLI::Validator(CLI::IsMember({"table", "jsonl", "csv"}));
    }};

// serve.
const FlagDef<int> kPort{.names = "--port", .help = "TCP port (0 = any free port)", .check = [] {
                           return CLI::Validator(CLI::Range(0, 65535));
                         }};
const FlagDef<std::string> kBind{
    .names = "--bind", .help = "Address to listen on (anything but loopback exposes the API)"};
const FlagDef<std::vector<std::string>> kCorsOrigin{
    .names = "--cors-origin",
    .help = "Allow cross-origin requests from this origin (repeatable; default: none)",
    .show_default = false};
const FlagDef<size_t> kThreads{.names = "--threads",
                               .help = "Request threads (one per open connection)",
                               .check = [] { return CLI::Validator(CLI::Range(1, 1024)); }};
const FlagDef<size_t> kMaxUploadMb{.names = "--max-upload-mb",
                                   .help = "Largest request body accepted, in MiB",
                                   .default_value = 64,
                                   .check = [] { return CLI::Validator(CLI::Range(1, 4096)); }};
const FlagDef<size_t> kCacheMb{
    .names = "--cache-mb",
    .help = "Memory for rendered responses, dropped when the database changes (0 = off)",
    .default_value = 64,
    .check = [] { return CLI::Validator(CLI::Range(0, 65536)); }};
const FlagDef<bool> kNewToken{.names = "--new-token",
                              .help = "Replace the API token (the new one is printed once)"};
const FlagDef<bool> kAllowPrivateUrls{
    .names = "--allow-private-urls",
    .help =
        "Let POST /v1/ingest?url= fetch from loopback, private and link-local addresses "
        "(refused by default: the server would reach its own network for the caller)"};

// cluster. No defaults here: they are the label-stream preset's (cluster::LabelStreamOptions).
const FlagDef<bool> kExplain{
    .names = "--explain",
    .help =
        "Add why each document joined its story (reason, score, shared terms); turns the "
        "refinement off, so each label is final when printed"};
const FlagDef<std::string> kDayOrder{
    .names = "--day-order",
    .help =
        "With --refine-passes: the order in which a day's headline-only documents are "
        "clustered: longest-first (the labels then do not depend on the order of a day's "
        "lines) or file",
    .default_value = "longest-first",
    .check = [] {
      return CLI::Validator(CLI::IsMember({"longest-first", "file"}));
    }};
const FlagDef<double> kThreshold{.names = "--threshold",
                                 .help = "Cosine to join a story, documents with a body"};
const FlagDef<double> kHeadlineThreshold{.names = "--headline-threshold",
                                         .help = "Cosine to join a story, headline-only documents"};
const FlagDef<double> kHeadlineSizePrior{
    .names = "--headline-size-prior",
    .help = "Weight of a story's size when a headline-only document joins it"};
const FlagDef<double> kSizePrior{
    .names = "--size-prior",
    .help = "Weight of a story's size when a document with a body joins it"};
const FlagDef<double> kLinkage{.names = "--linkage",
                               .help =
                                   "Story score normalisation, documents with a body: 1 "
                                   "centroid cosine, 0 mean cosine to the members",
                               .check = [] { return CLI::Validator(CLI::Range(0.0, 1.0)); }};
const FlagDef<double> kHeadlineLinkage{
    .names = "--headline-linkage", .help = "The same for headline-only documents", .check = [] {
      return CLI::Validator(CLI::Range(0.0, 1.0));
    }};
const FlagDef<int> kRefinePasses{
    .names = "--refine-passes",
    .help =
        "Reassign a closing window's documents to their best story this many times before "
        "printing (labels then wait for the window to close; --explain is left out; 0: each "
        "label is final when its line is read)",
    .check = [] { return CLI::Validator(CLI::Range(0, 10)); }};
const FlagDef<double> kRefineMerge{
    .names = "--refine-merge",
    .help =
        "With --refine-passes: merge a closing story into a bigger one when its centroid "
        "scores this with it, stories opened by a document with a body (0: off)",
    .check = [] { return CLI::Validator(CLI::NonNegativeNumber); }};
const FlagDef<double> kHeadlineRefineMerge{
    .names = "--headline-refine-merge",
    .help = "The same for stories opened by a headline-only document",
    .check = [] { return CLI::Validator(CLI::NonNegativeNumber); }};
const FlagDef<double> kHeadlineRefineLink{
    .names = "--headline-refine-link",
    .help =
        "With --refine-passes: after the passes, link closing headline stories whose "
        "centroids have at least this cosine, unless both are bigger than "
        "--refine-link-max-smaller (0: off)",
    .check = [] { return CLI::Validator(CLI::NonNegativeNumber); }};
const FlagDef<size_t> kRefineLinkMaxSmaller{
    .names = "--refine-link-max-smaller",
    .help = "Articles above which two stories are both too big to link"};
const FlagDef<double> kMemberGate{
    .names = "--member-gate",
    .help =
        "A document with a body joins a story only if some member's cosine with it reaches "
        "this (0: off)",
    .check = [] { return CLI::Validator(CLI::Range(0.0, 1.0)); }};
const FlagDef<double> kHeadlineMemberGate{
    .names = "--headline-member-gate", .help = "The same for headline-only documents", .check = [] {
      return CLI::Validator(CLI::Range(0.0, 1.0));
    }};
const FlagDef<double> kDailyDecay{.names = "--daily-decay",
                                  .help = "Score factor per day since a story last grew"};
const FlagDef<double> kWindowDays{
    .names = "--window-days",
    .help =
        "A story closes when its newest document is this many days old (0: same "
        "publication day only)",
    .check = [] { return CLI::Validator(CLI::NonNegativeNumber); }};
const FlagDef<double> kHeadlineWindowDays{
    .names = "--headline-window-days",
    .help = "The same for stories opened by a headline-only document",
    .check = [] { return CLI::Validator(CLI::NonNegativeNumber); }};

}  // namespace wirebrief::cli

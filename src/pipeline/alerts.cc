// Watchlists: matching changed stories against standing queries, and delivering what they
// report to webhooks (alerts.h has the contract).
//
// The text part of a query is matched here, in memory, against the member articles of the
// stories an update changed, rather than by asking the store's full-text index once per
// watchlist: an update already holds those articles (it has just briefed them), the same code
// then serves SQLite and PostgreSQL, and a round's cost follows the stories it touched times the
// watchlists, not the store (bench/README.md ## watchlists).
#include "pipeline/alerts.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "core/text.h"
#include "ingest/fetch.h"
#include "pipeline/watch.h"
#include "store/search_query.h"

namespace wirebrief::pipeline {
namespace {

using json = nlohmann::json;

bool IsTokenByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Words as the story search's index (SQLite FTS5 unicode61) splits them, ASCII case folded.
// Not folded, unlike unicode61: case outside ASCII and diacritics, so "Señal" needs "señal".
template <typename F>
void ForEachWord(std::string_view text, F&& f) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsTokenByte(static_cast<unsigned char>(text[i]))) ++i;
    size_t b = i;
    while (i < text.size() && IsTokenByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i > b) f(core::AsciiLower(text.substr(b, i - b)));
  }
}

// Positions of each word of one article (title, then text).
struct WordIndex {
  std::unordered_map<std::string, std::vector<uint32_t>> at;
  explicit WordIndex(const core::Article& a) {
    uint32_t n = 0;
    auto add = [&](std::string w) { at[std::move(w)].push_back(n++); };
    ForEachWord(a.title, add);
    ++n;  // no phrase runs from the title into the text
    ForEachWord(a.text, add);
  }
};

struct Node {
  enum Kind { kPhrase, kAnd, kOr, kNot } kind = kPhrase;
  std::vector<std::string> words;  // kPhrase
  bool prefix = false;             // kPhrase: the last word is a prefix
  std::unique_ptr<Node> a, b;      // kAnd, kOr, kNot (a and not b)
};

bool PhraseIn(const Node& n, const WordIndex& idx) {
  if (n.words.empty()) return false;
  if (n.words.size() == 1 && !n.prefix) return idx.at.count(n.words[0]) > 0;  // most terms
  auto positions = [&](size_t k) -> std::vector<uint32_t> {
    const std::string& w = n.words[k];
    if (n.prefix && k + 1 == n.words.size()) {
      std::vector<uint32_t> out;
      for (const auto& [word, at] : idx.at)
        if (word.compare(0, w.size(), w) == 0) out.insert(out.end(), at.begin(), at.end());
      std::sort(out.begin(), out.end());
      return out;
    }
    auto it = idx.at.find(w);
    return it == idx.at.end() ? std::vector<uint32_t>() : it->second;
  };
  std::vector<uint32_t> starts = positions(0);
  for (size_t k = 1; k < n.words.size() && !starts.empty(); ++k) {
    std::vector<uint32_t> next = positions(k);
    std::vector<uint32_t> kept;
    for (uint32_t s : starts)
      if (std::binary_search(next.begin(), next.end(), s + static_cast<uint32_t>(k)))
        kept.push_back(s);
    starts = std::move(kept);
  }
  return !starts.empty();
}

bool Eval(const Node& n, const WordIndex& idx) {
  switch (n.kind) {
    case Node::kPhrase:
      return PhraseIn(n, idx);
    case Node::kAnd:
      return Eval(*n.a, idx) && Eval(*n.b, idx);
    case Node::kOr:
      return Eval(*n.a, idx) || Eval(*n.b, idx);
    case Node::kNot:
      return Eval(*n.a, idx) && !Eval(*n.b, idx);
  }
  return false;
}

// The FTS5 expression ParseSearchQuery writes: quoted literals with an optional " *",
// parentheses, AND, OR, NOT. NOT binds tightest, then AND, then OR, as in FTS5.
class ExpressionParser {
 public:
  explicit ExpressionParser(std::string_view s) : s_(s) {}
  core::Result<std::unique_ptr<Node>> Parse() {
    auto n = Or(0);
    if (!n.ok()) return n.status();
    Skip();
    if (i_ != s_.size()) return Bad("unexpected text");
    return n;
  }

 private:
  using R = core::Result<std::unique_ptr<Node>>;
  void Skip() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }
  bool Keyword(std::string_view w) {
    Skip();
    if (s_.substr(i_, w.size()) != w) return false;
    size_t next = i_ + w.size();
    if (next < s_.size() && s_[next] != ' ' && s_[next] != '(' && s_[next] != '"') return false;
    i_ = next;
    return true;
  }
  core::Status Bad(const std::string& why) const {
    return core::Status::InvalidArgument("query", why + " at byte " + std::to_string(i_) +
                                                      " of the search expression");
  }
  static std::unique_ptr<Node> Join(Node::Kind k, std::unique_ptr<Node> a, std::unique_ptr<Node> b) {
    auto n = std::make_unique<Node>();
    n->kind = k;
    n->a = std::move(a);
    n->b = std::move(b);
    return n;
  }
  R Or(int depth) {
    auto a = And(depth);
    if (!a.ok()) return a;
    std::unique_ptr<Node> n = std::move(a).value();
    while (Keyword("OR")) {
      auto b = And(depth);
      if (!b.ok()) return b;
      n = Join(Node::kOr, std::move(n), std::move(b).value());
    }
    return n;
  }
  R And(int depth) {
    auto a = Not(depth);
    if (!a.ok()) return a;
    std::unique_ptr<Node> n = std::move(a).value();
    while (Keyword("AND")) {
      auto b = Not(depth);
      if (!b.ok()) return b;
      n = Join(Node::kAnd, std::move(n), std::move(b).value());
    }
    return n;
  }
  R Not(int depth) {
    auto a = Primary(depth);
    if (!a.ok()) return a;
    std::unique_ptr<Node> n = std::move(a).value();
    while (Keyword("NOT")) {
      auto b = Primary(depth);
      if (!b.ok()) return b;
      n = Join(Node::kNot, std::move(n), std::move(b).value());
    }
    return n;
  }
  R Primary(int depth) {
    Skip();
    if (i_ >= s_.size()) return Bad("a term is missing");
    if (s_[i_] == '(') {
      if (depth >= store::kMaxExpressionDepth)
        return core::Status::LimitExceeded("query", "", "search expression nested too deep");
      ++i_;
      auto n = Or(depth + 1);
      if (!n.ok()) return n;
      Skip();
      if (i_ >= s_.size() || s_[i_] != ')') return Bad("'(' never closed");
      ++i_;
      return n;
    }
    if (s_[i_] != '"') return Bad("unquoted term");
    std::string text;
    size_t j = i_ + 1;
    for (;; ++j) {
      if (j >= s_.size()) return Bad("unterminated quote");
      if (s_[j] == '"') {
        if (j + 1 < s_.size() && s_[j + 1] == '"') {
          text += '"';
          ++j;
          continue;
        }
        break;
      }
      text += s_[j];
    }
    i_ = j + 1;
    auto n = std::make_unique<Node>();
    ForEachWord(text, [&](std::string w) { n->words.push_back(std::move(w)); });
    size_t k = i_;
    while (k < s_.size() && s_[k] == ' ') ++k;
    if (k < s_.size() && s_[k] == '*') {
      n->prefix = true;
      i_ = k + 1;
    }
    return n;
  }
  std::string_view s_;
  size_t i_ = 0;
};

// Splits the words of a query as ParseSearchQuery does (spaces; "a phrase"; op:"a value"), so
// the operators only watchlists know can be taken out before it sees the rest.
std::vector<std::string> QueryWords(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) <= ' ') {
      ++i;
      continue;
    }
    size_t b = i;
    size_t quote = text.find('"', i);
    size_t space = i;
    while (space < text.size() && static_cast<unsigned char>(text[space]) > ' ') ++space;
    if (quote != std::string_view::npos && quote < space) {
      size_t close = text.find('"', quote + 1);
      i = close == std::string_view::npos ? text.size() : close + 1;
      while (i < text.size() && static_cast<unsigned char>(text[i]) > ' ') ++i;
    } else {
      i = space;
    }
    out.emplace_back(text.substr(b, i - b));
  }
  return out;
}

std::string Unquote(std::string_view v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return std::string(v.substr(1, v.size() - 2));
  if (!v.empty() && v.front() == '"') return std::string(v.substr(1));
  return std::string(v);
}

bool IsSourceLine(const core::BriefLine& l) { return l.section == core::BriefSection::kSource; }

std::string LineKey(const core::BriefLine& l) {
  return std::to_string(static_cast<int>(l.section)) + '\x1f' + l.label + '\x1f' + l.text;
}

std::string Hex(const unsigned char* p, size_t n) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += kDigits[p[i] >> 4];
    out += kDigits[p[i] & 15];
  }
  return out;
}

}  // namespace

class WatchlistMatcher::MemberWords {
 public:
  explicit MemberWords(const std::vector<const core::Article*>& members)
      : members_(members), index_(members.size()) {}
  const WordIndex& Of(size_t i) {
    if (!index_[i]) index_[i] = std::make_unique<WordIndex>(*members_[i]);
    return *index_[i];
  }

 private:
  const std::vector<const core::Article*>& members_;
  std::vector<std::unique_ptr<WordIndex>> index_;
};

struct WatchlistMatcher::Query {
  std::unique_ptr<Node> text;  // null: no text terms
  std::string outlet, language, since, until, entity;
  int conflict = -1;  // -1 any, 1 flagged figures, 0 none
};

WatchlistMatcher::WatchlistMatcher() : q_(std::make_unique<Query>()) {}
WatchlistMatcher::~WatchlistMatcher() = default;
WatchlistMatcher::WatchlistMatcher(WatchlistMatcher&&) noexcept = default;
WatchlistMatcher& WatchlistMatcher::operator=(WatchlistMatcher&&) noexcept = default;

core::Status ValidateWatchlistName(const std::string& name) {
  if (name.empty() || name.size() > 64)
    return core::Status::InvalidArgument("watchlist", "a name has 1 to 64 characters");
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '.' || c == '_' || c == '-'))
      return core::Status::InvalidArgument(
          "watchlist", "name \"" + name + "\": only letters, digits, '.', '_' and '-'");
  return core::Status::Ok();
}

core::Result<WatchlistMatcher> WatchlistMatcher::Compile(const std::string& query) {
  if (query.size() > store::kMaxQueryBytes)
    return core::Status::LimitExceeded(
        "query", "", "longer than " + std::to_string(store::kMaxQueryBytes) + " bytes");
  WatchlistMatcher m;
  Query& q = *m.q_;
  std::string rest;
  for (const std::string& w : QueryWords(query)) {
    size_t colon = w.find(':');
    std::string op = colon == std::string::npos ? "" : core::AsciiLower(w.substr(0, colon));
    if (op == "entity") {
      q.entity = core::AsciiLower(Unquote(std::string_view(w).substr(colon + 1)));
      if (q.entity.empty())
        return core::Status::InvalidArgument("query", "entity: needs a name (entity:\"Ada Lind\")");
      continue;
    }
    if (op == "conflict") {
      std::string v = core::AsciiLower(Unquote(std::string_view(w).substr(colon + 1)));
      if (v == "yes" || v == "true" || v == "1") {
        q.conflict = 1;
      } else if (v == "no" || v == "false" || v == "0") {
        q.conflict = 0;
      } else {
        return core::Status::InvalidArgument("query", "conflict: wants yes or no, not \"" + v + "\"");
      }
      continue;
    }
    rest += (rest.empty() ? "" : " ") + w;
  }
  auto parsed = store::ParseSearchQuery(rest);
  if (!parsed.ok()) return parsed.status();
  q.outlet = core::AsciiLower(parsed->outlet);
  q.language = core::AsciiLower(parsed->language);
  q.since = parsed->since;
  q.until = parsed->until;
  if (!parsed->match.empty()) {
    auto tree = ExpressionParser(parsed->match).Parse();
    if (!tree.ok()) return tree.status();
    q.text = std::move(tree).value();
  }
  if (!q.text && q.outlet.empty() && q.language.empty() && q.since.empty() && q.until.empty() &&
      q.entity.empty() && q.conflict < 0)
    return core::Status::InvalidArgument("query", "a watchlist needs a term or an operator");
  return m;
}

bool WatchlistMatcher::Matches(const core::Story& story, const core::Brief& brief,
                               const std::vector<const core::Article*>& members) const {
  MemberWords words(members);
  return Matches(story, brief, members, &words);
}

bool WatchlistMatcher::Matches(const core::Story& story, const core::Brief& brief,
                               const std::vector<const core::Article*>& members,
                               MemberWords* words) const {
  const Query& q = *q_;
  if (!q.since.empty() && story.last_published.substr(0, 10) < q.since) return false;
  if (!q.until.empty() && !story.first_published.empty() &&
      story.first_published.substr(0, 10) > q.until)
    return false;
  if (q.conflict >= 0) {
    bool flagged = std::any_of(brief.lines.begin(), brief.lines.end(),
                               [](const core::BriefLine& l) { return l.conflict; });
    if (flagged != (q.conflict == 1)) return false;
  }
  if (!q.outlet.empty()) {
    bool found =
        std::any_of(story.outlets.begin(), story.outlets.end(),
                    [&](const std::string& o) { return core::AsciiLower(o) == q.outlet; }) ||
        std::any_of(members.begin(), members.end(),
                    [&](const core::Article* a) { return core::AsciiLower(a->host) == q.outlet; });
    if (!found) return false;
  }
  if (!q.language.empty()) {
    bool found = std::any_of(members.begin(), members.end(), [&](const core::Article* a) {
      std::string l = core::AsciiLower(a->language);
      return l == q.language ||
             (l.size() > q.language.size() && l.compare(0, q.language.size(), q.language) == 0 &&
              l[q.language.size()] == '-');
    });
    if (!found) return false;
  }
  if (!q.entity.empty()) {
    bool found = std::any_of(members.begin(), members.end(), [&](const core::Article* a) {
      for (const auto& m : a->annotations.mentions)
        if (core::AsciiLower(m.name) == q.entity) return true;
      for (const auto& c : a->annotations.countries)
        if (core::AsciiLower(c.code) == q.entity) return true;
      return false;
    });
    if (!found) return false;
  }
  if (q.text) {
    bool found = false;
    for (size_t i = 0; i < members.size() && !found; ++i) found = Eval(*q.text, words->Of(i));
    if (!found) return false;
  }
  return true;
}

core::Result<std::vector<CompiledWatchlist>> LoadWatchlists(store::Store* store,
                                                            std::vector<std::string>* warnings) {
  std::vector<CompiledWatchlist> out;
  auto listed = store->ListWatchlists();
  if (!listed.ok()) {
    if (listed.status().code() == core::StatusCode::kUnsupported) return out;
    return listed.status();
  }
  for (auto& w : listed.value()) {
    auto m = WatchlistMatcher::Compile(w.query);
    if (!m.ok()) {
      if (warnings)
        warnings->push_back("watchlist " + w.name + " is left out: " + m.status().ToString());
      continue;
    }
    out.push_back({std::move(w), std::move(m).value()});
  }
  return out;
}

std::vector<store::AlertEvent> EvaluateWatchlists(const std::vector<CompiledWatchlist>& watchlists,
                                                  const StoryChange& change,
                                                  const std::string& now) {
  std::vector<store::AlertEvent> out;
  if (watchlists.empty() || !change.now) return out;
  const core::Story& story = change.now->story;
  const core::Brief& brief = change.now->brief;
  std::set<std::string> before;
  for (const auto& l : change.old_lines) before.insert(LineKey(l));
  std::vector<core::BriefLine> lines;
  for (const auto& l : brief.lines)
    if (!IsSourceLine(l) && !before.count(LineKey(l))) lines.push_back(l);
  std::vector<std::string> outlets;
  for (const auto& o : story.outlets)
    if (std::find(change.old_outlets.begin(), change.old_outlets.end(), o) ==
        change.old_outlets.end())
      outlets.push_back(o);
  std::string kind;
  if (change.is_new) {
    kind = "new";
  } else if (story.independent_outlets > change.old_independent_outlets) {
    kind = "grew";
  } else if (!lines.empty() && !change.only_copies) {
    kind = "revised";
  } else {
    return out;  // a reprint, or the same facts again: nothing a reader needs to hear
  }
  WatchlistMatcher::MemberWords words(change.members);
  for (const CompiledWatchlist& w : watchlists) {
    if (!w.matcher.Matches(story, brief, change.members, &words)) continue;
    store::AlertEvent e;
    e.watchlist = w.record.name;
    e.story_id = story.id;
    e.kind = kind;
    e.at = now;
    e.brief_version = brief.version;
    e.headline = brief.headline.empty() ? story.title : brief.headline;
    e.lines = lines;
    e.new_outlets = outlets;
    e.independent_outlets = story.independent_outlets;
    out.push_back(std::move(e));
  }
  return out;
}

std::string AlertEventJson(const store::AlertEvent& e) {
  json lines = json::array();
  for (const auto& l : e.lines) {
    json cites = json::array();
    for (const auto& c : l.citations)
      cites.push_back({{"article_id", c.article_id}, {"start", c.span.begin}, {"end", c.span.end}});
    lines.push_back({{"section", core::BriefSectionName(l.section)},
                     {"label", l.label},
                     {"text", l.text},
                     {"conflict", l.conflict},
                     {"citations", cites}});
  }
  json j = {{"id", e.id},
            {"watchlist", e.watchlist},
            {"story_id", e.story_id},
            {"kind", e.kind},
            {"at", e.at},
            {"brief_version", e.brief_version},
            {"headline", e.headline},
            {"independent_outlets", e.independent_outlets},
            {"new_outlets", e.new_outlets},
            {"lines", lines}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string WebhookSignature(const std::string& secret, const std::string& body) {
  core::Sha256Digest mac = core::HmacSha256(secret, body);
  return "sha256=" + Hex(mac.data(), mac.size());
}

std::string NewWatchlistSecret() {
  unsigned char bytes[32];
  if (!core::RandomBytes(bytes, sizeof bytes)) {
    // No entropy from the kernel: fall back to the clock and address, still unguessable enough
    // to tell a forged POST from ours only with the store in hand.
    std::string seed = std::to_string(std::time(nullptr)) + std::to_string(reinterpret_cast<uintptr_t>(&bytes));
    return WebhookSignature(seed, "wirebrief").substr(7);
  }
  return Hex(bytes, sizeof bytes);
}

core::Result<DeliverySummary> DeliverWebhooks(store::Store* store, const DeliveryOptions& options,
                                              std::time_t now) {
  DeliverySummary sum;
  auto due = store->LoadDeliveriesDue(IsoUtc(now), options.max_per_call);
  if (!due.ok()) {
    if (due.status().code() == core::StatusCode::kUnsupported) return sum;
    return due.status();
  }
  std::unordered_map<std::string, std::string> secrets;  // by watchlist
  for (store::WebhookDelivery& d : due.value()) {
    auto event = store->LoadAlertEvent(d.event_id);
    std::string secret;
    if (auto it = secrets.find(d.watchlist); it != secrets.end()) {
      secret = it->second;
    } else if (auto w = store->LoadWatchlist(d.watchlist); w.ok()) {
      secret = secrets[d.watchlist] = w->secret;
    }
    ++d.attempts;
    d.last_attempt = IsoUtc(now);
    core::Status error;
    if (!event.ok()) {
      error = event.status();
      d.attempts = std::max(d.attempts, options.max_attempts);  // nothing to send, ever
    } else {
      const std::string body = AlertEventJson(event.value());
      std::vector<std::string> headers = {
          "Content-Type: application/json",
          "X-Wirebrief-Event: " + std::to_string(d.event_id),
          "X-Wirebrief-Signature: " + WebhookSignature(secret, body)};
      auto status = ingest::PostBody(d.url, body, headers, options.timeout_ms);
      if (status.ok()) {
        d.last_status = static_cast<int>(status.value());
        if (d.last_status >= 200 && d.last_status < 300) {
          d.state = "delivered";
          d.next_attempt.clear();
          d.last_error.clear();
          ++sum.delivered;
          WB_RETURN_IF_ERROR(store->PutDelivery(d));
          continue;
        }
        error = core::Status::IOError(d.url, "webhook answered HTTP " + std::to_string(d.last_status));
      } else {
        d.last_status = 0;
        error = status.status();
      }
    }
    d.last_error = error.ToString();
    sum.errors.push_back(error);
    if (d.attempts >= options.max_attempts) {
      d.state = "failed";
      d.next_attempt.clear();
      ++sum.failed;
    } else {
      double wait = options.first_retry_seconds * std::pow(2.0, d.attempts - 1);
      d.next_attempt = IsoUtc(now + static_cast<std::time_t>(wait));
      ++sum.retrying;
    }
    WB_RETURN_IF_ERROR(store->PutDelivery(d));
  }
  return sum;
}

}  // namespace wirebrief::pipeline

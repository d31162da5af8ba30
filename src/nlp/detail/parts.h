// The reader's parts, each a pass over one tokenised document. read.cc runs them in order:
// tokens -> sentences -> names -> roles/countries -> figures -> dates -> quotes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/model.h"
#include "nlp/detail/tagger.h"

namespace wirebrief::nlp::detail {

struct Doc {
  std::string_view text;
  TagInput tag;                           // tokens, sentences and per-token facts
  std::vector<uint8_t> labels;            // name-tagger labels, one per token
  std::optional<core::CivilDate> anchor;  // publication date
  // The article's language (BCP-47, e.g. "de", "pt-BR"): picks the date grammar and the number
  // format. "" = unknown, read as English (as before languages); unsupported codes read as English.
  std::string_view language;
  const NerModel* model = nullptr;
  std::vector<uint32_t> sentence_of;  // token index -> sentence index

  std::string_view Span(uint32_t b, uint32_t e) const { return text.substr(b, e - b); }
  const Token& tok(size_t i) const { return tag.tokens[i]; }
  const std::string& low(size_t i) const { return tag.lower[i]; }
  size_t size() const { return tag.tokens.size(); }
};

// Corrects tagger labels with rules the lists make safe: a capitalised run ending in an
// organisation word ("Central Statistics Office") is an organisation; a name after a title
// ("Finance Minister Kara Ostrow") is a person; a name found once names its repeats (unless
// !propagate_names). The rules and their order: name_rules.h.
void ApplyNameRules(Doc* doc, bool propagate_names);
// Mentions from the tagger's labels, with short forms named after the entity's fullest form.
// Titles the tagger put inside a person's name ("Finance Minister Kara Ostrow") are relabelled
// outside it, where ReadRoles finds them.
std::vector<core::Mention> BuildMentions(Doc* doc);
void ReadRoles(const Doc& doc, std::vector<core::Mention>* mentions,
               std::vector<core::Role>* roles);
void ReadCountries(const Doc& doc, std::vector<core::CountryMention>* out);
void ReadFigures(const Doc& doc, std::vector<core::Figure>* out,
                 std::vector<core::FigureDetail>* details);
void ReadDates(const Doc& doc, std::vector<core::DateMention>* out);
void ReadQuotes(const Doc& doc, const std::vector<core::Mention>& mentions,
                const std::vector<core::Role>& roles, std::vector<core::Quote>* out,
                std::vector<core::QuoteDetail>* details);

// Index of the mention whose span contains byte `b`, or -1.
int MentionAt(const std::vector<core::Mention>& mentions, uint32_t b);

}  // namespace wirebrief::nlp::detail

// A source sentence as the brief builder sees it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace wirebrief::brief::detail {

struct Candidate {
  size_t art = 0;                     // index into the builder's articles (earliest first)
  core::CharSpan span;                // the whole line's text
  std::vector<core::CharSpan> parts;  // the sentences it spans, when more than one
  size_t pos = 0;                     // index among the article's sentences, 0 = first
  size_t epos = 0;                    // index among the article's sentences that can stand alone
  std::string_view text;
  size_t words = 0;
  std::vector<int> terms;  // distinct stemmed content-term ids
  // Distinct adjacent term-id pairs as dense ids, in the order of their (first, second) keys;
  // while candidates are collected, their keys' range in the builder's key list.
  std::vector<int> pair_ids;
  struct {
    uint32_t begin = 0, end = 0;
  } pair_keys;
  bool prose = false;  // can stand alone as a brief line
  // Computed once per sentence rather than per comparison (set for prose candidates only):
  std::vector<std::string_view> dates;  // resolved day-precision dates mentioned in it
  bool future = false;                  // about events after publication
  // Places something after publication: a date after it, a plan or schedule stated, or "will"
  // with a dated kind of event (What's next). A bare "will" is future but not scheduled.
  bool scheduled = false;
  bool consequence = false;             // states stakes, precedent or history (Why it matters)
  double position_factor = 1, quality = 1, length_norm = 1;
  double salience = 0;
  bool used = false;
  // A sentence it spans is cited by a line already (its own or as corroboration), or its text
  // is a line's: it cannot become a line of its own (one fact, one line).
  bool blocked = false;
  size_t repeat_of = SIZE_MAX;        // an earlier candidate saying the same thing
  std::vector<size_t> corroboration;  // later candidates from independent sources repeating this
};

}  // namespace wirebrief::brief::detail

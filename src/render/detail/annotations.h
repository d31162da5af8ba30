// The annotation fields of an article, written once for both JSON forms of the model: the
// public one (`extract --with-annotations`, `read`, the API) and the stored one (the store's
// extras column and `db export`). Both forms are frozen by outputs that readers and old
// databases depend on, so the differences below are contracts, not accidents.
#pragma once

#include <nlohmann/json.hpp>

#include "core/model.h"

namespace wirebrief::render::detail {

enum class AnnotationForm {
  // Spans as "char_start"/"char_end" members; a mention's role and a figure's value_max only
  // when set; no quote speaker span.
  kPublic,
  // Spans as "span": [begin, end]; every member always written (the reader defaults nothing
  // it was given); the quote's speaker span kept so a load restores the model whole.
  kStored,
};

// Sets roles, countries, sentences, entities, figures, dates and quotes on `*j`, and
// "language_not_read" (both forms) when the reader skipped the text's language.
void PutAnnotations(const core::Annotations& annotations, AnnotationForm form, nlohmann::json* j);

}  // namespace wirebrief::render::detail

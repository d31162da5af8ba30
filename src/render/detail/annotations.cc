#include "render/detail/annotations.h"

namespace wirebrief::render::detail {
namespace {

using json = nlohmann::json;

// A JSON object holding `span` in the form's shape.
json SpanObject(core::CharSpan s, AnnotationForm form) {
  if (form == AnnotationForm::kStored) return {{"span", json::array({s.begin, s.end})}};
  return {{"char_start", s.begin}, {"char_end", s.end}};
}

json Sentences(const core::Annotations& an, AnnotationForm form) {
  json out = json::array();
  for (const auto& x : an.sentences)
    out.push_back(form == AnnotationForm::kStored ? json::array({x.span.begin, x.span.end})
                                                  : SpanObject(x.span, form));
  return out;
}

json Entities(const core::Annotations& an, AnnotationForm form) {
  json out = json::array();
  for (const auto& x : an.mentions) {
    json m = SpanObject(x.span, form);
    m["name"] = x.name;
    m["type"] = core::EntityTypeName(x.type);
    if (form == AnnotationForm::kStored || !x.role.empty()) m["role"] = x.role;
    out.push_back(std::move(m));
  }
  return out;
}

json Figures(const core::Annotations& an, AnnotationForm form) {
  json out = json::array();
  for (size_t i = 0; i < an.figures.size(); ++i) {
    const auto& x = an.figures[i];
    json m = SpanObject(x.span, form);
    m["value"] = x.value;
    m["unit"] = x.unit;
    m["text"] = x.text;
    if (i < an.figure_details.size()) {
      const auto& d = an.figure_details[i];
      m["counted"] = d.counted;
      if (form == AnnotationForm::kStored || d.value_max > 0) m["value_max"] = d.value_max;
      m["approximate"] = d.approximate;
    }
    out.push_back(std::move(m));
  }
  return out;
}

json Dates(const core::Annotations& an, AnnotationForm form) {
  json out = json::array();
  for (const auto& x : an.dates) {
    json m = SpanObject(x.span, form);
    m["text"] = x.text;
    m["value"] = x.value;
    out.push_back(std::move(m));
  }
  return out;
}

json Quotes(const core::Annotations& an, AnnotationForm form) {
  json out = json::array();
  for (size_t i = 0; i < an.quotes.size(); ++i) {
    json m = SpanObject(an.quotes[i].span, form);
    m["speaker"] = an.quotes[i].speaker;
    if (i < an.quote_details.size()) {
      m["verb"] = an.quote_details[i].verb;
      if (form == AnnotationForm::kStored)
        m["speaker_span"] =
            json::array({an.quote_details[i].speaker.begin, an.quote_details[i].speaker.end});
    }
    out.push_back(std::move(m));
  }
  return out;
}

json Roles(const core::Annotations& an, AnnotationForm form) {
  json out = json::array();
  for (const auto& r : an.roles) {
    json m = SpanObject(r.span, form);
    m["person"] = r.person;
    m["role"] = r.role;
    m["affiliation"] = r.affiliation;
    out.push_back(std::move(m));
  }
  return out;
}

json Countries(const core::Annotations& an, AnnotationForm form) {
  json out = json::array();
  for (const auto& c : an.countries) {
    json m = SpanObject(c.span, form);
    m["code"] = c.code;
    m["via"] = c.via;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

void PutAnnotations(const core::Annotations& an, AnnotationForm form, json* j) {
  (*j)["roles"] = Roles(an, form);
  (*j)["countries"] = Countries(an, form);
  (*j)["sentences"] = Sentences(an, form);
  (*j)["entities"] = Entities(an, form);
  (*j)["figures"] = Figures(an, form);
  (*j)["dates"] = Dates(an, form);
  (*j)["quotes"] = Quotes(an, form);
  // Only when set, so the outputs of read texts stay as they were.
  if (!an.language_not_read.empty()) (*j)["language_not_read"] = an.language_not_read;
}

}  // namespace wirebrief::render::detail

// The module wirebrief-cld2.so: CLD2 behind a C-typed entry (language_module.h).
#include <cstdio>  // before CLD2's header, which uses FILE without including it

// clang-format off
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
// clang-format on

#include "extract/detail/language_module.h"

namespace {

void Detect(const char* text, int length, const char* hint,
            wirebrief::extract::detail::Cld2Verdict* out) {
  CLD2::CLDHints hints = {hint, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text, length, /*is_plain_text=*/true, &hints, 0, language3, percent3, scores3, nullptr,
      &text_bytes, &reliable, &valid_prefix);
  out->code = CLD2::LanguageCode(lang);
  out->percent = percent3[0];
  out->text_bytes = text_bytes;
  out->reliable = reliable;
}

}  // namespace

extern "C" const wirebrief::extract::detail::LanguageModuleApi* wirebrief_cld2_module() {
  static const wirebrief::extract::detail::LanguageModuleApi api{
      wirebrief::extract::detail::kLanguageModuleAbi, &Detect};
  return &api;
}

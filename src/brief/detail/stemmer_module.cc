// The module wirebrief-stemmer.so: libstemmer's functions behind the entry of stemmer_module.h.
#include "brief/detail/stemmer_module.h"

extern "C" const wirebrief::brief::detail::StemmerModuleApi* wirebrief_stemmer_module() {
  static const wirebrief::brief::detail::StemmerModuleApi api{
      wirebrief::brief::detail::kStemmerModuleAbi, &sb_stemmer_new, &sb_stemmer_delete,
      &sb_stemmer_stem, &sb_stemmer_length};
  return &api;
}

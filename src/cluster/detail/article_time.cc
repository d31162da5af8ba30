#include "cluster/detail/article_time.h"

#include <cctype>

#include "core/date.h"

namespace wirebrief::cluster::detail {

std::optional<double> TimeOf(const core::Article& a) {
  const std::string& s = !a.date_published.empty() ? a.date_published : a.date_crawled;
  auto d = core::ParseIsoDate(s);
  if (!d) return std::nullopt;
  double t = static_cast<double>(core::DaysFromCivil(*d));
  auto two = [&](size_t i) {
    return i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) &&
                   std::isdigit(static_cast<unsigned char>(s[i + 1]))
               ? (s[i] - '0') * 10 + (s[i + 1] - '0')
               : -1;
  };
  if (s.size() < 16 || s[10] != 'T' || s[13] != ':') return t;
  int hh = two(11), mm = two(14);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return t;
  t += (hh * 60 + mm) / 1440.0;
  size_t z = s.find_first_of("+-", 16);
  if (z != std::string::npos && s.size() >= z + 6 && s[z + 3] == ':') {
    int oh = two(z + 1), om = two(z + 4);
    if (oh >= 0 && oh <= 14 && om >= 0 && om <= 59)
      t -= (s[z] == '+' ? 1 : -1) * (oh * 60 + om) / 1440.0;
  }
  return t;
}

bool HeadlineOnly(const core::Article& a, size_t short_words) {
  size_t body_words = 0;
  for (size_t i = 0; i < a.text.size() && body_words < short_words; ++i)
    body_words += (a.text[i] == ' ' || a.text[i] == '\n') && i > 0 && a.text[i - 1] != ' ' &&
                  a.text[i - 1] != '\n';
  return body_words < short_words;
}

}  // namespace wirebrief::cluster::detail

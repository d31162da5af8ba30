// Dates and figures in Chinese (issue 27): "2026年11月4日", "11月4日", "上周二", "两周前",
// "去年", "28500名士兵", "1.2亿元", "30%". The tokenizer keeps a run of Han characters and digits
// as one token (Chinese has no spaces), so these read the sentence's text character by character
// instead of its tokens. The counted noun after a classifier ("名士兵") is the first word of ICU's
// dictionary-based Chinese word break, the packaged segmenter made for this; the calendar and
// number words are typed from the author's knowledge of the language.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

#include "nlp/detail/date_values.h"
#include "nlp/detail/parts.h"

namespace wirebrief::nlp::detail {
namespace {

bool At(std::string_view t, size_t p, std::string_view w) { return t.substr(p, w.size()) == w; }

size_t CharLen(std::string_view t, size_t p) {
  unsigned char c = static_cast<unsigned char>(t[p]);
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// ASCII digits at p ("28,500", "1.2" when `decimal`); the end, or p.
size_t Digits(std::string_view t, size_t p, double* v, int* count, bool decimal) {
  size_t q = p;
  std::string digits;
  while (q < t.size()) {
    char c = t[q];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (decimal && (c == ',' || c == '.') && q + 1 < t.size() && t[q + 1] >= '0' &&
               t[q + 1] <= '9' && !digits.empty()) {
      if (c == '.') digits += c;
    } else {
      break;
    }
    ++q;
  }
  if (digits.empty() || digits.size() > 15) return p;
  *count = static_cast<int>(digits.size());
  *v = std::stod(digits);
  return q;
}

// A Chinese numeral from 1 to 99 at p: "三", "两", "十二", "二十"; the end, or p.
size_t HanNumber(std::string_view t, size_t p, int* v) {
  static const std::string_view kDigits[] = {"零", "一", "二", "三", "四",
                                             "五", "六", "七", "八", "九"};
  auto digit = [&](size_t q, int* d) -> size_t {
    for (int k = 0; k < 10; ++k)
      if (At(t, q, kDigits[k])) return *d = k, q + kDigits[k].size();
    if (At(t, q, "两")) return *d = 2, q + 3;
    return q;
  };
  int a = 0, b = 0;
  size_t q = digit(p, &a);
  if (At(t, q, "十")) {
    size_t r = digit(q + 3, &b);
    *v = (q == p ? 1 : a) * 10 + (r > q + 3 ? b : 0);
    return r;
  }
  if (q == p || a == 0) return p;
  *v = a;
  return q;
}

// A number at p in digits or Chinese numerals.
size_t Count(std::string_view t, size_t p, int* v) {
  double d = 0;
  int n = 0;
  size_t q = Digits(t, p, &d, &n, false);
  if (q > p) return *v = static_cast<int>(d), q;
  return HanNumber(t, p, v);
}

class ChineseReader {
 public:
  explicit ChineseReader(const Doc& d) : d_(d) {}

  void Dates(std::vector<core::DateMention>* out) {
    for (const SentenceRange& s : d_.tag.sentences) {
      size_t b = d_.tok(s.first).begin, e = d_.tok(s.last - 1).end;
      std::string_view t = d_.text.substr(0, e);
      tense_ = Tense(t.substr(b));
      for (size_t p = b; p < e;) {
        size_t q = d_.anchor ? DateAt(t, p, out) : p;
        p = q > p ? q : p + CharLen(t, p);
      }
    }
  }

  void Figures(std::vector<core::Figure>* out, std::vector<core::FigureDetail>* details) {
    for (const SentenceRange& s : d_.tag.sentences) {
      size_t b = d_.tok(s.first).begin, e = d_.tok(s.last - 1).end;
      std::string_view t = d_.text.substr(0, e);
      for (size_t p = b; p < e;) {
        size_t q = FigureAt(t, p, out, details);
        p = q > p ? q : p + CharLen(t, p);
      }
    }
  }

 private:
  static int Tense(std::string_view s) {
    int future = 0, past = 0;
    for (std::string_view w : {"将", "会", "要", "计划", "预计", "即将"})
      for (size_t p = s.find(w); p != s.npos; p = s.find(w, p + 1)) ++future;
    for (std::string_view w : {"了", "曾", "已", "过"})
      for (size_t p = s.find(w); p != s.npos; p = s.find(w, p + 1)) ++past;
    return future > past ? 1 : past > 0 ? -1 : 0;
  }

  void Emit(std::string_view t, size_t b, size_t e, std::string value,
            std::vector<core::DateMention>* out) const {
    out->push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(e)},
                    std::string(t.substr(b, e - b)),
                    std::move(value)});
  }

  int YearFor(int month) const {
    int y = d_.anchor->year, am = d_.anchor->month;
    if (tense_ > 0 && month < am - 2) return y + 1;
    if (tense_ < 0 && month > am + 2) return y - 1;
    return y;
  }

  // 初 / 中 / 底 or 末 after a month: "3月初", "11月底".
  static int PartAt(std::string_view t, size_t p) {
    if (At(t, p, "初") || At(t, p, "上旬")) return 0;
    if (At(t, p, "中旬")) return 1;
    if (At(t, p, "底") || At(t, p, "末") || At(t, p, "下旬")) return 2;
    return -1;
  }

  size_t DateAt(std::string_view t, size_t p, std::vector<core::DateMention>* out) {
    if (size_t q = NumberedDate(t, p, out); q > p) return q;
    if (size_t q = Ago(t, p, out); q > p) return q;
    if (size_t q = Weekday(t, p, out); q > p) return q;
    return Relative(t, p, out);
  }

  // "2026年11月4日", "2026年11月", "11月4日", "3月初", "2019年", "1990年代".
  size_t NumberedDate(std::string_view t, size_t p, std::vector<core::DateMention>* out) {
    if (p > 0 && t[p - 1] >= '0' && t[p - 1] <= '9') return p;
    double v = 0;
    int n = 0;
    size_t q = Digits(t, p, &v, &n, false);
    if (q == p) return p;
    int year = 0, month = 0;
    if (At(t, q, "年代") && (n == 4 || n == 2)) {
      int dy = n == 2 ? 1900 + static_cast<int>(v) : static_cast<int>(v);
      Emit(t, p, q + 6, Fmt("%04d-01-01/%04d-12-31", dy, dy + 9), out);
      return q + 6;
    }
    if (At(t, q, "年") && n == 4) {
      year = static_cast<int>(v);
      q += 3;
      size_t r = Digits(t, q, &v, &n, false);
      if (r == q || !At(t, r, "月")) {
        if (At(t, q, "底") || At(t, q, "末"))
          return Emit(t, p, q + 3, Fmt("%04d-12-31", year), out), q + 3;
        if (At(t, q, "初")) q += 3;
        Emit(t, p, q, Fmt("%04d", year), out);
        return q;
      }
      q = r;
    } else if (!At(t, q, "月")) {
      return p;
    }
    month = static_cast<int>(v);
    if (month < 1 || month > 12) return p;
    q += 3;  // 月
    if (!year) year = YearFor(month);
    size_t r = Digits(t, q, &v, &n, false);
    if (r > q && (At(t, r, "日") || At(t, r, "号"))) {
      core::CivilDate cd{year, month, static_cast<int>(v)};
      if (!core::IsValidDate(cd)) return p;
      Emit(t, p, r + 3, core::FormatIsoDate(cd), out);
      return r + 3;
    }
    std::string ym = Fmt("%04d-%02d", year, month);
    if (int part = PartAt(t, q); part >= 0) {
      static const int kLast[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int last = month == 2 && core::IsValidDate({year, 2, 29}) ? 29 : kLast[month - 1];
      int lo = part == 0 ? 1 : part == 2 ? 15 : 10, hi = part == 0 ? 15 : part == 2 ? last : 20;
      size_t e = q + (At(t, q, "上旬") || At(t, q, "中旬") || At(t, q, "下旬") ? 6 : 3);
      Emit(t, p, e, ym + Fmt("-%02d/", lo) + ym + Fmt("-%02d", hi), out);
      return e;
    }
    Emit(t, p, q, ym, out);
    return q;
  }

  // "两周前", "3天前", "一个月前", "三年前".
  size_t Ago(std::string_view t, size_t p, std::vector<core::DateMention>* out) {
    int c = 0;
    size_t q = Count(t, p, &c);
    if (q == p || c <= 0 || c > 100) return p;
    if (At(t, q, "多")) q += 3;
    const core::CivilDate& a = *d_.anchor;
    std::string v;
    size_t e = q;
    if (At(t, q, "天前")) {
      v = core::FormatIsoDate(AddDays(a, -c)), e = q + 6;
    } else if (At(t, q, "周前") || At(t, q, "星期前") || At(t, q, "个星期前")) {
      v = IsoWeek(AddDays(a, -7 * c));
      e = q + (At(t, q, "周前") ? 6 : At(t, q, "星期前") ? 9 : 12);
    } else if (At(t, q, "个月前")) {
      int mm = a.year * 12 + a.month - 1 - c;
      v = Fmt("%04d-%02d", mm / 12, mm % 12 + 1), e = q + 9;
    } else if (At(t, q, "年前")) {
      v = Fmt("%04d", a.year - c), e = q + 6;
    } else {
      return p;
    }
    Emit(t, p, e, v, out);
    return e;
  }

  // "周二", "星期二", "上周二", "下星期五", "本周三", "周末", "上周末".
  size_t Weekday(std::string_view t, size_t p, std::vector<core::DateMention>* out) {
    int week = 2;  // 2: not stated
    size_t q = p;
    for (auto [w, dir] : {std::pair<std::string_view, int>{"上个", -1},
                          {"下个", 1},
                          {"这个", 0},
                          {"上", -1},
                          {"下", 1},
                          {"本", 0},
                          {"这", 0}})
      if (At(t, q, w)) {
        week = dir, q += w.size();
        break;
      }
    size_t r = q;
    if (At(t, r, "星期") || At(t, r, "礼拜"))
      r += 6;
    else if (At(t, r, "周"))
      r += 3;
    else
      return p;
    static const std::string_view kDays[] = {"日", "一", "二", "三", "四", "五", "六", "天"};
    int wd = -1;
    for (int k = 0; k < 8; ++k)
      if (At(t, r, kDays[k])) wd = k % 7;
    const core::CivilDate& a = *d_.anchor;
    int awd = core::Weekday(a);
    core::CivilDate monday = AddDays(a, -((awd + 6) % 7));
    if (wd < 0) {
      if (!At(t, r, "末")) return p;
      // The weekend of the week named, or for a bare 周末 the one the tense points to.
      int dir = week != 2 ? week : tense_ > 0 ? 0 : -1;
      core::CivilDate sat = AddDays(monday, 5 + 7 * dir);
      Emit(t, p, r + 3, core::FormatIsoDate(sat) + "/" + core::FormatIsoDate(AddDays(sat, 1)), out);
      return r + 3;
    }
    long delta;
    if (week != 2) {
      // Chinese names the week: 上周二 is the Tuesday of last week, not the last Tuesday.
      core::CivilDate day = AddDays(monday, (wd + 6) % 7 + 7 * week);
      delta = core::DaysFromCivil(day) - core::DaysFromCivil(a);
    } else {
      delta = tense_ > 0 ? (wd - awd + 7) % 7 : -((awd - wd + 7) % 7);
    }
    Emit(t, p, r + 3, core::FormatIsoDate(AddDays(a, delta)), out);
    return r + 3;
  }

  // "今天", "昨天", "去年", "明年年底", "上个月", "下周".
  size_t Relative(std::string_view t, size_t p, std::vector<core::DateMention>* out) {
    const core::CivilDate& a = *d_.anchor;
    static const std::pair<std::string_view, int> kDays[] = {
        {"今天", 0}, {"今日", 0}, {"昨天", -1}, {"昨日", -1},
        {"明天", 1}, {"明日", 1}, {"前天", -2}, {"后天", 2}};
    for (auto [w, n] : kDays)
      if (At(t, p, w)) return Emit(t, p, p + 6, core::FormatIsoDate(AddDays(a, n)), out), p + 6;
    static const std::pair<std::string_view, int> kYears[] = {
        {"今年", 0}, {"去年", -1}, {"明年", 1}, {"前年", -2}, {"后年", 2}};
    for (auto [w, n] : kYears)
      if (At(t, p, w)) {
        size_t e = p + 6;
        if (At(t, e, "年底") || At(t, e, "年末") || At(t, e, "底"))
          return Emit(t, p, e + (At(t, e, "底") ? 3 : 6), Fmt("%04d-12-31", a.year + n), out),
                 e + (At(t, e, "底") ? 3 : 6);
        Emit(t, p, e, Fmt("%04d", a.year + n), out);
        return e;
      }
    static const std::pair<std::string_view, int> kMonths[] = {
        {"上个月", -1}, {"下个月", 1}, {"这个月", 0}, {"上月", -1}, {"下月", 1}, {"本月", 0}};
    for (auto [w, n] : kMonths)
      if (At(t, p, w)) {
        int mm = a.year * 12 + a.month - 1 + n;
        Emit(t, p, p + w.size(), Fmt("%04d-%02d", mm / 12, mm % 12 + 1), out);
        return p + w.size();
      }
    static const std::pair<std::string_view, int> kWeeks[] = {
        {"上个星期", -1}, {"下个星期", 1}, {"这个星期", 0}, {"上星期", -1}, {"下星期", 1},
        {"上周", -1},     {"下周", 1},     {"本周", 0},     {"这周", 0}};
    for (auto [w, n] : kWeeks)
      if (At(t, p, w)) {
        core::CivilDate monday = AddDays(a, -((core::Weekday(a) + 6) % 7) + 7 * n);
        Emit(t, p, p + w.size(),
             core::FormatIsoDate(monday) + "/" + core::FormatIsoDate(AddDays(monday, 6)), out);
        return p + w.size();
      }
    if (At(t, p, "年底") || At(t, p, "年末"))
      return Emit(t, p, p + 6, Fmt("%04d-12-31", a.year), out), p + 6;
    return p;
  }

  // The first word of `t` by ICU's Chinese word break: the noun after a classifier.
  static std::string FirstWord(std::string_view t) {
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::BreakIterator> words(
        icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (!words) return {};
    size_t n = 0;
    for (int k = 0; k < 8 && n < t.size(); ++k) n += CharLen(t, n);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(t.data(), static_cast<int32_t>(std::min(n, t.size()))));
    words->setText(u);
    int32_t end = words->next();
    if (end <= 0) return {};
    std::string out;
    u.tempSubString(0, end).toUTF8String(out);
    return out;
  }

  size_t FigureAt(std::string_view t, size_t p, std::vector<core::Figure>* out,
                  std::vector<core::FigureDetail>* details) {
    if (p > 0 && ((t[p - 1] >= '0' && t[p - 1] <= '9') || t[p - 1] == '.' || t[p - 1] == ','))
      return p;
    double v = 0;
    int n = 0;
    size_t q = Digits(t, p, &v, &n, true);
    if (q == p) return p;
    size_t b = p;
    std::string unit;
    if (p >= 9 && At(t, p - 9, "人民币")) unit = "CNY", b = p - 9;
    // Dates and times: "2026年", "11月", "4日", "3点", "1990年代".
    for (std::string_view w : {"月", "日", "号", "点", ":", "年前", "年代"})
      if (At(t, q, w)) return q;
    if (At(t, q, "年") && n == 4) return q;
    static const std::pair<std::string_view, double> kScales[] = {
        {"万亿", 1e12}, {"千亿", 1e11}, {"千万", 1e7}, {"百万", 1e6},
        {"亿", 1e8},    {"万", 1e4},    {"千", 1e3},   {"百", 1e2}};
    for (auto [w, x] : kScales)
      if (At(t, q, w)) {
        v *= x, q += w.size();
        break;
      }
    bool approx = false;
    if (At(t, q, "多")) approx = true, q += 3;
    std::string counted;
    if (At(t, q, "%") || At(t, q, "％")) {
      unit = "percent", q += At(t, q, "%") ? 1 : 3;
    } else {
      static const std::pair<std::string_view, std::string_view> kMoney[] = {
          {"美元", "USD"}, {"欧元", "EUR"}, {"日元", "JPY"},   {"英镑", "GBP"}, {"港元", "HKD"},
          {"韩元", "KRW"}, {"卢布", "RUB"}, {"人民币", "CNY"}, {"元", "CNY"},   {"块", "CNY"}};
      for (auto [w, iso] : kMoney)
        if (unit.empty() && At(t, q, w)) unit = iso, q += w.size();
    }
    if (unit.empty()) {
      static const std::string_view kMeasures[] = {"平方公里", "公里", "千米", "公斤", "千克",
                                                   "公顷",     "小时", "人次", "吨",   "米",
                                                   "岁",       "天",   "年",   "人"};
      for (std::string_view w : kMeasures)
        if (At(t, q, w)) {
          counted = std::string(w), q += w.size();
          break;
        }
    }
    if (unit.empty() && counted.empty()) {
      static const std::string_view kClassifiers[] = {
          "名", "个", "位", "家", "辆", "架", "艘", "座", "所", "套", "栋", "头",
          "只", "件", "起", "户", "例", "枚", "条", "台", "部", "处", "项", "种"};
      for (std::string_view w : kClassifiers)
        if (At(t, q, w)) {
          std::string word = FirstWord(t.substr(q + w.size()));
          if (word.empty() || static_cast<unsigned char>(word[0]) < 0x80) break;
          counted = word, q += w.size() + word.size();
          break;
        }
    }
    if (unit.empty() && counted.empty()) return q;
    if (unit.empty()) unit = counted;
    for (std::string_view w : {"约", "近", "超过", "逾", "大约", "将近"})
      if (b >= w.size() && At(t, b - w.size(), w)) approx = true;
    out->push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(q)},
                    v,
                    unit,
                    std::string(t.substr(b, q - b))});
    details->push_back({counted, 0, approx});
    return q;
  }

  const Doc& d_;
  int tense_ = 0;
};

}  // namespace

void ReadDatesZh(const Doc& doc, std::vector<core::DateMention>* out) {
  ChineseReader(doc).Dates(out);
}

void ReadFiguresZh(const Doc& doc, std::vector<core::Figure>* out,
                   std::vector<core::FigureDetail>* details) {
  ChineseReader(doc).Figures(out, details);
}

}  // namespace wirebrief::nlp::detail

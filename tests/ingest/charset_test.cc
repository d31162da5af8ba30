#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace wirebrief::ingest {

TEST(DecodeToUtf8Test, MetaCharsetWindows1252IsConverted) {
  std::string page =
      "<html><head><meta charset=\"windows-1252\"></head><body>caf\xE9 \x93quoted\x94 \x80"
      "5</body>";
  std::string cs;
  std::string out = DecodeToUtf8(page, "", &cs);
  EXPECT_EQ(cs, "windows-1252");
  EXPECT_NE(out.find("caf\xC3\xA9"), std::string::npos);                     // é
  EXPECT_NE(out.find("\xE2\x80\x9Cquoted\xE2\x80\x9D"), std::string::npos);  // “quoted”
  EXPECT_NE(out.find("\xE2\x82\xAC"
                     "5"),
            std::string::npos);  // €5
}

TEST(DecodeToUtf8Test, Windows1252UnassignedBytesAreC1ControlsAsTheStandardSaysRegression) {
  // glibc's CP1252 refuses 0x81, 0x8D, 0x8F, 0x90 and 0x9D; the Encoding standard maps each to
  // the C1 control of the same value, so they were U+FFFD where browsers see U+0081 and so on.
  std::string cs;
  std::string out = DecodeToUtf8("a\x81" "b\x8D" "c\x8F" "d\x90" "e\x9D" "f\x80", "windows-1252", &cs);
  EXPECT_EQ(cs, "windows-1252");
  EXPECT_EQ(out, "a\xC2\x81" "b\xC2\x8D" "c\xC2\x8F" "d\xC2\x90" "e\xC2\x9D" "f\xE2\x82\xAC");
}

TEST(DecodeToUtf8Test, HttpEquivContentTypeIsHonoured) {
  std::string page =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>na\xEFve</p>";
  std::string cs;
  std::string out = DecodeToUtf8(page, "", &cs);
  EXPECT_EQ(cs, "windows-1252");
  EXPECT_NE(out.find("na\xC3\xAFve"), std::string::npos);
}

TEST(DecodeToUtf8Test, DeclaredHeaderBeatsMetaAndBomBeatsBoth) {
  std::string cs;
  DecodeToUtf8("<meta charset=utf-8><p>x</p>", "iso-8859-1", &cs);
  EXPECT_EQ(cs, "windows-1252");
  std::string out =
      DecodeToUtf8("\xEF\xBB\xBF<meta charset=windows-1252><p>\xC3\xA9</p>", "iso-8859-1", &cs);
  EXPECT_EQ(cs, "utf-8");
  EXPECT_EQ(out, "<meta charset=windows-1252><p>\xC3\xA9</p>");
}

TEST(DecodeToUtf8Test, UndeclaredInvalidUtf8FallsBackToWindows1252) {
  std::string cs;
  std::string out = DecodeToUtf8(
      "Stra\xDF"
      "e",
      "", &cs);
  EXPECT_EQ(cs, "windows-1252");
  EXPECT_EQ(out,
            "Stra\xC3\x9F"
            "e");
}

TEST(DecodeToUtf8Test, InvalidBytesInDeclaredUtf8BecomeReplacementCharacters) {
  std::string cs;
  std::string out = DecodeToUtf8("ok\xFF\xFEok", "utf-8", &cs);
  EXPECT_EQ(out, "ok\xEF\xBF\xBD\xEF\xBF\xBDok");
}

}  // namespace wirebrief::ingest

// Legacy-charset pages are made at test time from UTF-8 text with iconv, so the fixtures are
// readable here and the bytes are exactly what a legacy encoder writes.
#include <iconv.h>

namespace wirebrief::ingest {
namespace {

std::string FromUtf8(const std::string& utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* o = out.data();
  size_t o_left = out.size();
  size_t r = iconv(cd, &in, &in_left, &o, &o_left);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) return "";
  out.resize(out.size() - o_left);
  return out;
}

std::string Page(const std::string& body, const std::string& head_extra = "") {
  return "<html><head>" + head_extra + "<title>Harbour council</title></head><body><article><p>" +
         body + "</p></article></body></html>";
}

struct Sample {
  const char* iconv_name;
  const char* label;
  const char* text;
};

// Fictional local-news paragraphs, one per script.
const Sample kSamples[] = {
    {"SHIFT_JIS", "shift_jis",
     "港町の市議会は火曜日、老朽化した桟橋の改修計画を賛成多数で可決した。工事は来年春に始まり、完"
     "成までおよそ二年かかる"
     "見通しだ。地元の漁業協同組合は、工事期間中も漁船の出入りができるよう配慮を求めている。市長は"
     "記者会見で「住民の安全を"
     "最優先に進めたい」と述べた。"},
    {"EUC-KR", "euc-kr",
     "해안 도시의 시의회는 화요일 낡은 부두를 보수하는 계획을 찬성 다수로 통과시켰다. 공사는 내년 "
     "봄에 시작되며 완공까지 약 "
     "이 년이 걸릴 것으로 보인다. 지역 어업 협동조합은 공사 기간에도 어선이 드나들 수 있도록 "
     "배려해 달라고 요청했다. 시장은 "
     "기자회견에서 주민의 안전을 가장 먼저 생각하겠다고 말했다."},
    {"GBK", "gbk",
     "沿海城市的市议会星期二以多数票通过了修复旧码头的计划。工程预计明年春天开始，大约需要两年才能"
     "完成。当地渔业合作社要求"
     "在施工期间保证渔船能够正常进出港口。市长在新闻发布会上表示，将把居民的安全放在首位。"},
    {"WINDOWS-1251", "windows-1251",
     "Городской совет приморского города во вторник большинством голосов утвердил план ремонта "
     "старого причала. "
     "Работы начнутся следующей весной и продлятся около двух лет. Местный рыболовецкий кооператив "
     "попросил "
     "обеспечить проход судов во время строительства. Мэр заявил на пресс-конференции, что "
     "безопасность жителей "
     "останется главным приоритетом."},
    {"ISO-8859-1", "windows-1252",
     "Le conseil municipal de la ville côtière a approuvé mardi, à une large majorité, le projet "
     "de rénovation de "
     "l'ancienne jetée. Les travaux débuteront au printemps prochain et dureront environ deux ans. "
     "La coopérative "
     "de pêcheurs a demandé que les bateaux puissent entrer et sortir du port pendant le chantier. "
     "Le maire a "
     "déclaré que la sécurité des habitants resterait la priorité, « quoi qu'il arrive »."},
    {"ISO-8859-1", "windows-1252",
     "Der Gemeinderat der Küstenstadt hat am Dienstag mit großer Mehrheit die Sanierung der alten "
     "Mole beschlossen. "
     "Die Arbeiten beginnen im nächsten Frühjahr und dauern ungefähr zwei Jahre. Die "
     "Fischereigenossenschaft bittet "
     "darum, dass die Boote während der Bauzeit weiterhin ein- und auslaufen können. "
     "Bürgermeisterin Jördis Ahlgrün "
     "nannte die Entscheidung überfällig."},
};

}  // namespace

TEST(DecodeToUtf8Test, UndeclaredLegacyPagesAreDetected) {
  for (const Sample& s : kSamples) {
    std::string utf8 = Page(s.text);
    std::string bytes = FromUtf8(utf8, s.iconv_name);
    ASSERT_FALSE(bytes.empty()) << s.iconv_name;
    ASSERT_NE(bytes, utf8);
    std::string cs;
    EXPECT_EQ(DecodeToUtf8(bytes, "", &cs), utf8) << s.iconv_name;
    // Detection names GBK text by its superset, which decodes it identically.
    EXPECT_EQ(cs, std::string(s.label) == "gbk" ? "gb18030" : s.label) << s.iconv_name;
  }
}

TEST(DecodeToUtf8Test, DeclaredLegacyPagesUseTheirLabel) {
  for (const Sample& s : kSamples) {
    std::string utf8 = Page(s.text, std::string("<meta charset=\"") + s.iconv_name + "\">");
    std::string cs;
    EXPECT_EQ(DecodeToUtf8(FromUtf8(utf8, s.iconv_name), "", &cs), utf8) << s.iconv_name;
    EXPECT_EQ(cs, s.label);
    // The HTTP header's label wins over a (wrong) meta.
    std::string wrong_meta = Page(s.text, "<meta charset=\"utf-8\">");
    EXPECT_EQ(DecodeToUtf8(FromUtf8(wrong_meta, s.iconv_name), s.iconv_name, &cs), wrong_meta)
        << s.iconv_name;
  }
}

TEST(DecodeToUtf8Test, InvalidBytesInLegacyPageBecomeReplacementCharacters) {
  std::string bytes = FromUtf8(Page(kSamples[0].text), "SHIFT_JIS");
  size_t p = bytes.find("<p>") + 3;
  bytes.insert(p, "\x81\x20");  // a Shift_JIS lead byte followed by a byte that cannot trail it
  std::string cs;
  std::string out = DecodeToUtf8(bytes, "shift_jis", &cs);
  EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(out.find("港町の市議会"), std::string::npos);
}

TEST(DecodeToUtf8Test, WrongDeclaredLegacyCharsetOnUtf8BytesIsCorrected) {
  std::string page = Page("Zürich: Bürgerversammlung vertagt – « débat » continue",
                          "<meta charset=\"iso-8859-1\">");
  std::string cs;
  EXPECT_EQ(DecodeToUtf8(page, "", &cs), page);
  EXPECT_EQ(cs, "utf-8");
}

// A CJK page saved as UTF-8 that still declares gb2312 in its <meta> was converted as GB2312
// and came out garbled (found on the extraction kit's readability pages).
TEST(DecodeToUtf8Test, Utf8BytesUnderAMultibyteLegacyLabelStayUtf8) {
  std::string page = Page("港口城市议会周二推迟了关于新码头的投票。", "<meta charset=\"gb2312\">");
  std::string cs;
  EXPECT_EQ(DecodeToUtf8(page, "", &cs), page);
  EXPECT_EQ(cs, "utf-8");
  // Real GB2312 bytes under the same label still decode as GB2312.
  std::string gb = FromUtf8(page, "GB2312");
  EXPECT_EQ(DecodeToUtf8(gb, "", &cs), page);
  EXPECT_NE(cs, "utf-8");
}

TEST(DecodeToUtf8Test, UnknownLabelFallsBackToDetection) {
  std::string utf8 = Page(kSamples[3].text);
  std::string cs;
  EXPECT_EQ(DecodeToUtf8(FromUtf8(utf8, "WINDOWS-1251"), "x-no-such-charset", &cs), utf8);
  EXPECT_EQ(cs, "windows-1251");
}

}  // namespace wirebrief::ingest

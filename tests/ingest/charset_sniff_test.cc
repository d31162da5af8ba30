// Issue 26: charset sniffing by the WHATWG algorithm. The prescan cases are data in html5lib's
// format (tests/fixtures/ingest/charset/*.dat: "#data" then "#encoding"), written for this
// project; detection cases build their bytes with iconv from readable UTF-8 text.
#include <gtest/gtest.h>
#include <iconv.h>

#include "ingest/detail/readers.h"
#include "test_files.h"

namespace wirebrief::ingest {
namespace {

struct DatCase {
  std::string data;
  std::string encoding;
};

// html5lib's encoding test format: "#data\n" DATA "\n#encoding\n" NAME "\n".
std::vector<DatCase> ReadDat(const std::string& name) {
  std::string text = testing::ReadFixture("charset/" + name);
  std::vector<DatCase> out;
  size_t p = 0;
  while ((p = text.find("#data\n", p)) != std::string::npos) {
    size_t data_begin = p + 6;
    size_t enc = text.find("\n#encoding\n", data_begin);
    if (enc == std::string::npos) break;
    size_t name_begin = enc + 11;
    size_t name_end = text.find('\n', name_begin);
    out.push_back({text.substr(data_begin, enc - data_begin),
                   text.substr(name_begin, name_end - name_begin)});
    p = name_end;
  }
  return out;
}

std::string FromUtf8(const std::string& utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* o = out.data();
  size_t o_left = out.size();
  size_t r = iconv(cd, &in, &in_left, &o, &o_left);
  iconv(cd, nullptr, nullptr, &o, &o_left);  // ISO-2022-JP returns to ASCII at the end
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) return "";
  out.resize(out.size() - o_left);
  return out;
}

// A fictional Japanese local-news page with no charset declaration anywhere.
const char kJapanesePage[] =
    "<html><head><title>港町だより</title></head><body><article><p>"
    "港町の市議会は火曜日、老朽化した桟橋の改修計画を賛成多数で可決した。工事は来年春に始まり、"
    "完成までおよそ二年かかる見通しだ。地元の漁業協同組合は、工事期間中も漁船の出入りができるよう"
    "配慮を求めている。市長は記者会見で「住民の安全を最優先に進めたい」と述べた。"
    "</p></article></body></html>";

}  // namespace

TEST(CharsetSniffTest, PrescanCasesInHtml5libFormat) {
  for (const char* file : {"prescan.dat", "window.dat"}) {
    std::vector<DatCase> cases = ReadDat(file);
    ASSERT_GE(cases.size(), 3u) << "fixture not found: " << file;
    for (const DatCase& c : cases) {
      std::string charset, source;
      DecodeToUtf8(c.data, "", &charset, &source);
      EXPECT_EQ(charset, c.encoding) << file << ": " << c.data.substr(0, 120);
      // An ASCII page without a usable declaration falls to the default, never to detection.
      bool declared_1252 = c.data.find("latin1") != std::string::npos ||
                           c.data.find("x-user-defined") != std::string::npos;
      EXPECT_EQ(source, c.encoding == "windows-1252" && !declared_1252 ? "default" : "meta")
          << file << ": " << c.data.substr(0, 120);
    }
  }
}

TEST(CharsetSniffTest, ReplacementLabelDecodesToOneReplacementCharacter) {
  std::string out = DecodeToUtf8("<meta charset=iso-2022-kr><p>x</p>", "", nullptr);
  EXPECT_EQ(out, "\xEF\xBF\xBD");
}

TEST(CharsetSniffTest, EachStepReportsWhyItsCharsetWasChosen) {
  std::string cs, why;
  DecodeToUtf8("\xEF\xBB\xBF<meta charset=koi8-r><p>x</p>", "iso-8859-2", &cs, &why);
  EXPECT_EQ(cs, "utf-8");
  EXPECT_EQ(why, "bom");
  DecodeToUtf8("<meta charset=koi8-r><p>x</p>", "iso-8859-2", &cs, &why);
  EXPECT_EQ(cs, "iso-8859-2");
  EXPECT_EQ(why, "http");
  DecodeToUtf8("<meta charset=koi8-r><p>x</p>", "no-such-label", &cs, &why);
  EXPECT_EQ(cs, "koi8-r");
  EXPECT_EQ(why, "meta");
  DecodeToUtf8(
      "<p>Stra\xDF"
      "e und Br\xFC"
      "cke</p>",
      "", &cs, &why);
  EXPECT_EQ(cs, "windows-1252");
  EXPECT_TRUE(why == "detected" || why == "default") << why;
  DecodeToUtf8("<p>plain ASCII, nothing declared</p>", "", &cs, &why);
  EXPECT_EQ(cs, "windows-1252");
  EXPECT_EQ(why, "default");
  DecodeToUtf8("<p>Caf\xC3\xA9 opens</p>", "", &cs, &why);
  EXPECT_EQ(cs, "utf-8");
  EXPECT_EQ(why, "detected");
}

TEST(CharsetSniffTest, UndeclaredEucJpIsDetected) {
  std::string bytes = FromUtf8(kJapanesePage, "EUC-JP");
  ASSERT_FALSE(bytes.empty());
  std::string cs, why;
  EXPECT_EQ(DecodeToUtf8(bytes, "", &cs, &why), kJapanesePage);
  EXPECT_EQ(cs, "euc-jp");
  EXPECT_EQ(why, "detected");
}

TEST(CharsetSniffTest, UndeclaredIso2022JpIsDetected) {
  std::string bytes = FromUtf8(kJapanesePage, "ISO-2022-JP");
  ASSERT_FALSE(bytes.empty());
  ASSERT_EQ(bytes.find_first_of(std::string("\x80\xFF", 2)), std::string::npos);  // 7-bit
  std::string cs, why;
  EXPECT_EQ(DecodeToUtf8(bytes, "", &cs, &why), kJapanesePage);
  EXPECT_EQ(cs, "iso-2022-jp");
  EXPECT_EQ(why, "detected");
}

// A UTF-16 page without a byte-order mark was taken for binary junk and skipped.
TEST(CharsetSniffTest, Utf16WithoutBomIsTextNotBinary) {
  std::string page =
      "<html><head><title>Ferry</title></head><body><p>The Sound ferry returns to its winter "
      "timetable on Monday; the 07:40 crossing is unchanged.</p></body></html>";
  for (const char* order : {"UTF-16LE", "UTF-16BE"}) {
    std::string bytes = FromUtf8(page, order);
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(DetectInputKind(bytes), InputKind::kHtml) << order;
    std::string cs, why;
    EXPECT_EQ(DecodeToUtf8(bytes, "", &cs, &why), page) << order;
    std::string want = order == std::string("UTF-16LE") ? "utf-16le" : "utf-16be";
    EXPECT_EQ(cs, want);
    EXPECT_EQ(why, "detected");
    testing::TempDir dir;
    auto got = testing::ReadAll({dir.Write("page.html", bytes)});
    ASSERT_TRUE(got.errors.empty()) << got.errors[0].ToString();
    ASSERT_EQ(got.docs.size(), 1u) << order;
    EXPECT_EQ(got.docs[0].content, page);
    EXPECT_EQ(got.docs[0].charset_source, "detected");
  }
  // Binary data with zero bytes stays binary.
  std::string elf(
      "\x7f"
      "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00",
      20);
  EXPECT_EQ(DetectInputKind(elf), InputKind::kBinary);
}

TEST(CharsetSniffTest, HttpLabelUtf16IsObeyedButMetaUtf16MeansUtf8) {
  std::string page = "<meta charset=utf-16><p>Harbour</p>";
  std::string cs;
  EXPECT_EQ(DecodeToUtf8(page, "", &cs), page);
  EXPECT_EQ(cs, "utf-8");
  std::string wide = FromUtf8("<p>Harbour</p>", "UTF-16LE");
  EXPECT_EQ(DecodeToUtf8(wide, "utf-16", &cs), "<p>Harbour</p>");
  EXPECT_EQ(cs, "utf-16le");
}

}  // namespace wirebrief::ingest

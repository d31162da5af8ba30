#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace wirebrief::ingest {

TEST(DecodeToUtf8Test, MetaCharsetWindows1252IsConverted) {
  std::string page = "<html><head><meta charset=\"windows-1252\"></head><body>caf\xE9 \x93quoted\x94 \x80" "5</body>";
  std::string cs;
  std::string out = DecodeToUtf8(page, "", &cs);
  EXPECT_EQ(cs, "windows-1252");
  EXPECT_NE(out.find("caf\xC3\xA9"), std::string::npos);                   // é
  EXPECT_NE(out.find("\xE2\x80\x9Cquoted\xE2\x80\x9D"), std::string::npos);  // “quoted”
  EXPECT_NE(out.find("\xE2\x82\xAC" "5"), std::string::npos);               // €5
}

TEST(DecodeToUtf8Test, HttpEquivContentTypeIsHonoured) {
  std::string page = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>na\xEFve</p>";
  std::string cs;
  std::string out = DecodeToUtf8(page, "", &cs);
  EXPECT_EQ(cs, "windows-1252");
  EXPECT_NE(out.find("na\xC3\xAFve"), std::string::npos);
}

TEST(DecodeToUtf8Test, DeclaredHeaderBeatsMetaAndBomBeatsBoth) {
  std::string cs;
  DecodeToUtf8("<meta charset=utf-8><p>x</p>", "iso-8859-1", &cs);
  EXPECT_EQ(cs, "windows-1252");
  std::string out = DecodeToUtf8("\xEF\xBB\xBF<meta charset=windows-1252><p>\xC3\xA9</p>", "iso-8859-1", &cs);
  EXPECT_EQ(cs, "utf-8");
  EXPECT_EQ(out, "<meta charset=windows-1252><p>\xC3\xA9</p>");
}

TEST(DecodeToUtf8Test, UndeclaredInvalidUtf8FallsBackToWindows1252) {
  std::string cs;
  std::string out = DecodeToUtf8("Stra\xDF" "e", "", &cs);
  EXPECT_EQ(cs, "windows-1252");
  EXPECT_EQ(out, "Stra\xC3\x9F" "e");
}

TEST(DecodeToUtf8Test, InvalidBytesInDeclaredUtf8BecomeReplacementCharacters) {
  std::string cs;
  std::string out = DecodeToUtf8("ok\xFF\xFEok", "utf-8", &cs);
  EXPECT_EQ(out, "ok\xEF\xBF\xBD\xEF\xBF\xBDok");
}

}  // namespace wirebrief::ingest

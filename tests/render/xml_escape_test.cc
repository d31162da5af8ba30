// XmlEscape: what feeds put around article text. A span cut inside a character, or bytes that
// never were UTF-8, must not make the document ill-formed for every feed reader.
#include <gtest/gtest.h>

#include "render/feed.h"

namespace wirebrief::render {
namespace {

TEST(XmlEscapeTest, EscapesMarkupAndDropsForbiddenControls) {
  EXPECT_EQ(XmlEscape("<a href=\"x\">T&C's</a>"),
            "&lt;a href=&quot;x&quot;&gt;T&amp;C&apos;s&lt;/a&gt;");
  EXPECT_EQ(XmlEscape(std::string("a\x01\x08\x1F"
                                  "b\tc\nd",
                                  9)),
            "ab\tc\nd");
}

TEST(XmlEscapeTest, KeepsWellFormedUtf8) {
  const std::string text = "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x8C\x8A Valpara\xC3\xADso";
  EXPECT_EQ(XmlEscape(text), text);
}

TEST(XmlEscapeTest, ReplacesBytesThatAreNotUtf8) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(XmlEscape("caf\xC3"), "caf" + fffd);             // cut inside a character
  EXPECT_EQ(XmlEscape("\xFF\xFE"), fffd + fffd);             // never UTF-8
  EXPECT_EQ(XmlEscape("\xC0\xAF"), fffd + fffd);             // overlong '/'
  EXPECT_EQ(XmlEscape("\xED\xA0\x80"), fffd + fffd + fffd);  // a UTF-16 surrogate
  EXPECT_EQ(XmlEscape("\xEF\xBF\xBE"), fffd + fffd + fffd);  // U+FFFE, not an XML character
  EXPECT_EQ(XmlEscape("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);  // past U+10FFFF
  EXPECT_EQ(XmlEscape("\xE2\x80<"), fffd + fffd + "&lt;");  // the next character survives
}

}  // namespace
}  // namespace wirebrief::render

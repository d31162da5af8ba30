// Data-driven: every page in tests/fixtures/extract/ (HTML or pasted text) is extracted and
// compared field by field with the .expected.json beside it. Add a case by adding two files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/extract.h"
#include "ingest/ingest.h"

namespace wirebrief::extract {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

fs::path FixtureDir() {
  const char* root = std::getenv("WB_SOURCE_DIR");
  return fs::path(root ? root : ".") / "tests" / "fixtures" / "extract";
}

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

TEST(ExtractFixturesTest, EveryFixtureMatchesItsExpectedFields) {
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(FixtureDir())) {
    fs::path page = entry.path();
    if (page.extension() != ".html" && page.extension() != ".txt") continue;
    fs::path expected_path = page;
    expected_path.replace_extension(".expected.json");
    ASSERT_TRUE(fs::exists(expected_path)) << "missing " << expected_path;
    json expected = json::parse(Slurp(expected_path));
    SCOPED_TRACE(page.filename().string());
    std::string bytes = Slurp(page);
    core::RawDocument doc;
    doc.kind = ingest::DetectInputKind(bytes) == ingest::InputKind::kText
                   ? core::ContentKind::kText
                   : core::ContentKind::kHtml;
    doc.content = ingest::DecodeToUtf8(bytes, "", &doc.charset);
    doc.provenance.source = page.string();
    ExtractOptions options;
    options.with_markdown = expected.contains("markdown");
    options.with_html = expected.contains("html");
    auto got = ExtractArticle(doc, options);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    const core::Article& a = got.value();
    for (const auto& [field, want] : expected.items()) {
      if (field == "text")
        EXPECT_EQ(a.text, want.get<std::string>());
      else if (field == "markdown")
        EXPECT_EQ(a.markdown, want.get<std::string>());
      else if (field == "html")
        EXPECT_EQ(a.html, want.get<std::string>());
      else if (field == "title")
        EXPECT_EQ(a.title, want.get<std::string>());
      else if (field == "authors")
        EXPECT_EQ(a.authors, want.get<std::vector<std::string>>());
      else if (field == "date_published")
        EXPECT_EQ(a.date_published, want.get<std::string>());
      else if (field == "date_modified")
        EXPECT_EQ(a.date_modified, want.get<std::string>());
      else if (field == "site_name")
        EXPECT_EQ(a.site_name, want.get<std::string>());
      else if (field == "section")
        EXPECT_EQ(a.section, want.get<std::string>());
      else if (field == "language")
        EXPECT_EQ(a.language, want.get<std::string>());
      else if (field == "canonical_url")
        EXPECT_EQ(a.canonical_url, want.get<std::string>());
      else if (field == "wire")
        EXPECT_EQ(a.wire, want.get<std::vector<std::string>>());
      else if (field == "captions") {
        ASSERT_EQ(a.captions.size(), want.size());
        for (size_t i = 0; i < want.size(); ++i) {
          EXPECT_EQ(a.captions[i].text, want[i]["text"].get<std::string>());
          EXPECT_EQ(a.captions[i].credit, want[i]["credit"].get<std::string>());
        }
      } else {
        ADD_FAILURE() << "unknown field in expected file: " << field;
      }
    }
    ++checked;
  }
  EXPECT_GE(checked, 11) << "fixtures not found under " << FixtureDir();
}

TEST(ExtractTest, NavigationOnlyPageIsEmptyNotAnArticle) {
  core::RawDocument doc;
  doc.content =
      "<html><body><nav><a href=/a>A</a><a href=/b>B</a></nav><footer>(c) "
      "2026</footer></body></html>";
  doc.provenance.source = "nav.html";
  auto got = ExtractArticle(doc, ExtractOptions{});
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), core::StatusCode::kEmpty);
  EXPECT_EQ(got.status().source(), "nav.html");
}

// Bug (issue 26): a control character in pasted text (a subtitle file's BEL) stayed in the
// article text; C0 controls other than whitespace are no text.
TEST(ExtractTest, ControlCharactersInPastedTextAreDroppedRegression) {
  core::RawDocument doc;
  doc.kind = core::ContentKind::kText;
  doc.provenance.source = "pasted.txt";
  doc.content =
      "Harbour board approves new ferry timetable\n\n"
      "\aThe Tessel harbour board approved a new ferry timetable on Tuesday, adding four "
      "crossings a day between the old quay and the island from January, after commuters "
      "complained for two years about waits of up to forty minutes at peak hours.\n\n"
      "The board said the operator would hire six crew members and lease a second vessel "
      "for the winter, at a cost of 1.2 million a year shared with the regional transport "
      "office.\x7f\f\n";
  auto got = ExtractArticle(doc, ExtractOptions{});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  for (char ch : got->text) {
    unsigned char u = static_cast<unsigned char>(ch);
    EXPECT_TRUE(u == '\n' || (u >= 0x20 && u != 0x7F)) << "control byte " << int(u);
  }
  EXPECT_NE(got->text.find("The Tessel harbour board approved"), std::string::npos) << got->text;
}

TEST(ExtractTest, SameUrlGivesSameIdWhateverTheContainer) {
  core::RawDocument a, b;
  a.content = "<html><head><link rel=canonical href='https://n.test/x'></head><body><p>" +
              std::string(60, 'w') + " body text here, with commas, to score.</p></body></html>";
  b = a;
  b.url = "https://n.test/x";
  b.provenance.container = "warc";
  auto ra = ExtractArticle(a, ExtractOptions{});
  auto rb = ExtractArticle(b, ExtractOptions{});
  ASSERT_TRUE(ra.ok() && rb.ok());
  EXPECT_EQ(ra->id, rb->id);
  EXPECT_EQ(ra->content_hash, rb->content_hash);
}

TEST(ExtractTest, DeepNestingIsBoundedNotACrash) {
  core::RawDocument doc;
  for (int i = 0; i < 50000; ++i) doc.content += "<div>";
  doc.content +=
      "<p>deep text that goes on for a while, with enough words to count as a paragraph.</p>";
  auto got = ExtractArticle(doc, ExtractOptions{});
  EXPECT_TRUE(got.ok() || got.status().code() == core::StatusCode::kEmpty ||
              got.status().code() == core::StatusCode::kLimitExceeded);
}

}  // namespace wirebrief::extract

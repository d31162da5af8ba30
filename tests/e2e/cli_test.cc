// The command line through the real binary (issue 29): one meaning per flag with the old
// spellings kept as deprecated aliases, read's annotation names, run's count of unfetched URLs,
// extract -o DIR, --target-language and --output-format xml-tei.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "binary.h"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

using wirebrief::testing_e2e::Outcome;
using wirebrief::testing_e2e::Slurp;

std::vector<json> Lines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

class CliTest : public wirebrief::testing_e2e::BinarySuite {
 protected:
  static void SetUpTestSuite() { Begin("wb_cli_"); }

  static std::string Fixture(const std::string& rel) {
    return "'" + root_ + "/tests/fixtures/cli/" + rel + "'";
  }
  static fs::path Write(const std::string& name, const std::string& content) {
    fs::path p = tmp_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
};

constexpr const char* kReadLine =
    R"({"id": "d1", "dct": "2026-11-05", "text": "Officials in Rotterdam said on Friday that 1,200 dockworkers walked out. \"We will not go back,\" said Jan de Vries, a union leader."})";

// Every old spelling the benchmark kits (../shared/bench) call still works and prints what the
// new spelling prints, with one deprecation line on stderr.
TEST_F(CliTest, OldSpellingsAreDeprecatedAliases) {
  std::string page = Fixture("pages/rates-and-bonds.html");
  Outcome old_extract = Exec("extract --output-format json --jsonl " + page);
  Outcome new_extract = Exec("extract --output-format jsonl " + page);
  EXPECT_EQ(old_extract.exit_code, 0);
  EXPECT_EQ(old_extract.out, new_extract.out);
  EXPECT_NE(old_extract.err.find("'extract --jsonl' is deprecated"), std::string::npos)
      << old_extract.err;
  EXPECT_EQ(new_extract.err.find("deprecated"), std::string::npos) << new_extract.err;

  fs::path docs = Write("read.jsonl", std::string(kReadLine) + "\n");
  Outcome old_read = Exec("read --jsonl '" + docs.string() + "'");
  Outcome new_read = Exec("read --output-format nlp-kit '" + docs.string() + "'");
  EXPECT_EQ(old_read.exit_code, 0);
  EXPECT_EQ(old_read.out, new_read.out);
  EXPECT_NE(old_read.err.find("'read --jsonl FILE' is deprecated"), std::string::npos);

  fs::path stream = Write(
      "cluster.jsonl",
      R"({"id": "a", "date": "2026-11-02", "title": "Dockworkers strike in Rotterdam", "text": "", "source": "X"})"
      "\n"
      R"({"id": "b", "date": "2026-11-02", "title": "Rotterdam dockworkers strike", "text": "", "source": "Y"})"
      "\n");
  Outcome old_cluster = Exec("cluster --jsonl '" + stream.string() + "'");
  Outcome new_cluster = Exec("cluster '" + stream.string() + "'");
  EXPECT_EQ(old_cluster.exit_code, 0);
  EXPECT_EQ(Lines(old_cluster.out).size(), 2u);
  EXPECT_EQ(old_cluster.out, new_cluster.out);
  EXPECT_NE(old_cluster.err.find("'cluster --jsonl FILE' is deprecated"), std::string::npos);

  fs::path stories = Write(
      "stories.jsonl",
      R"({"id": "s1", "articles": [{"idx": 0, "outlet": "Harbour Post", "date": "2026-11-02", "text": "Dockworkers in Rotterdam walked out on Friday after talks on pay broke down. The union said 1,200 workers joined the strike."}, {"idx": 1, "outlet": "Delta Times", "date": "2026-11-02", "text": "About 1,200 dockworkers went on strike in Rotterdam on Friday. Ships were left waiting outside the port."}]})"
      "\n");
  Outcome old_brief = Exec("brief --jsonl '" + stories.string() + "'");
  Outcome new_brief = Exec("brief '" + stories.string() + "'");
  EXPECT_EQ(old_brief.exit_code, 0) << old_brief.err;
  EXPECT_EQ(Lines(old_brief.out).size(), 1u);
  EXPECT_EQ(old_brief.out, new_brief.out);
  EXPECT_NE(old_brief.err.find("'brief --jsonl FILE' is deprecated"), std::string::npos);

  // show's query is --query; -q (quiet elsewhere) is its deprecated alias.
  fs::path db = tmp_ / "pages.db";
  ASSERT_EQ(Exec("run -q --db '" + db.string() + "' " + Fixture("pages")).exit_code, 0);
  Outcome query = Exec("show --db '" + db.string() + "' --query bond --output-format jsonl");
  Outcome old_query = Exec("show --db '" + db.string() + "' -q bond --output-format jsonl");
  ASSERT_EQ(query.exit_code, 0) << query.err;
  EXPECT_EQ(Lines(query.out).size(), 1u) << query.out;
  EXPECT_EQ(query.out, old_query.out);
  EXPECT_NE(old_query.err.find("'show -q QUERY' is deprecated"), std::string::npos);

  // Hidden: no subcommand's help offers --jsonl any more.
  for (const char* cmd : {"extract", "read", "cluster", "brief"}) {
    Outcome help = Exec(std::string(cmd) + " --help");
    EXPECT_EQ(help.out.find("--jsonl"), std::string::npos) << cmd << ":\n" << help.out;
    EXPECT_NE(help.out.find(cmd == std::string("cluster") || cmd == std::string("brief")
                                ? "--input-file"
                                : "--output-format"),
              std::string::npos)
        << cmd;
  }
}

// `read` names the annotations as `extract --with-annotations` does (dates, figures,
// char_start/char_end); the kit's names (timex, quantities, start/end) only in nlp-kit.
TEST_F(CliTest, ReadAndExtractNameAnnotationsAlike) {
  Outcome extracted = Exec("extract --output-format jsonl --with-annotations " +
                           Fixture("pages/rates-and-bonds.html"));
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  json article = Lines(extracted.out).at(0);
  fs::path docs =
      Write("read-names.jsonl",
            json{{"id", "x"}, {"text", article["text"]}, {"dct", "2026-11-05"}}.dump() + "\n");
  Outcome read = Exec("read '" + docs.string() + "'");
  ASSERT_EQ(read.exit_code, 0) << read.err;
  json annotations = Lines(read.out).at(0);
  EXPECT_EQ(annotations["id"], "x");
  for (const char* key :
       {"sentences", "entities", "figures", "dates", "quotes", "roles", "countries"}) {
    ASSERT_TRUE(annotations.contains(key)) << key;
    ASSERT_TRUE(article.contains(key)) << key;
  }
  for (const char* key : {"timex", "quantities"}) EXPECT_FALSE(annotations.contains(key)) << key;
  ASSERT_FALSE(annotations["figures"].empty()) << read.out;
  ASSERT_FALSE(annotations["sentences"].empty());
  // The same fields on each annotation of either command: spans as char_start/char_end.
  auto keys = [](const json& o) {
    std::set<std::string> k;
    for (auto it = o.begin(); it != o.end(); ++it) k.insert(it.key());
    return k;
  };
  for (const char* key : {"figures", "sentences", "entities"}) {
    ASSERT_FALSE(article[key].empty()) << key;
    ASSERT_FALSE(annotations[key].empty()) << key;
    std::set<std::string> r = keys(annotations[key][0]), e = keys(article[key][0]);
    EXPECT_TRUE(r.count("char_start") && r.count("char_end")) << key;
    EXPECT_FALSE(r.count("start")) << key;
    if (std::string(key) != "entities") {  // a mention's role is optional
      EXPECT_EQ(r, e) << key;
    }
  }
  // Both read the same text, in bytes: the sentences agree.
  EXPECT_EQ(annotations["sentences"], article["sentences"]);
  // A text file (not JSON lines) is one document named by its path.
  fs::path text = Write("plain.txt", "Officials said 300 homes were lost on Friday.\n");
  Outcome plain = Exec("read '" + text.string() + "'");
  ASSERT_EQ(plain.exit_code, 0);
  EXPECT_EQ(Lines(plain.out).at(0)["id"], text.string());
  // The kit's format keeps the kit's names (../shared/bench/nlp/score.py reads them).
  fs::path kit_in = Write("kit.jsonl", std::string(kReadLine) + "\n");
  json kit = Lines(Exec("read --output-format nlp-kit '" + kit_in.string() + "'").out).at(0);
  for (const char* key : {"entities", "timex", "quotes", "sentences", "quantities"})
    EXPECT_TRUE(kit.contains(key)) << key;
  ASSERT_FALSE(kit["quantities"].empty());
  EXPECT_TRUE(kit["quantities"][0].contains("start"));
}

// A folder of plain articles whose heads link their outlet's feeds: nothing was listed to be
// followed, so no URL is "not fetched" (it said 2 per page before).
TEST_F(CliTest, RunCountsNoUnfetchedUrlsForFeedLinksInPages) {
  fs::path db = tmp_ / "plain.db";
  Outcome r = Exec("run -q --db '" + db.string() + "' " + Fixture("plain_articles"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("documents read: 3,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("URLs not fetched: 0;"), std::string::npos) << r.out;
  // A feed's items without their pages still count.
  fs::path feed = Write("feed.rss", R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Lakeside Courier</title><link>https://lakeside-courier.example/</link>
<item><link>https://lakeside-courier.example/local/untitled-1</link></item>
<item><link>https://lakeside-courier.example/local/untitled-2</link></item>
</channel></rss>
)");
  Outcome f = Exec("run -q --db '" + (tmp_ / "feed.db").string() + "' '" + feed.string() + "'");
  EXPECT_NE(f.out.find("URLs not fetched: 2;"), std::string::npos) << f.out << f.err;
}

// -o DIR: one file per input, named after it; a name given twice gets -2.
TEST_F(CliTest, ExtractOutputDirWritesOneFilePerInput) {
  fs::path page = fs::path(root_) / "tests/fixtures/cli/plain_articles/ferry-timetable.html";
  fs::path twin = tmp_ / "other" / "ferry-timetable.html";
  fs::create_directories(twin.parent_path());
  fs::copy_file(page, twin, fs::copy_options::overwrite_existing);
  fs::path out = tmp_ / "out";
  Outcome r = Exec("extract -o '" + out.string() + "' " + Fixture("plain_articles") + " '" +
                   twin.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(out)) names.insert(e.path().filename().string());
  EXPECT_EQ(names, (std::set<std::string>{"cycle-lane.txt", "ferry-timetable.txt",
                                          "ferry-timetable-2.txt", "library-reopens.txt"}));
  std::string text = Slurp(out / "library-reopens.txt");
  EXPECT_EQ(text.rfind("The central library reopened on Tuesday", 0), 0u) << text;
  EXPECT_EQ(Slurp(out / "ferry-timetable.txt"), Slurp(out / "ferry-timetable-2.txt"));
  EXPECT_NE(r.err.find("4 files written"), std::string::npos) << r.err;
  // The same run again gives the same names (files of an earlier run are replaced).
  Exec("extract -o '" + out.string() + "' " + Fixture("plain_articles") + " '" + twin.string() +
       "'");
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 4);
  // The format picks the extension.
  Outcome md = Exec("extract --output-format markdown -o '" + (tmp_ / "md").string() + "' " +
                    Fixture("plain_articles/cycle-lane.html"));
  ASSERT_EQ(md.exit_code, 0);
  EXPECT_TRUE(fs::exists(tmp_ / "md" / "cycle-lane.md"));
}

// --target-language: documents detected in another language are skipped and counted.
TEST_F(CliTest, ExtractTargetLanguageSkipsOtherLanguages) {
  Outcome de = Exec("extract --output-format jsonl --target-language de " + Fixture("pages"));
  ASSERT_EQ(de.exit_code, 0) << de.err;
  std::vector<json> lines = Lines(de.out);
  ASSERT_EQ(lines.size(), 1u) << de.out;
  EXPECT_EQ(lines[0]["language"], "de");
  EXPECT_NE(de.err.find("1 document skipped, language not de"), std::string::npos) << de.err;
  Outcome en = Exec("extract --target-language EN " + Fixture("pages"));
  EXPECT_NE(en.out.find("Bond yields rose"), std::string::npos);
  EXPECT_EQ(en.out.find("Stadtrat"), std::string::npos);
  EXPECT_EQ(Exec("extract --target-language english " + Fixture("pages")).exit_code, 2);
}

// xml-tei: a TEI document per article, escaped by libxml2's writer, parsed back here.
TEST_F(CliTest, ExtractXmlTeiParsesBack) {
  fs::path out = tmp_ / "tei";
  Outcome r = Exec("extract --output-format xml-tei -o '" + out.string() + "' " + Fixture("pages"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path file = out / "rates-and-bonds.xml";
  ASSERT_TRUE(fs::exists(file));
  xmlDocPtr doc = xmlReadFile(file.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR);
  ASSERT_NE(doc, nullptr) << Slurp(file);
  xmlNodePtr root = xmlDocGetRootElement(doc);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "TEI");
  ASSERT_NE(root->ns, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href), "http://www.tei-c.org/ns/1.0");
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, reinterpret_cast<const xmlChar*>("t"),
                     reinterpret_cast<const xmlChar*>("http://www.tei-c.org/ns/1.0"));
  auto text_of = [&](const char* path) {
    xmlXPathObjectPtr o = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(path), ctx);
    std::string s;
    if (o && o->type == XPATH_STRING) s = reinterpret_cast<const char*>(o->stringval);
    xmlXPathFreeObject(o);
    return s;
  };
  EXPECT_EQ(text_of("string(//t:titleStmt/t:title)"), "Rates & <bonds>: the \"quiet\" rise");
  EXPECT_EQ(text_of("string(//t:titleStmt/t:author)"), "Ada Q'Brien");
  EXPECT_EQ(text_of("string(//t:publicationStmt/t:publisher)"), "Ledger & Sons");
  EXPECT_EQ(text_of("substring(//t:publicationStmt/t:date/@when, 1, 10)"), "2026-11-05");
  EXPECT_EQ(text_of("string(//t:sourceDesc/t:bibl/t:ptr[@type='URL']/@target)"),
            "https://ledger-sons.example/markets/2026/11/05/rates-and-bonds?x=1&y=2");
  EXPECT_EQ(text_of("string(count(//t:text/t:body/t:div/t:p))"), "3");
  EXPECT_NE(text_of("string(//t:text/t:body/t:div/t:p[2])").find("<the highest in a year>"),
            std::string::npos);
  EXPECT_EQ(text_of("string(//t:text/@xml:lang)"), "en");
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
  // On stdout, one article gives one document.
  Outcome one = Exec("extract --output-format xml-tei " + Fixture("pages/faehre.html"));
  ASSERT_EQ(one.exit_code, 0);
  xmlDocPtr parsed = xmlReadMemory(one.out.data(), static_cast<int>(one.out.size()), "stdout.xml",
                                   nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR);
  EXPECT_NE(parsed, nullptr) << one.out;
  xmlFreeDoc(parsed);
}

}  // namespace

namespace {

// Issue 27: `read` and `show` say when a text's language is not read (Polish: no grammar of the
// reader's), and print nothing the English rules would have made of it; German is read with its
// own figure and date grammar, without names.
TEST_F(CliTest, ReadAndShowSayWhenALanguageIsNotRead) {
  const std::string polish =
      "Kolej Północna chce do 2031 roku wymienić około 30.000 kilometrów torów. Plan "
      "przedstawiono 8 marca w Gdańsku.";
  const std::string german =
      "Die Nordbahn will bis 2031 rund 30.000 Kilometer Gleise erneuern lassen. Der Vorstand "
      "stellte den Plan am 8. März in Hannover vor.";
  fs::path in =
      Write("langs.jsonl", json{{"id", "pl"}, {"language", "pl"}, {"text", polish}}.dump() + "\n" +
                               json{{"id", "de"}, {"language", "de"}, {"text", german}}.dump() +
                               "\n" + json{{"id", "any"}, {"text", german}}.dump() + "\n");
  Outcome r = Exec("read '" + in.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<json> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["language_not_read"], "pl");
  EXPECT_GE(lines[0]["sentences"].size(), 2u);
  EXPECT_TRUE(lines[0]["figures"].empty());
  EXPECT_TRUE(lines[0]["entities"].empty());
  EXPECT_TRUE(lines[0]["dates"].empty());
  // German: its own grammar reads the figure as 30,000 kilometres, and no names.
  EXPECT_FALSE(lines[1].contains("language_not_read"));
  ASSERT_FALSE(lines[1]["figures"].empty());
  EXPECT_EQ(lines[1]["figures"][0]["value"], 30000.0);
  EXPECT_TRUE(lines[1]["entities"].empty());
  // No language given: read as English, as before.
  EXPECT_FALSE(lines[2].contains("language_not_read"));
  EXPECT_FALSE(lines[2]["entities"].empty());

  // The fixture: one event in English, German and Polish; the three join one story (issue 27).
  fs::path db = tmp_ / "languages.db";
  Outcome run = Exec("run -q --db '" + db.string() + "' '" + root_ +
                     "/tests/fixtures/nlp/unread_languages.jsonl'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<json> stories =
      Lines(Exec("show --db '" + db.string() + "' --output-format jsonl").out);
  ASSERT_FALSE(stories.empty());
  size_t with_polish = 0;
  for (const json& s : stories) {
    std::string polish_id;
    for (const json& a : s["articles"])
      if (a["language"] == "pl") polish_id = a["id"];
    EXPECT_EQ(s["brief"].contains("languages_not_read"), !polish_id.empty()) << s.dump();
    if (polish_id.empty()) continue;
    ++with_polish;
    EXPECT_EQ(s["brief"]["languages_not_read"], json::array({"pl"}));
    std::set<std::string> sections;
    for (const json& l : s["brief"]["lines"]) {
      sections.insert(l["section"].get<std::string>());
      if (l["section"] != "key_figure" && l["section"] != "timeline" &&
          l["section"] != "stakeholder")
        continue;
      for (const json& c : l["citations"]) EXPECT_NE(c["article_id"], polish_id) << l.dump();
    }
    EXPECT_TRUE(sections.count("lede")) << s.dump();
    EXPECT_TRUE(sections.count("source")) << s.dump();
    Outcome md = Exec("show --db '" + db.string() + "' " + s["id"].get<std::string>());
    EXPECT_NE(md.out.find("Figures, dates and names are not read in pl"), std::string::npos)
        << md.out;
  }
  EXPECT_EQ(with_polish, 1u);
}

}  // namespace

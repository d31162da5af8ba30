// HTML parser candidates on the extraction kit's pages (issue 5): libxml2's HTML parser (the one
// extract/ uses), gumbo (libgumbo-dev) and myhtml from modest (libmodest-dev), each parsing the
// same pre-read bytes to a DOM and freeing it. /0 rows: the kit's pages; /1 rows: hostile
// pages, one pass. "failed" counts pages that gave no tree (a null or root-less document).
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <myhtml/api.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& Pages() {
  static std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    const char* root = std::getenv("WB_SOURCE_DIR");
    fs::path data = fs::path(root ? root : ".") / ".." / "shared" / "bench" / "extraction" / "data";
    std::vector<fs::path> files;
    if (fs::exists(data / "dev"))
      for (const auto& e : fs::directory_iterator(data / "dev")) files.push_back(e.path());
    if (fs::exists(data / "readability"))
      for (const auto& e : fs::directory_iterator(data / "readability"))
        files.push_back(e.path() / "source.html");
    if (files.empty())
      for (const auto& e :
           fs::directory_iterator(fs::path(root ? root : ".") / "data" / "demo" / "pages"))
        files.push_back(e.path());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
    std::fprintf(stderr, "parser corpus: %zu pages\n", out.size());
    return out;
  }();
  return pages;
}

// Hostile pages, timed apart (one pass each): 20,000 unclosed <div>s, 5,000 nested
// <table><tr><td>, and a megabyte of "<".
const std::vector<std::string>& Hostile() {
  static std::vector<std::string> pages = [] {
    std::string deep, tables, lt(1 << 20, '<');
    for (int i = 0; i < 20000; ++i) deep += "<div>x";
    for (int i = 0; i < 5000; ++i) tables += "<table><tr><td>x";
    return std::vector<std::string>{deep, tables, lt};
  }();
  return pages;
}

template <typename ParseOne>
void Run(benchmark::State& state, ParseOne parse) {
  const auto& pages = state.range(0) ? Hostile() : Pages();
  size_t bytes = 0, failed = 0;
  for (const auto& p : pages) bytes += p.size();
  for (auto _ : state) {
    failed = 0;
    for (const auto& p : pages) failed += parse(p) ? 0 : 1;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["failed"] = static_cast<double>(failed);
}

void BM_Libxml2(benchmark::State& state) {
  Run(state, [](const std::string& p) {
    htmlDocPtr d = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOIMPLIED);
    bool ok = d && xmlDocGetRootElement(d);
    xmlFreeDoc(d);
    return ok;
  });
}
BENCHMARK(BM_Libxml2)->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Libxml2)->Arg(1)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_Gumbo(benchmark::State& state) {
  Run(state, [](const std::string& p) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
    bool ok = out && out->root;
    if (out) gumbo_destroy_output(&kGumboDefaultOptions, out);
    return ok;
  });
}
BENCHMARK(BM_Gumbo)->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Gumbo)->Arg(1)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_Myhtml(benchmark::State& state) {
  static myhtml_t* engine = [] {
    myhtml_t* m = myhtml_create();
    myhtml_init(m, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
    return m;
  }();
  Run(state, [](const std::string& p) {
    myhtml_tree_t* tree = myhtml_tree_create();
    myhtml_tree_init(tree, engine);
    mystatus_t st = myhtml_parse(tree, MyENCODING_UTF_8, p.data(), p.size());
    bool ok = st == MyHTML_STATUS_OK && myhtml_tree_get_document(tree);
    myhtml_tree_destroy(tree);
    return ok;
  });
}
BENCHMARK(BM_Myhtml)->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Myhtml)->Arg(1)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

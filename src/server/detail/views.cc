#include "server/detail/views.h"

#include "render/stored_json.h"

namespace wirebrief::server::detail {

std::string Dump(const json& j) { return render::DumpJson(j); }

void WriteSearchHit(const store::ArticleHit& h, render::JsonWriter* w) {
  w->BeginObject();
  w->Key("date_published");
  w->String(h.date_published);
  w->Key("id");
  w->String(h.id);
  w->Key("language");
  w->String(h.language);
  w->Key("outlet");
  w->String(h.outlet);
  // The snippet as segments; \x02 opens a matched term and \x03 closes it.
  w->Key("snippet");
  w->BeginArray();
  bool hit = false;
  size_t start = 0;
  auto flush = [&](size_t end) {
    if (end == start) return;
    w->BeginObject();
    w->Key("hit");
    w->Bool(hit);
    w->Key("text");
    w->String(std::string_view(h.snippet).substr(start, end - start));
    w->EndObject();
  };
  for (size_t i = 0; i < h.snippet.size(); ++i) {
    char c = h.snippet[i];
    if (c != '\x02' && c != '\x03') continue;
    flush(i);
    hit = c == '\x02';
    start = i + 1;
  }
  flush(h.snippet.size());
  w->EndArray();
  w->Key("title");
  w->String(h.title);
  w->Key("url");
  w->String(h.url);
  w->EndObject();
}

}  // namespace wirebrief::server::detail

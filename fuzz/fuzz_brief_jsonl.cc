// `wirebrief brief --jsonl`: one story line -> parsed and annotated story -> brief -> kit JSON.
#include <string_view>

#include "brief/kit_story.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief;
  std::string_view line(reinterpret_cast<const char*>(data), size);
  core::Result<brief::KitStory> story = brief::ParseKitStoryLine(line, core::Limits{});
  if (!story.ok()) return 0;
  core::Brief b = brief::BriefKitStory(story.value(), brief::BriefOptions{});
  std::string out = brief::KitBriefToJsonLine(story.value(), b);
  if (out.empty() || out.back() != '}') __builtin_trap();  // always one JSON object
  return 0;
}

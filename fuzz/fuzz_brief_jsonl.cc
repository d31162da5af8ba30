// `wirebrief brief --jsonl`: one story line -> parsed and annotated story -> brief -> kit JSON.
#include <string_view>

#include "kits/brief_kit.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirebrief;
  std::string_view line(reinterpret_cast<const char*>(data), size);
  core::Result<kits::KitStory> story = kits::ParseKitStoryLine(line, core::Limits{});
  if (!story.ok()) return 0;
  core::Brief b = kits::BriefKitStory(story.value(), brief::BriefOptions{});
  std::string out = kits::KitBriefToJsonLine(story.value(), b);
  if (out.empty() || out.back() != '}') __builtin_trap();  // always one JSON object
  return 0;
}

#include "core/progress.h"

#include <unistd.h>

#include <chrono>

namespace wirebrief::core {

namespace {
int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

void TerminalProgressBar::Begin(const std::string& phase, uint64_t total) {
  std::lock_guard<std::mutex> lock(mu_);
  phase_ = phase;
  total_ = total;
  done_ = 0;
  last_draw_ms_ = 0;
}

void TerminalProgressBar::Advance(uint64_t units) {
  done_ += units;
  std::lock_guard<std::mutex> lock(mu_);
  Draw(false);
}

void TerminalProgressBar::End() {
  std::lock_guard<std::mutex> lock(mu_);
  Draw(true);
  std::fputs("\r\033[K", out_);
  std::fflush(out_);
}

void TerminalProgressBar::Draw(bool force) {
  int64_t now = NowMs();
  if (!force && now - last_draw_ms_ < 100) return;
  last_draw_ms_ = now;
  constexpr int kWidth = 30;
  uint64_t done = done_.load();
  if (total_ > 0) {
    int filled = static_cast<int>(kWidth * std::min<uint64_t>(done, total_) / total_);
    std::fprintf(out_, "\r%-10s [%.*s%.*s] %llu/%llu", phase_.c_str(), filled,
                 "##############################", kWidth - filled,
                 "..............................", static_cast<unsigned long long>(done),
                 static_cast<unsigned long long>(total_));
  } else {
    std::fprintf(out_, "\r%-10s %llu", phase_.c_str(), static_cast<unsigned long long>(done));
  }
  std::fflush(out_);
}

std::unique_ptr<ProgressSink> MakeProgressSink(bool quiet) {
  if (!quiet && isatty(STDERR_FILENO)) return std::make_unique<TerminalProgressBar>(stderr);
  return std::make_unique<NullProgress>();
}

}  // namespace wirebrief::core

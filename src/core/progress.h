// Progress reporting for long work: a bar on a terminal, nothing otherwise.
//
// Library code reports through the abstract ProgressSink and never prints; only cli/ picks a
// concrete sink. Thread safety: Advance() may be called from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

namespace wirebrief::core {

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  // A new phase with `total` units (0 when unknown).
  virtual void Begin(const std::string& phase, uint64_t total) = 0;
  virtual void Advance(uint64_t units) = 0;
  virtual void End() = 0;
};

// Does nothing; the default when the output is not a terminal or -q was given.
class NullProgress final : public ProgressSink {
 public:
  void Begin(const std::string&, uint64_t) override {}
  void Advance(uint64_t) override {}
  void End() override {}
};

// Redraws one line "phase [#####.....] done/total" on `out`, at most ~10 times a second.
class TerminalProgressBar final : public ProgressSink {
 public:
  explicit TerminalProgressBar(std::FILE* out) : out_(out) {}
  void Begin(const std::string& phase, uint64_t total) override;
  void Advance(uint64_t units) override;
  void End() override;

 private:
  void Draw(bool force);
  std::FILE* out_;
  std::mutex mu_;
  std::string phase_;
  uint64_t total_ = 0;
  std::atomic<uint64_t> done_{0};
  int64_t last_draw_ms_ = 0;
};

// A TerminalProgressBar on stderr when stderr is a terminal and !quiet, else a NullProgress.
std::unique_ptr<ProgressSink> MakeProgressSink(bool quiet);

}  // namespace wirebrief::core

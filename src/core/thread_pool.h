// ThreadPool: a fixed set of worker threads running submitted tasks in FIFO order.
//
// Thread safety: Submit() and Wait() may be called from any thread, but Wait() must not be
// called from inside a task. The destructor waits for queued tasks and joins the workers.
// Tasks must not throw (the library is exception-free; a throwing task terminates).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace wirebrief::core {

// The cores this process may run on (its CPU affinity, so `taskset -c 0` gives 1; at least 1).
// std::thread::hardware_concurrency() counts the machine's, and a pool that size on fewer cores
// only adds switching.
size_t AvailableCores();

class ThreadPool {
 public:
  // threads == 0 means AvailableCores().
  explicit ThreadPool(size_t threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  void Submit(std::function<void()> task);
  // Blocks until every task submitted so far has finished.
  void Wait();
  size_t size() const { return workers_.size(); }

 private:
  void WorkerLoop();

  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable idle_cv_;
  std::deque<std::function<void()>> queue_;
  size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// Runs fn(i) for i in [0, n) on `pool`, returning when all calls are done.
void ParallelFor(ThreadPool& pool, size_t n, const std::function<void(size_t)>& fn);

}  // namespace wirebrief::core

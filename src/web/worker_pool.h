// A fixed set of threads that run jobs from a bounded queue. The front door
// hands each complete request to it, so a thread is busy only while a page
// is being made, never while a client is slow to send or to read.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace medbcp::web {

class WorkerPool {
 public:
  // `threads` workers; at most `max_waiting` jobs wait for one.
  WorkerPool(int threads, std::size_t max_waiting);
  // Runs the jobs already queued, then joins the threads.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues a job; false when the queue is full (the caller answers 503).
  bool try_submit(std::function<void()> job);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::size_t max_waiting_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace medbcp::web

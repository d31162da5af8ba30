// PoliteFetcher: a small scheduler over per-host queues. Worker threads (at most
// max_parallel_hosts) take the host whose next request may start soonest, make that one
// request while holding the host, then give it back with its next allowed time. A host is held
// by one worker at a time, which is what keeps one request in flight per host; a worker never
// sleeps on a host while another is ready.
#include "core/text.h"
#include "ingest/crawl.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "ingest/detail/http_client.h"
#include "ingest/robots.h"
#include "ingest/url.h"

namespace wirebrief::ingest {
namespace {

using Clock = std::chrono::steady_clock;

Clock::duration Seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

double SecondsUntil(Clock::time_point t, Clock::time_point now) {
  return t > now ? std::chrono::duration<double>(t - now).count() : 0;
}

std::string OriginOf(const std::string& url) {
  std::string host = UrlHost(url);
  size_t colon = url.find(':');
  if (host.empty() || colon == std::string::npos) return "";
  std::string scheme = url.substr(0, colon);
  for (char& c : scheme) c = core::AsciiLower(c);
  return scheme + "://" + host;
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

// What the fetcher remembers about a host across calls.
struct HostMemory {
  Clock::time_point next_allowed{};  // earliest start of the next request
  Clock::time_point backoff_until{};
  int refusals = 0;  // consecutive 429/503 answers
  std::string backoff_reason;
};

// robots.txt of one origin, as last fetched.
struct RobotsEntry {
  enum class State { kRules, kUnreachable, kRefused } state = State::kRules;
  RobotsRules rules;
  Clock::time_point expires{};
  core::Status why;  // kUnreachable / kRefused
};

struct Job {
  size_t key = 0;   // index of the unique normalised URL
  std::string url;  // what to request next
  std::vector<std::string> redirects;
};

struct HostQueue {
  std::deque<Job> jobs;
  bool busy = false;
  std::unique_ptr<detail::HttpClient> client;
};

}  // namespace

std::string_view CrawlOutcomeName(CrawlOutcome outcome) {
  switch (outcome) {
    case CrawlOutcome::kFetched:
      return "fetched";
    case CrawlOutcome::kNotModified:
      return "not_modified";
    case CrawlOutcome::kDisallowed:
      return "disallowed";
    case CrawlOutcome::kRetryLater:
      return "retry_later";
    case CrawlOutcome::kFailed:
      return "failed";
    case CrawlOutcome::kSkipped:
      break;
  }
  return "skipped";
}

struct PoliteFetcher::State {
  CrawlOptions options;
  std::string user_agent;
  std::mutex call_mutex;                      // one FetchAll at a time
  std::map<std::string, HostMemory> hosts;    // by UrlHost
  std::map<std::string, RobotsEntry> robots;  // by origin

  class Call;
};

// One FetchAll: its queues, results and workers.
class PoliteFetcher::State::Call {
 public:
  Call(State* state, std::vector<CrawlRequest> requests,
       const std::function<void(CrawlResult)>& done, const std::atomic<bool>* stop)
      : s_(*state),
        opt_(state->options),
        requests_(std::move(requests)),
        done_(done),
        stop_(stop) {}

  void Run();

 private:
  // What processing one job led to.
  struct Step {
    std::optional<CrawlResult> result;  // the job is finished
    std::optional<Job> again;           // the job goes on (redirect hop, after robots.txt)
    std::optional<Clock::time_point> next_allowed;  // for the host just used
  };

  void Worker();
  Step Process(const std::string& host, HostQueue& queue, Job job);
  Step FetchRobots(const std::string& origin, HostQueue& queue, Job job, double delay);
  // The robots.txt verdict on `job`: a Step when it ends or waits here (refused, unreachable,
  // disallowed, robots.txt to fetch first), nothing when it may go on; *delay grows to the
  // site's crawl delay.
  std::optional<Step> ApplyRobots(HostQueue& queue, Job& job, double* delay, Clock::time_point now);
  // A 3xx answer: the job again at the target, or its failure; `step` carries next_allowed.
  Step FollowRedirect(Job job, const detail::Transfer& t, Step step);
  // A final answer (2xx, 304, 4xx, 5xx) as the job's result; 429 and 503 back the host off.
  CrawlResult ReadAnswer(const Job& job, detail::Transfer& t, const CrawlRequest& first,
                         HostMemory* mem);
  bool TakeRequestSlot();
  void Finish(size_t key, CrawlResult result);  // called without mu_ held
  CrawlResult Outcome(const Job& job, CrawlOutcome outcome, core::Status why) const;
  detail::TransferOptions Transfer(size_t max_bytes, bool truncate) const;
  bool Stopped() const { return stop_ && stop_->load(); }
  core::Status CapReached(const std::string& url) const {
    return core::Status::LimitExceeded(
        url, "", "request cap of " + std::to_string(opt_.max_requests) + " reached");
  }

  State& s_;
  const CrawlOptions& opt_;
  std::vector<CrawlRequest> requests_;
  const std::function<void(CrawlResult)>& done_;
  const std::atomic<bool>* stop_;

  std::vector<std::string> keys_;               // normalised URLs
  std::vector<std::vector<size_t>> followers_;  // request indices per key
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, HostQueue> queues_;  // by UrlHost
  size_t unfinished_ = 0;                    // keys without a result
  std::atomic<size_t> requests_made_{0};
  std::mutex done_mu_;
};

PoliteFetcher::PoliteFetcher(CrawlOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  CrawlOptions& o = state_->options;
  if (o.max_parallel_hosts == 0) o.max_parallel_hosts = 1;
  if (o.robots_product_token.empty()) o.robots_product_token = "wirebrief";
  state_->user_agent = o.fetch.user_agent;
  if (state_->user_agent.empty())
    state_->user_agent = std::string("wirebrief/") + WB_VERSION +
                         (o.contact_url.empty() ? " (news reader)" : " (+" + o.contact_url + ")");
}

PoliteFetcher::~PoliteFetcher() = default;

const CrawlOptions& PoliteFetcher::options() const { return state_->options; }
const std::string& PoliteFetcher::user_agent() const { return state_->user_agent; }

void PoliteFetcher::FetchAll(std::vector<CrawlRequest> requests,
                             const std::function<void(CrawlResult)>& done,
                             const std::atomic<bool>* stop) {
  std::lock_guard<std::mutex> one_call(state_->call_mutex);
  auto now = Clock::now();
  // Forget what no longer constrains anything, so a long-lived fetcher stays as small as the
  // set of hosts it is actually waiting on.
  for (auto it = state_->robots.begin(); it != state_->robots.end();)
    it = it->second.expires <= now ? state_->robots.erase(it) : std::next(it);
  for (auto it = state_->hosts.begin(); it != state_->hosts.end();) {
    const HostMemory& h = it->second;
    bool idle = h.next_allowed <= now && h.backoff_until <= now && h.refusals == 0;
    it = idle ? state_->hosts.erase(it) : std::next(it);
  }
  State::Call call(state_.get(), std::move(requests), done, stop);
  call.Run();
}

void PoliteFetcher::State::Call::Run() {
  std::map<std::string, size_t> key_of;
  for (size_t i = 0; i < requests_.size(); ++i) {
    std::string url = NormalizeUrl(requests_[i].url);
    if (url.empty()) {
      CrawlResult r;
      r.request = requests_[i];
      r.outcome = CrawlOutcome::kFailed;
      r.error =
          core::Status::InvalidArgument(requests_[i].url.substr(0, 300), "not an http(s) URL");
      std::lock_guard<std::mutex> lock(done_mu_);
      done_(std::move(r));
      continue;
    }
    auto [it, fresh] = key_of.emplace(url, keys_.size());
    if (fresh) {
      keys_.push_back(url);
      followers_.emplace_back();
      std::string host = UrlHost(url);
      queues_[host].jobs.push_back(Job{it->second, url, {}});
      s_.hosts.try_emplace(host);
    }
    followers_[it->second].push_back(i);
  }
  unfinished_ = keys_.size();
  if (unfinished_ == 0) return;
  size_t workers = std::min(opt_.max_parallel_hosts, queues_.size());
  std::vector<std::thread> threads;
  for (size_t i = 1; i < workers; ++i) threads.emplace_back([this] { Worker(); });
  Worker();  // the calling thread works too
  for (auto& t : threads) t.join();
}

void PoliteFetcher::State::Call::Worker() {
  std::unique_lock<std::mutex> lock(mu_);
  while (unfinished_ > 0) {
    std::vector<std::pair<size_t, CrawlResult>> finished;
    auto now = Clock::now();
    if (Stopped()) {
      for (auto& [host, q] : queues_) {
        if (q.busy) continue;
        for (Job& j : q.jobs)
          finished.emplace_back(
              j.key, Outcome(j, CrawlOutcome::kSkipped,
                             core::Status::Unsupported(j.url, "stopped before it was fetched")));
        q.jobs.clear();
      }
    }
    // The free host whose next request may start first.
    HostQueue* best = nullptr;
    const std::string* best_host = nullptr;
    Clock::time_point best_ready{};
    for (auto& [host, q] : queues_) {
      if (q.busy || q.jobs.empty()) continue;
      HostMemory& mem = s_.hosts[host];
      Clock::time_point ready = mem.next_allowed;
      if (ready - now > Seconds(opt_.max_crawl_delay_seconds)) {
        // Deferred: waiting this long would hold the whole call up.
        double wait = SecondsUntil(ready, now);
        for (Job& j : q.jobs) {
          CrawlResult r = Outcome(
              j, CrawlOutcome::kRetryLater,
              core::Status::Unsupported(j.url, "host deferred: its next request may start in " +
                                                   Fixed(wait) + " s (Crawl-delay)"));
          r.retry_after_seconds = wait;
          finished.emplace_back(j.key, std::move(r));
        }
        q.jobs.clear();
        continue;
      }
      if (!best || ready < best_ready) {
        best = &q;
        best_host = &host;
        best_ready = ready;
      }
    }
    if (!finished.empty()) {
      lock.unlock();
      for (auto& [key, r] : finished) Finish(key, std::move(r));
      lock.lock();
      continue;
    }
    if (!best || best_ready > now) {
      // Nothing to do now: wait for a host to come free or ready, polling the stop flag.
      auto until = now + std::chrono::milliseconds(100);
      if (best && best_ready < until) until = best_ready;
      cv_.wait_until(lock, until);
      continue;
    }
    best->busy = true;
    Job job = std::move(best->jobs.front());
    best->jobs.pop_front();
    std::string host = *best_host;
    lock.unlock();
    Step step = Process(host, *best, std::move(job));
    lock.lock();
    best->busy = false;
    if (step.next_allowed) s_.hosts[host].next_allowed = *step.next_allowed;
    if (step.again) {
      std::string next_host = UrlHost(step.again->url);
      s_.hosts.try_emplace(next_host);
      queues_[next_host].jobs.push_front(std::move(*step.again));
    }
    // One host came free (or got work): one waiter is enough, and this worker looks again
    // itself. Waking them all made 50 workers contend for the lock after every response.
    cv_.notify_one();
    if (step.result) {
      lock.unlock();
      Finish(step.result->request.tag, std::move(*step.result));
      lock.lock();
    }
  }
  cv_.notify_all();
}

// `result.request.tag` carries the key until here.
void PoliteFetcher::State::Call::Finish(size_t key, CrawlResult result) {
  {
    std::lock_guard<std::mutex> lock(done_mu_);
    const std::vector<size_t>& who = followers_[key];
    for (size_t i = 0; i + 1 < who.size(); ++i) {
      CrawlResult copy = result;
      copy.request = requests_[who[i]];
      done_(std::move(copy));
    }
    result.request = requests_[who.back()];
    done_(std::move(result));
  }
  std::lock_guard<std::mutex> lock(mu_);
  --unfinished_;
  if (unfinished_ == 0) cv_.notify_all();
}

CrawlResult PoliteFetcher::State::Call::Outcome(const Job& job, CrawlOutcome outcome,
                                                core::Status why) const {
  CrawlResult r;
  r.request.tag = job.key;
  r.outcome = outcome;
  r.page.requested_url = keys_[job.key];
  r.page.url = job.url;
  r.redirects = job.redirects;
  r.error = std::move(why);
  return r;
}

detail::TransferOptions PoliteFetcher::State::Call::Transfer(size_t max_bytes,
                                                             bool truncate) const {
  detail::TransferOptions t;
  t.connect_timeout_ms = opt_.fetch.connect_timeout_ms;
  t.timeout_ms = opt_.fetch.timeout_ms;
  t.max_bytes = max_bytes;
  t.truncate = truncate;
  t.user_agent = s_.user_agent;
  t.allow_private_addresses = opt_.allow_private_addresses;
  t.stop = stop_;
  return t;
}

bool PoliteFetcher::State::Call::TakeRequestSlot() {
  if (opt_.max_requests == 0) return true;
  return requests_made_.fetch_add(1) < opt_.max_requests;
}

PoliteFetcher::State::Call::Step PoliteFetcher::State::Call::FetchRobots(const std::string& origin,
                                                                         HostQueue& queue, Job job,
                                                                         double delay) {
  Step step;
  RobotsEntry entry;
  auto now = Clock::now();
  std::string url = origin + "/robots.txt";
  // RFC 9309 2.3.1.2: follow at least five redirects; past them, treat as unavailable.
  bool settled = false;
  detail::Transfer t;
  for (int hop = 0; hop <= 5 && !settled; ++hop) {
    t = queue.client->Get(url, {}, Transfer(RobotsRules::kMaxBytes, /*truncate=*/true));
    now = t.ended;
    if (t.failure == detail::Transfer::Failure::kAborted) {
      step.result = Outcome(job, CrawlOutcome::kSkipped,
                            core::Status::Unsupported(job.url, "stopped before it was fetched"));
      step.next_allowed = now + Seconds(delay);
      return step;
    }
    if (t.failure == detail::Transfer::Failure::kRefusedAddress) {
      entry.state = RobotsEntry::State::kRefused;
      entry.why = t.error;
      settled = true;
    } else if (t.failure != detail::Transfer::Failure::kNone || t.status == 429 ||
               t.status >= 500) {
      entry.state = RobotsEntry::State::kUnreachable;
      entry.why = t.failure != detail::Transfer::Failure::kNone
                      ? t.error
                      : core::Status::IOError(url, "HTTP " + std::to_string(t.status));
      settled = true;
    } else if (t.status >= 300 && t.status < 400 && !t.location.empty() &&
               !NormalizeUrl(t.location).empty()) {
      url = t.location;
      if (hop < 5 && !TakeRequestSlot()) {
        step.result = Outcome(job, CrawlOutcome::kSkipped, CapReached(job.url));
        step.next_allowed = now + Seconds(delay);
        return step;
      }
    } else {
      // 2xx: the rules; 4xx (and a redirect nowhere): no rules, everything allowed.
      entry.rules = t.status >= 200 && t.status < 300
                        ? RobotsRules::Parse(t.body, opt_.robots_product_token)
                        : RobotsRules::AllowAll();
      settled = true;
    }
  }
  // Five redirects and still no file: unavailable, so allowed (rules left empty).
  entry.expires =
      now + Seconds(entry.state == RobotsEntry::State::kRules ? opt_.robots_ttl_seconds
                                                              : opt_.robots_error_ttl_seconds);
  if (auto d = entry.rules.crawl_delay_seconds()) delay = std::max(delay, *d);
  {
    std::lock_guard<std::mutex> lock(mu_);
    s_.robots[origin] = std::move(entry);
  }
  step.again = std::move(job);
  step.next_allowed = now + Seconds(delay);
  return step;
}

PoliteFetcher::State::Call::Step PoliteFetcher::State::Call::Process(const std::string& host,
                                                                     HostQueue& queue, Job job) {
  Step step;
  auto now = Clock::now();
  if (Stopped()) {
    step.result = Outcome(job, CrawlOutcome::kSkipped,
                          core::Status::Unsupported(job.url, "stopped before it was fetched"));
    return step;
  }
  HostMemory* mem;
  {
    std::lock_guard<std::mutex> lock(mu_);
    mem = &s_.hosts[host];
  }
  if (mem->backoff_until > now) {
    double wait = SecondsUntil(mem->backoff_until, now);
    step.result =
        Outcome(job, CrawlOutcome::kRetryLater,
                core::Status::Unsupported(job.url, "host backing off for " + Fixed(wait) +
                                                       " s after " + mem->backoff_reason));
    step.result->retry_after_seconds = wait;
    return step;
  }
  if (!queue.client) queue.client = std::make_unique<detail::HttpClient>();
  double delay = opt_.fetch.per_host_delay_ms / 1000.0;
  if (opt_.obey_robots)
    if (std::optional<Step> ended = ApplyRobots(queue, job, &delay, now)) return std::move(*ended);
  if (!TakeRequestSlot()) {
    step.result = Outcome(job, CrawlOutcome::kSkipped, CapReached(job.url));
    return step;
  }
  const CrawlRequest& first = requests_[followers_[job.key].front()];
  std::vector<std::string> headers = {
      "Accept: text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
      "application/xml;q=0.9,*/*;q=0.8"};
  // Sent on every hop: the validators belong to the page finally reached, and a redirecting
  // URL ignores them.
  if (!first.etag.empty()) headers.push_back("If-None-Match: " + first.etag);
  if (!first.last_modified.empty()) headers.push_back("If-Modified-Since: " + first.last_modified);
  detail::Transfer t = queue.client->Get(job.url, headers, Transfer(opt_.fetch.max_bytes, false));
  step.next_allowed = t.ended + Seconds(delay);
  using Failure = detail::Transfer::Failure;
  if (t.failure != Failure::kNone) {
    CrawlOutcome o = t.failure == Failure::kAborted          ? CrawlOutcome::kSkipped
                     : t.failure == Failure::kRefusedAddress ? CrawlOutcome::kDisallowed
                                                             : CrawlOutcome::kFailed;
    step.result = Outcome(job, o, t.error);
    return step;
  }
  long status = t.status;
  if (status != 429 && status != 503) mem->refusals = 0;
  if (status >= 300 && status < 400 && status != 304)
    return FollowRedirect(std::move(job), t, std::move(step));
  step.result = ReadAnswer(job, t, first, mem);
  return step;
}

std::optional<PoliteFetcher::State::Call::Step> PoliteFetcher::State::Call::ApplyRobots(
    HostQueue& queue, Job& job, double* delay, Clock::time_point now) {
  Step step;
  std::string origin = OriginOf(job.url);
  const RobotsEntry* cached = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = s_.robots.find(origin);
    if (it != s_.robots.end() && it->second.expires > now) cached = &it->second;
  }
  if (!cached) {
    if (!TakeRequestSlot()) {
      step.result = Outcome(job, CrawlOutcome::kSkipped, CapReached(job.url));
      return step;
    }
    return FetchRobots(origin, queue, std::move(job), *delay);
  }
  if (cached->state == RobotsEntry::State::kRefused) {
    step.result = Outcome(job, CrawlOutcome::kDisallowed,
                          core::Status::Unsupported(job.url, cached->why.message()));
    return step;
  }
  if (cached->state == RobotsEntry::State::kUnreachable) {
    step.result =
        Outcome(job, CrawlOutcome::kRetryLater,
                core::Status::Unsupported(
                    job.url, origin + "/robots.txt unreachable (" + cached->why.message() +
                                 "): nothing is fetched there until it answers"));
    step.result->retry_after_seconds = SecondsUntil(cached->expires, now);
    return step;
  }
  if (!cached->rules.Allows(UrlPathAndQuery(job.url))) {
    step.result = Outcome(job, CrawlOutcome::kDisallowed,
                          core::Status::Unsupported(job.url, "disallowed by robots.txt"));
    return step;
  }
  if (auto d = cached->rules.crawl_delay_seconds()) *delay = std::max(*delay, *d);
  return std::nullopt;
}

PoliteFetcher::State::Call::Step PoliteFetcher::State::Call::FollowRedirect(
    Job job, const detail::Transfer& t, Step step) {
  long status = t.status;
  if (t.location.empty()) {
    step.result = Outcome(
        job, CrawlOutcome::kFailed,
        core::Status::IOError(job.url, "HTTP " + std::to_string(status) + " without a Location"));
    return step;
  }
  if (static_cast<long>(job.redirects.size()) >= opt_.fetch.max_redirects) {
    step.result =
        Outcome(job, CrawlOutcome::kFailed,
                core::Status::IOError(
                    keys_[job.key], "more than " + std::to_string(opt_.fetch.max_redirects) +
                                        " redirects (last to " + t.location.substr(0, 300) + ")"));
    return step;
  }
  std::string target = NormalizeUrl(t.location);
  if (target.empty()) {
    step.result = Outcome(job, CrawlOutcome::kFailed,
                          core::Status::Unsupported(job.url, "redirect to a non-http(s) URL: " +
                                                                 t.location.substr(0, 300)));
    return step;
  }
  // A redirect to the spelling normalisation removed (a trailing slash, usually): asking
  // for the normalised form again would loop.
  if (target == NormalizeUrl(job.url)) target = t.location;
  job.redirects.push_back(target);
  job.url = target;
  step.again = std::move(job);
  return step;
}

CrawlResult PoliteFetcher::State::Call::ReadAnswer(const Job& job, detail::Transfer& t,
                                                   const CrawlRequest& first, HostMemory* mem) {
  long status = t.status;
  CrawlResult r = Outcome(job, CrawlOutcome::kFetched, core::Status());
  r.page.status = status;
  r.page.content_type = t.content_type;
  r.page.fetched_at = t.fetched_at;
  r.etag = t.etag;
  r.last_modified = t.last_modified;
  r.cache_control = t.cache_control;
  r.expires = t.expires;
  std::string code = "HTTP " + std::to_string(status);
  if (status == 304) {
    r.outcome = CrawlOutcome::kNotModified;
    if (r.etag.empty()) r.etag = first.etag;
    if (r.last_modified.empty()) r.last_modified = first.last_modified;
  } else if ((status >= 200 && status < 300) || status == 401 || status == 402 || status == 403 ||
             status == 451) {
    r.page.body = std::move(t.body);
  } else if (status == 429 || status == 503) {
    double wait = detail::RetryAfterSeconds(t.retry_after);
    if (wait < 0) wait = opt_.min_backoff_seconds * std::pow(2.0, std::min(mem->refusals, 20));
    wait = std::min(wait, opt_.max_retry_after_seconds);
    ++mem->refusals;
    mem->backoff_until = t.ended + Seconds(wait);
    mem->backoff_reason = code;
    r.outcome = CrawlOutcome::kRetryLater;
    r.retry_after_seconds = wait;
    r.error = core::Status::Unsupported(job.url, code + ", retry after " + Fixed(wait) + " s");
  } else {
    r.outcome = CrawlOutcome::kFailed;
    r.error = status == 404 || status == 410 ? core::Status::NotFound(job.url, code)
                                             : core::Status::IOError(job.url, code);
  }
  return r;
}

}  // namespace wirebrief::ingest

// Status and Result<T>: how every wirebrief stage reports failure.
//
// A Status is either OK or carries a code plus a message naming where the problem is:
// `source` (a file, URL or input name), `record` (a WARC offset, feed item, line number; may
// be empty) and what went wrong. ToString() renders "source: record: message", the form the
// CLI prints. OK statuses allocate nothing.
//
// Result<T> holds either a T or a non-OK Status (simdjson's simdjson_result, since
// std::expected is C++23). Stages never throw across their public headers; they return these.
//
// Thread safety: both are values; distinct objects may be used from distinct threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace wirebrief::core {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // caller passed something unusable (bad flag value, bad path)
  kNotFound,         // a file, record or row that does not exist
  kIOError,          // the OS refused a read or write
  kCorruption,       // input is malformed: bad gzip member, wrong Content-Length, broken XML
  kUnsupported,      // input recognised but of a kind this build cannot handle
  kLimitExceeded,    // a per-record limit (bytes, depth, nodes) was hit; the batch goes on
  kEmpty,            // the input held nothing usable (no article text)
  kInternal,         // a bug or a failing dependency (SQLite error)
  kConflict,         // another writer changed the data first; nothing was written: start again
};

std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string source, std::string record, std::string message);

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string source, std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(source), "", std::move(message));
  }
  static Status NotFound(std::string source, std::string message) {
    return Status(StatusCode::kNotFound, std::move(source), "", std::move(message));
  }
  static Status IOError(std::string source, std::string message) {
    return Status(StatusCode::kIOError, std::move(source), "", std::move(message));
  }
  static Status Corruption(std::string source, std::string record, std::string message) {
    return Status(StatusCode::kCorruption, std::move(source), std::move(record),
                  std::move(message));
  }
  static Status Unsupported(std::string source, std::string message) {
    return Status(StatusCode::kUnsupported, std::move(source), "", std::move(message));
  }
  static Status LimitExceeded(std::string source, std::string record, std::string message) {
    return Status(StatusCode::kLimitExceeded, std::move(source), std::move(record),
                  std::move(message));
  }
  static Status Empty(std::string source, std::string record, std::string message) {
    return Status(StatusCode::kEmpty, std::move(source), std::move(record), std::move(message));
  }
  static Status Internal(std::string source, std::string message) {
    return Status(StatusCode::kInternal, std::move(source), "", std::move(message));
  }
  static Status Conflict(std::string source, std::string message) {
    return Status(StatusCode::kConflict, std::move(source), "", std::move(message));
  }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  const std::string& source() const;
  const std::string& record() const;
  const std::string& message() const;

  // Returns a copy with `source` / `record` filled in when they were empty, so a low-level
  // error ("bad gzip header") can be given its location by the caller that knows it.
  Status WithLocation(std::string_view source, std::string_view record = {}) const;

  // "source: record: message" (empty parts omitted); "OK" for success.
  std::string ToString() const;

 private:
  struct Rep {
    StatusCode code;
    std::string source;
    std::string record;
    std::string message;
  };
  std::shared_ptr<const Rep> rep_;  // null == OK; shared so copies are cheap
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design, like simdjson_result
  Result(Status status) : v_(std::move(status)) {}  // NOLINT  REQUIRES: !status.ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace wirebrief::core

#define WB_RETURN_IF_ERROR(expr)                      \
  do {                                                \
    ::wirebrief::core::Status wb_status_ = (expr);    \
    if (!wb_status_.ok()) return wb_status_;          \
  } while (0)

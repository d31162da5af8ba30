#include "core/status.h"

namespace wirebrief::core {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid argument";
    case StatusCode::kNotFound: return "not found";
    case StatusCode::kIOError: return "I/O error";
    case StatusCode::kCorruption: return "corrupt input";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kLimitExceeded: return "limit exceeded";
    case StatusCode::kEmpty: return "empty";
    case StatusCode::kInternal: return "internal error";
    case StatusCode::kConflict: return "conflict";
  }
  return "unknown";
}

Status::Status(StatusCode code, std::string source, std::string record, std::string message) {
  if (code != StatusCode::kOk) {
    rep_ = std::make_shared<const Rep>(
        Rep{code, std::move(source), std::move(record), std::move(message)});
  }
}

namespace {
const std::string& EmptyString() {
  static const std::string kEmpty;
  return kEmpty;
}
}  // namespace

const std::string& Status::source() const { return rep_ ? rep_->source : EmptyString(); }
const std::string& Status::record() const { return rep_ ? rep_->record : EmptyString(); }
const std::string& Status::message() const { return rep_ ? rep_->message : EmptyString(); }

Status Status::WithLocation(std::string_view source, std::string_view record) const {
  if (ok()) return *this;
  return Status(rep_->code, rep_->source.empty() ? std::string(source) : rep_->source,
                rep_->record.empty() ? std::string(record) : rep_->record, rep_->message);
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out;
  for (const std::string* part : {&rep_->source, &rep_->record}) {
    if (!part->empty()) {
      out += *part;
      out += ": ";
    }
  }
  out += rep_->message.empty() ? std::string(StatusCodeName(rep_->code)) : rep_->message;
  return out;
}

}  // namespace wirebrief::core

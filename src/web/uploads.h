// Uploaded files and the loads they start. Files are saved only inside the
// uploads folder, each upload in its own folder with a generated name, the
// file names reduced to safe characters; loads run one at a time on a
// background thread, and pages poll a job for its progress and report.
#ifndef BEACON_WEB_UPLOADS_H_
#define BEACON_WEB_UPLOADS_H_

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http/message.h"
#include "web/backend.h"

namespace beacon::web {

struct UploadJob {
  std::string id;
  std::string user;
  std::vector<std::string> files;  // the names as the user gave them
  std::string state = "queued";    // queued | running | done | failed
  std::vector<std::string> progress;
  LoadOutcome outcome;
};

class UploadJobs {
 public:
  UploadJobs(Backend& backend, std::string uploads_dir, size_t max_file_bytes);
  ~UploadJobs();
  UploadJobs(const UploadJobs&) = delete;
  UploadJobs& operator=(const UploadJobs&) = delete;

  // Saves the files and queues their load. Refuses (invalid input) no
  // files, an empty file or one over the size limit.
  Result<std::string> start(const std::vector<http::UploadedFile>& files, const std::string& user);
  std::optional<UploadJob> find(const std::string& id);
  // Waits until the job has finished (tests).
  void wait(const std::string& id);

 private:
  void run();

  Backend& backend_;
  std::string dir_;
  size_t max_file_bytes_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, UploadJob> jobs_;
  std::map<std::string, std::vector<std::string>> paths_;  // job → saved paths
  std::deque<std::string> queue_;
  bool stopping_ = false;
  std::thread worker_;
};

// A file name reduced to letters, digits, '.', '-' and '_' (at most 100),
// never starting with a dot; "upload" when nothing is left.
std::string safe_file_name(std::string_view name);

// `text` with every "<uploads_dir>/<upload folder>/" taken out, so a file is
// named as it was uploaded, not by where the server keeps it.
std::string without_upload_folders(std::string text, const std::string& uploads_dir);

// The load history as people see it: file names, summaries and reports
// without the server's upload folders (loads made before the load report
// named files below their folder kept the full paths).
Result<std::vector<LoadRecord>> load_history_as_shown(Backend& backend, const std::string& uploads_dir);

}  // namespace beacon::web

#endif  // BEACON_WEB_UPLOADS_H_

#include "web/uploads.h"

#include <filesystem>
#include <fstream>

#include "web/auth/password.h"
#include "web/warm_up.h"

namespace beacon::web {

namespace fs = std::filesystem;

std::string without_upload_folders(std::string text, const std::string& uploads_dir) {
  if (uploads_dir.empty()) return text;
  std::string prefix = uploads_dir.back() == '/' ? uploads_dir : uploads_dir + "/";
  for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
    size_t folder_end = text.find('/', at + prefix.size());
    size_t word_end = text.find_first_of(" \t\r\n\",;", at + prefix.size());
    if (folder_end == std::string::npos || (word_end != std::string::npos && word_end < folder_end)) {
      at += prefix.size();
      continue;
    }
    text.erase(at, folder_end + 1 - at);
  }
  return text;
}

Result<std::vector<LoadRecord>> load_history_as_shown(Backend& backend, const std::string& uploads_dir) {
  auto history = backend.load_history();
  if (!history) return history.status();
  for (LoadRecord& l : *history) {
    l.files = without_upload_folders(std::move(l.files), uploads_dir);
    l.summary = without_upload_folders(std::move(l.summary), uploads_dir);
    l.report_json = without_upload_folders(std::move(l.report_json), uploads_dir);
  }
  return history;
}

std::string safe_file_name(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_';
    out += ok ? c : '_';
    if (out.size() >= 100) break;
  }
  while (!out.empty() && out.front() == '.') out.erase(out.begin());
  return out.empty() ? "upload" : out;
}

UploadJobs::UploadJobs(Backend& backend, std::string uploads_dir, size_t max_file_bytes)
    : backend_(backend), dir_(std::move(uploads_dir)), max_file_bytes_(max_file_bytes) {
  worker_ = std::thread([this] { run(); });
}

UploadJobs::~UploadJobs() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

Result<std::string> UploadJobs::start(const std::vector<http::UploadedFile>& files,
                                      const std::string& user) {
  std::vector<const http::UploadedFile*> chosen;
  for (const auto& f : files)
    if (!f.filename.empty()) chosen.push_back(&f);
  if (chosen.empty()) return Status::invalid_input("Select one or more files to load");
  for (const auto* f : chosen) {
    if (f->content.empty()) return Status::invalid_input("The file " + f->filename + " is empty");
    if (f->content.size() > max_file_bytes_)
      return Status::invalid_input("The file " + f->filename + " is larger than " +
                                   std::to_string(max_file_bytes_ >> 20) + " MB");
  }
  std::string id = random_token(12);
  fs::path folder = fs::path(dir_) / id;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return Status::io_error("cannot create the uploads folder: " + ec.message());
  fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, ec);
  UploadJob job;
  job.id = id;
  job.user = user;
  std::vector<std::string> paths;
  for (const auto* f : chosen) {
    std::string name = safe_file_name(f->filename);
    fs::path path = folder / name;
    for (int n = 2; fs::exists(path); ++n) path = folder / (std::to_string(n) + "-" + name);
    std::ofstream out(path, std::ios::binary);
    out.write(f->content.data(), static_cast<std::streamsize>(f->content.size()));
    if (!out) return Status::io_error("cannot save the file " + f->filename);
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
    paths.push_back(path.string());
    job.files.push_back(path.filename().string());
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_[id] = std::move(job);
    paths_[id] = std::move(paths);
    queue_.push_back(id);
  }
  changed_.notify_all();
  return id;
}

std::optional<UploadJob> UploadJobs::find(const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second;
}

void UploadJobs::wait(const std::string& id) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] {
    auto it = jobs_.find(id);
    return it == jobs_.end() || it->second.state == "done" || it->second.state == "failed";
  });
}

void UploadJobs::run() {
  for (;;) {
    std::string id;
    std::vector<std::string> paths;
    std::string user;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      id = queue_.front();
      queue_.pop_front();
      jobs_[id].state = "running";
      paths = paths_[id];
      user = jobs_[id].user;
    }
    changed_.notify_all();
    auto progress = [this, &id](const std::string& line) {
      std::lock_guard<std::mutex> lock(mutex_);
      auto& p = jobs_[id].progress;
      if (p.size() < 1000) p.push_back(line);
    };
    LoadOutcome outcome = backend_.load(paths, user, progress);
    bool loaded = false;
    // Errors name the saved file; show the name as uploaded.
    std::string folder = (fs::path(dir_) / id).string() + "/";
    for (auto& e : outcome.errors)
      if (e.file.rfind(folder, 0) == 0) e.file = e.file.substr(folder.size());
    for (std::string* text : {&outcome.report_text, &outcome.refused})
      for (size_t at = text->find(folder); at != std::string::npos; at = text->find(folder, at))
        text->erase(at, folder.size());
    AuditEntry done;
    done.user = user;
    done.action = outcome.ok ? "load" : "load-refused";
    done.object = outcome.load_id > 0 ? "load " + std::to_string(outcome.load_id) : "upload " + id;
    done.detail = outcome.ok ? outcome.summary : outcome.refused;
    done.client = "upload " + id;
    (void)backend_.audit(done);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      UploadJob& job = jobs_[id];
      job.state = outcome.ok ? "done" : "failed";
      job.outcome = std::move(outcome);
      loaded = job.state == "done";
    }
    changed_.notify_all();
    // The new snapshot starts cold: compute the default figures before the
    // next visitor asks (the next load waits its turn meanwhile).
    if (loaded) warm_up(backend_);
  }
}

}  // namespace beacon::web

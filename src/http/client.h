// A small HTTP client over cpp-httplib for Beacon's own API tests and
// benchmarks: keeps cookies between calls like a browser would.
#ifndef BEACON_HTTP_CLIENT_H_
#define BEACON_HTTP_CLIENT_H_

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "http/message.h"

namespace beacon::http {

struct ClientResponse {
  int status = 0;  // 0: no answer (connection failed)
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& name) const;
};

class Client {
 public:
  Client(std::string host, int port);
  ~Client();
  Client(Client&&) noexcept;
  Client& operator=(Client&&) noexcept;

  ClientResponse get(const std::string& target);
  // An application/x-www-form-urlencoded post.
  ClientResponse post_form(const std::string& target,
                           const std::vector<std::pair<std::string, std::string>>& fields);
  // A multipart/form-data post with text fields and files.
  ClientResponse post_multipart(const std::string& target,
                                const std::vector<std::pair<std::string, std::string>>& fields,
                                const std::vector<UploadedFile>& files);
  ClientResponse post_json(const std::string& target, const std::string& json);

  // Cookies the server has set (name → value).
  const std::map<std::string, std::string>& cookies() const { return cookies_; }
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  // A header sent with every later request (Origin, X-CSRF-Token, …); an
  // empty value stops sending it.
  void set_header(const std::string& name, const std::string& value) {
    if (value.empty())
      extra_headers_.erase(name);
    else
      extra_headers_[name] = value;
  }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::map<std::string, std::string> cookies_;
  std::map<std::string, std::string> extra_headers_;
  void remember_cookies(const ClientResponse& r);
  std::string cookie_header() const;
};

}  // namespace beacon::http

#endif  // BEACON_HTTP_CLIENT_H_

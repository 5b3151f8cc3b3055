// Requests and responses as Beacon's handlers see them: plain values, no
// server library types, so handlers and their tests never include httplib.h.
#ifndef BEACON_HTTP_MESSAGE_H_
#define BEACON_HTTP_MESSAGE_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace beacon::http {

// One part of a multipart/form-data body that carried a file.
struct UploadedFile {
  std::string field;
  std::string filename;  // as the browser sent it: never trusted as a path
  std::string content_type;
  std::string content;
};

struct Request {
  std::string method;  // GET, POST, …
  std::string path;    // without the query string
  std::string query;   // the raw query string (for canonical links)
  std::string remote_addr;
  // Captures of the route's pattern, in order ({id} segments, decoded).
  std::vector<std::string> path_params;
  // Query-string and form fields (urlencoded or multipart text parts).
  std::multimap<std::string, std::string> params;
  // Header names lower-cased.
  std::multimap<std::string, std::string> headers;
  std::string body;
  std::vector<UploadedFile> files;

  // The first value of a query or form field, or `fallback`.
  std::string param(std::string_view name, std::string_view fallback = "") const;
  bool has_param(std::string_view name) const;
  std::string header(std::string_view name) const;  // any case
  std::string cookie(std::string_view name) const;
  const std::string& path_param(size_t i) const;
};

struct CookieOptions {
  int max_age_seconds = -1;  // -1: a session cookie; 0: delete it
  bool secure = true;
  bool http_only = true;
  std::string same_site = "Strict";
  std::string path = "/";
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  void set_header(std::string name, std::string value);
  // 303 See Other by default: the answer to a form post.
  void redirect(const std::string& location, int status = 303);
  void set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);
  void text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
};

using Handler = std::function<void(const Request&, Response&)>;

// Percent-decoding ('+' as space when `form`); invalid escapes are kept as given.
std::string url_decode(std::string_view s, bool form = true);
std::string url_encode(std::string_view s);
// Parses "a=1&b=2" into `out`.
void parse_query(std::string_view text, std::multimap<std::string, std::string>& out);

}  // namespace beacon::http

#endif  // BEACON_HTTP_MESSAGE_H_

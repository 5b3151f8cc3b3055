#include "http/client.h"

#include <httplib.h>

namespace beacon::http {

struct Client::Impl {
  Impl(const std::string& host, int port) : client(host, port) {
    client.set_keep_alive(true);
    client.set_read_timeout(60, 0);
  }
  httplib::Client client;
};

std::string ClientResponse::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

Client::Client(std::string host, int port) : impl_(std::make_unique<Impl>(host, port)) {}
Client::~Client() = default;
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;

namespace {

ClientResponse convert(const httplib::Result& r) {
  ClientResponse out;
  if (!r) return out;
  out.status = r->status;
  out.body = r->body;
  for (const auto& [name, value] : r->headers) {
    std::string key = name;
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace(std::move(key), value);
  }
  return out;
}

}  // namespace

void Client::remember_cookies(const ClientResponse& r) {
  auto range = r.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it) {
    const std::string& c = it->second;
    size_t eq = c.find('=');
    size_t semi = c.find(';');
    if (eq == std::string::npos) continue;
    std::string name = c.substr(0, eq);
    std::string value = c.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    if (c.find("Max-Age=0") != std::string::npos)
      cookies_.erase(name);
    else
      cookies_[name] = value;
  }
}

std::string Client::cookie_header() const {
  std::string out;
  for (const auto& [name, value] : cookies_) {
    if (!out.empty()) out += "; ";
    out += name + "=" + value;
  }
  return out;
}

ClientResponse Client::get(const std::string& target) {
  httplib::Headers h(extra_headers_.begin(), extra_headers_.end());
  if (!cookies_.empty()) h.emplace("Cookie", cookie_header());
  auto r = convert(impl_->client.Get(target, h));
  remember_cookies(r);
  return r;
}

ClientResponse Client::post_form(const std::string& target,
                                 const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [k, v] : fields) {
    if (!body.empty()) body += '&';
    body += url_encode(k) + "=" + url_encode(v);
  }
  httplib::Headers h(extra_headers_.begin(), extra_headers_.end());
  if (!cookies_.empty()) h.emplace("Cookie", cookie_header());
  auto r = convert(impl_->client.Post(target, h, body, "application/x-www-form-urlencoded"));
  remember_cookies(r);
  return r;
}

ClientResponse Client::post_multipart(const std::string& target,
                                      const std::vector<std::pair<std::string, std::string>>& fields,
                                      const std::vector<UploadedFile>& files) {
  httplib::MultipartFormDataItems items;
  for (const auto& [k, v] : fields) items.push_back({k, v, "", ""});
  for (const auto& f : files) items.push_back({f.field, f.content, f.filename, f.content_type});
  httplib::Headers h(extra_headers_.begin(), extra_headers_.end());
  if (!cookies_.empty()) h.emplace("Cookie", cookie_header());
  auto r = convert(impl_->client.Post(target, h, items));
  remember_cookies(r);
  return r;
}

ClientResponse Client::post_json(const std::string& target, const std::string& json) {
  httplib::Headers h(extra_headers_.begin(), extra_headers_.end());
  if (!cookies_.empty()) h.emplace("Cookie", cookie_header());
  auto r = convert(impl_->client.Post(target, h, json, "application/json"));
  remember_cookies(r);
  return r;
}

}  // namespace beacon::http

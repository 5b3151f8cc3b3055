// The browser tests' server: the web application over the small hand-made
// organisation of web/test_support.h, with the administrator "admin" /
// "correct horse battery" (administrator, performance analyst and practice hub), and "sw",
// "tm" and "cllr" with the same password (a social worker, a team manager, a scrutiny
// member). Usage: web_sample_server PORT_FILE [ASSETS_DIR]
// — listens on a free loopback port and writes it to PORT_FILE.
// (A .cpp file, so beacon_module() does not build it into the library.)
#include <fstream>
#include <iostream>

#include "web/serve.h"
#include "web/test_support.h"

int main(int argc, char** argv) {
  using namespace beacon;
  if (argc < 2) {
    std::cerr << "usage: web_sample_server PORT_FILE [ASSETS_DIR]\n";
    return 2;
  }
  web::testing::TestBackend backend;
  // The first administrator's roles: administrator, performance analyst and practice hub.
  web::testing::add_test_user(backend.users(), "admin", web::first_administrator_roles());
  // One person per role's home (web/tests/roles.test.mjs): Alex Able's own
  // children, Assessment team 1's manager, a scrutiny councillor.
  web::testing::add_test_user(backend.users(), "sw", {access::Role::kSocialWorker}, "W1");
  web::testing::add_test_user(backend.users(), "tm", {access::Role::kTeamManager}, "T1");
  web::testing::add_test_user(backend.users(), "cllr", {access::Role::kScrutiny});
  web::ServeOptions o;
  o.server.port = 0;
  o.server.threads = 32;
  o.web.assets_dir = argc > 2 ? argv[2] : "";
  o.web.uploads_dir = (std::filesystem::temp_directory_path() / ("beacon-sample-" + web::random_token(6))).string();
  o.web.max_upload_bytes = 1 << 20;
  o.web.fast_password_hash = true;
  std::string port_file = argv[1];
  // serve() prints the address; the port is read back from it for the file.
  struct Tee : std::streambuf {
    std::string line, port_file;
    int overflow(int c) override {
      std::cout.put(static_cast<char>(c));
      if (c == '\n') {
        auto at = line.find("http://127.0.0.1:");
        if (at != std::string::npos) {
          std::ofstream(port_file) << line.substr(at + 17, line.find('/', at + 17) - at - 17) << "\n";
        }
        line.clear();
      } else {
        line += static_cast<char>(c);
      }
      return c;
    }
  } tee;
  tee.port_file = port_file;
  std::ostream os(&tee);
  auto st = web::serve(backend, o, os);
  std::filesystem::remove_all(o.web.uploads_dir);
  if (!st) {
    std::cerr << "web_sample_server: " << st.message() << "\n";
    return 1;
  }
  return 0;
}

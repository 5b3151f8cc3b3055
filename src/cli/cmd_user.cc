// `beacon user add|list|disable`: user administration without the web, for
// setting up and for when no administrator can sign in. Passwords are
// generated and printed once; only their Argon2id hashes are kept. Each
// change is written to the audit trail as done from the command line.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "access/role.h"
#include "cli/commands.h"
#include "store/store.h"
#include "web/auth/password.h"

namespace beacon::cli {
namespace {

struct UserOptions {
  std::string db;
  std::string name;
  std::string display_name;
  std::vector<std::string> roles;
  std::string scope;
};

std::string who_ran() {
  const char* user = std::getenv("USER");
  return user && *user ? std::string(user) + " (command line)" : "command line";
}

Result<std::unique_ptr<Store>> open_existing(const std::string& db, bool create) {
  std::error_code ec;
  if (!create && !std::filesystem::exists(db, ec))
    return Status::not_found("there is no store at " + db);
  return open_sqlite_store(db);
}

int add_user(const UserOptions& o) {
  std::vector<std::string> unknown;
  std::string list;
  for (const auto& r : o.roles) list += r + ",";
  auto roles = access::parse_roles(list, &unknown);
  if (!unknown.empty() || roles.empty()) {
    std::cerr << "beacon user add: give --role one or more of:";
    for (access::Role r : access::all_roles()) std::cerr << " " << access::role_id(r);
    std::cerr << (unknown.empty() ? "" : " (not " + unknown.front() + ")") << "\n";
    return 2;
  }
  auto store = open_existing(o.db, true);
  if (!store) {
    std::cerr << "beacon user add: " << store.status().message() << "\n";
    return 1;
  }
  std::string password = web::generate_password();
  auto hash = web::hash_password(password);
  if (!hash) {
    std::cerr << "beacon user add: " << hash.status().message() << "\n";
    return 1;
  }
  UserRecord u;
  u.name = o.name;
  u.display_name = o.display_name.empty() ? o.name : o.display_name;
  u.roles = access::roles_text(roles);
  u.scope = o.scope;
  u.password_hash = *hash;
  auto id = (*store)->add_user(u);
  if (!id) {
    std::cerr << "beacon user add: " << id.status().message() << "\n";
    return 1;
  }
  (void)(*store)->append_audit(
      {0, "", who_ran(), "user-add", "user " + u.name,
       "roles " + u.roles + "; scope " + (u.scope.empty() ? "none" : u.scope), "command line"});
  std::cout << "Added " << u.name << " (" << u.roles
            << (u.scope.empty() ? "" : ", scope " + u.scope) << ").\n"
            << "  user name: " << u.name << "\n  password: " << password << "\n"
            << "The password is shown only now.\n";
  return 0;
}

int list_users(const UserOptions& o) {
  auto store = open_existing(o.db, false);
  if (!store) {
    std::cerr << "beacon user list: " << store.status().message() << "\n";
    return 1;
  }
  auto users = (*store)->users();
  if (!users) {
    std::cerr << "beacon user list: " << users.status().message() << "\n";
    return 1;
  }
  for (const auto& u : *users)
    std::cout << u.name << "\t" << u.display_name << "\t" << u.roles << "\t"
              << (u.scope.empty() ? "-" : u.scope) << "\t" << (u.disabled ? "disabled" : "active")
              << "\n";
  return 0;
}

int disable_user(const UserOptions& o) {
  auto store = open_existing(o.db, false);
  if (!store) {
    std::cerr << "beacon user disable: " << store.status().message() << "\n";
    return 1;
  }
  auto users = (*store)->users();
  if (!users) {
    std::cerr << "beacon user disable: " << users.status().message() << "\n";
    return 1;
  }
  for (auto u : *users) {
    if (u.name != o.name) continue;
    UserChange change;
    change.disabled = true;
    if (auto st = (*store)->change_user(u.id, change); !st) {
      std::cerr << "beacon user disable: " << st.message() << "\n";
      return 1;
    }
    (void)(*store)->append_audit(
        {0, "", who_ran(), "user-update", "user " + u.name, "disabled", "command line"});
    std::cout << "Disabled " << u.name
              << ": they cannot sign in, and a running beacon serve ends their sessions within "
                 "a few seconds.\n";
    return 0;
  }
  std::cerr << "beacon user disable: there is no user " << o.name << "\n";
  return 1;
}

}  // namespace

void add_user_commands(CLI::App& app, int& exit_code) {
  auto* user = app.add_subcommand("user", "Add, list or disable the people who sign in");
  user->require_subcommand(1);
  auto o = std::make_shared<UserOptions>();
  std::string roles_help = "Role (repeatable):";
  for (access::Role r : access::all_roles()) roles_help += " " + std::string(access::role_id(r));

  auto* add = user->add_subcommand("add", "Add a user with a generated password (printed once)");
  add->add_option("--db", o->db, "The store (an SQLite file)")->required();
  add->add_option("--name", o->name, "User name to sign in with")->required();
  add->add_option("--display-name", o->display_name, "The person's full name");
  add->add_option("--role", o->roles, roles_help)->required();
  add->add_option("--scope", o->scope,
                  "Worker id (social worker), team (team manager), service or locality");
  add->callback([o, &exit_code] { exit_code = add_user(*o); });

  auto* list = user->add_subcommand("list", "List users: name, full name, roles, scope, status");
  list->add_option("--db", o->db, "The store (an SQLite file)")->required();
  list->callback([o, &exit_code] { exit_code = list_users(*o); });

  auto* disable = user->add_subcommand("disable", "Stop a user signing in");
  disable->add_option("--db", o->db, "The store (an SQLite file)")->required();
  disable->add_option("--name", o->name, "User name")->required();
  disable->callback([o, &exit_code] { exit_code = disable_user(*o); });
}

}  // namespace beacon::cli

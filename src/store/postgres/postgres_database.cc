#include "store/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <atomic>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

#include "store/postgres/postgres_sql.h"

namespace medbcp::store {
namespace {

// Type OIDs of the built-in types the engine names (pg_type.h is a server
// header; these numbers are fixed by PostgreSQL's catalog).
constexpr Oid kBool = 16;
constexpr Oid kBytea = 17;
constexpr Oid kInt8 = 20;
constexpr Oid kFloat8 = 701;

std::string sqlstate_of(const PGresult* result) {
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  return state == nullptr ? std::string() : std::string(state);
}

std::string primary_message(const PGresult* result, PGconn* conn) {
  const char* primary =
      result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  if (primary != nullptr) return primary;
  std::string message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// Throws the error a failed command stands for: a lost connection (class
// 08, or no result at all), a full disk (53100), or any other failure.
[[noreturn]] void fail(PGconn* conn, const PGresult* result, std::string_view what) {
  const std::string state = result == nullptr ? std::string() : sqlstate_of(result);
  const std::string message = std::string(what) + ": " + primary_message(result, conn);
  if (PQstatus(conn) == CONNECTION_BAD || state.starts_with("08") || state == "57P01" ||
      state == "57P02" || state == "57P03") {
    throw ConnectionLostError(
        "データベースとの接続が切れました。何も保存されていません。しばらくしてからもう一度"
        "操作してください（" +
        message + "）。");
  }
  if (state == "53100") {
    throw DiskFullError("データベースのディスクの空きがありません。何も保存されていません（" +
                        message + "）。管理者に連絡してください。");
  }
  throw StoreError(message);
}

// Writes committed by any connection of this process (a transaction's
// COMMIT, or a write outside one). A connection that remembers the change
// counter re-reads it when this moved: another thread's commit is seen by the
// very next request, without waiting for its notification to arrive.
std::atomic<std::uint64_t> process_writes{0};

// The channel the change counter's trigger notifies (payload: the schema).
constexpr const char* kChangeChannel = "medbcp_change";

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresStatement final : public Statement {
 public:
  PostgresStatement(PGconn* conn, std::string_view sql)
      : conn_(conn), numbered_(postgres::number_placeholders(sql)) {
    values_.resize(static_cast<std::size_t>(numbered_.parameters));
    types_.assign(values_.size(), 0);
    formats_.assign(values_.size(), 0);
  }

  Statement& bind(int index, std::int64_t value) override {
    char buffer[24];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    (void)ec;
    return set(index, std::string(buffer, end), kInt8, 0);
  }
  // Text goes in binary format with its type left to the server: the bytes
  // arrive untouched whether the column is text or bytea (a bytea column
  // would read a text-format value as an escape sequence).
  Statement& bind(int index, std::string_view value) override {
    return set(index, std::string(value), 0, 1);
  }
  Statement& bind(int index, double value) override {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    (void)ec;
    return set(index, std::string(buffer, end), kFloat8, 0);
  }
  Statement& bind_null(int index) override {
    slot(index);
    values_[static_cast<std::size_t>(index - 1)].reset();
    return *this;
  }
  Statement& bind_blob(int index, std::string_view bytes) override {
    return set(index, std::string(bytes), kBytea, 1);
  }

  bool step() override {
    if (!result_) execute();
    ++row_;
    return row_ < PQntuples(result_.get());
  }
  void reset() override {
    result_.reset();
    row_ = -1;
    for (auto& value : values_) value.reset();
  }

  bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }
  bool is_blob(int column) const override {
    return !is_null(column) && PQftype(result_.get(), column) == kBytea;
  }
  std::int64_t integer(int column) const override {
    if (is_null(column)) return 0;
    const char* value = PQgetvalue(result_.get(), row_, column);
    if (PQftype(result_.get(), column) == kBool) return value[0] == 't' ? 1 : 0;
    std::int64_t out = 0;
    const char* end = value + std::strlen(value);
    const auto [ptr, ec] = std::from_chars(value, end, out);
    if (ec != std::errc() || (ptr != end && *ptr == '.')) {
      return static_cast<std::int64_t>(std::strtod(value, nullptr));  // numeric, e.g. SUM
    }
    return out;
  }
  double real(int column) const override {
    if (is_null(column)) return 0;
    return std::strtod(PQgetvalue(result_.get(), row_, column), nullptr);
  }
  std::string text(int column) const override {
    std::string out;
    text_into(column, out);
    return out;
  }
  void text_into(int column, std::string& out) const override {
    if (is_null(column)) {
      out.clear();
      return;
    }
    if (PQftype(result_.get(), column) == kBytea) {
      out = blob(column);
      return;
    }
    out.assign(PQgetvalue(result_.get(), row_, column),
               static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
  }
  std::string blob(int column) const override {
    if (is_null(column)) return {};
    const auto* escaped =
        reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row_, column));
    if (PQftype(result_.get(), column) != kBytea) {
      return std::string(reinterpret_cast<const char*>(escaped),
                         static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
    }
    std::size_t length = 0;
    unsigned char* bytes = PQunescapeBytea(escaped, &length);
    if (bytes == nullptr) throw StoreError("bytea value could not be decoded");
    std::string out(reinterpret_cast<const char*>(bytes), length);
    PQfreemem(bytes);
    return out;
  }

 private:
  void slot(int index) const {
    if (index < 1 || index > numbered_.parameters) {
      std::string message = "bind: parameter ";
      message.append(std::to_string(index)).append(" of ");
      message.append(std::to_string(numbered_.parameters)).append(" (");
      message.append(numbered_.sql.substr(0, 80)).append(")");
      throw StoreError(message);
    }
  }
  Statement& set(int index, std::string value, Oid type, int format) {
    slot(index);
    const auto i = static_cast<std::size_t>(index - 1);
    values_[i] = std::move(value);
    types_[i] = type;
    formats_[i] = format;
    return *this;
  }
  void execute() {
    std::vector<const char*> pointers(values_.size());
    std::vector<int> lengths(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) {
      pointers[i] = values_[i] ? values_[i]->data() : nullptr;
      lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
    }
    result_.reset(PQexecParams(conn_, numbered_.sql.c_str(), numbered_.parameters, types_.data(),
                               pointers.data(), lengths.data(), formats_.data(), 0));
    const ExecStatusType status = result_ ? PQresultStatus(result_.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      const Result failed = std::move(result_);
      fail(conn_, failed.get(),
           std::string("SQL failed (").append(numbered_.sql, 0, 80).append(")"));
    }
    // A write outside a transaction is committed now.
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE &&
        std::string_view(PQcmdStatus(result_.get())).substr(0, 6) != "SELECT") {
      process_writes.fetch_add(1, std::memory_order_release);
    }
    row_ = -1;
  }

  PGconn* conn_;
  postgres::NumberedSql numbered_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  std::vector<int> formats_;
  Result result_;
  int row_ = -1;
};

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(PGconn* conn) : conn_(conn) {}
  ~PostgresDatabase() override { PQfinish(conn_); }

  std::unique_ptr<Statement> prepare(std::string_view sql) override {
    reconnect_if_lost();
    return std::make_unique<PostgresStatement>(conn_, sql);
  }
  void execute_script(std::string_view sql) override {
    reconnect_if_lost();
    const Result result(PQexec(conn_, std::string(sql).c_str()));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      fail(conn_, result.get(),
           std::string("SQL script failed (").append(sql.substr(0, 80)).append(")"));
    }
  }
  // One writer at a time per schema (a facility's tables), as SQLite's
  // BEGIN IMMEDIATE gives: use cases read, then write what they read
  // (the next timeline number, the next 管理番号) and count on nobody
  // writing in between. The lock ends with the transaction.
  void begin() override {
    execute_script("BEGIN");
    try {
      execute_script("SELECT pg_advisory_xact_lock(7290, hashtext(current_schema()))");
    } catch (...) {
      rollback();
      throw;
    }
  }
  void commit() override {
    execute_script("COMMIT");
    process_writes.fetch_add(1, std::memory_order_release);
  }
  void rollback() override {
    if (PQstatus(conn_) == CONNECTION_OK && in_transaction()) {
      const Result result(PQexec(conn_, "ROLLBACK"));
    }
  }
  bool in_transaction() const override {
    const PGTransactionStatusType status = PQtransactionStatus(conn_);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
  }
  std::string_view dialect() const override { return "postgres"; }
  // Makes the connection work in `schema` alone (a facility shares its
  // thread's connection with the others of the same server). Kept across
  // reconnects, which would otherwise fall back to the URL's search_path.
  void use_schema(const std::string& schema) {
    if (schema == schema_) return;
    if (in_transaction()) {
      throw StoreError("internal: a connection cannot change facility inside a transaction");
    }
    schema_ = schema;
    apply_schema();
  }
  // The schema's change counter, moved by a statement trigger on every
  // table (see store/migrations/postgres/), by any connection; a
  // connection's own changes are in it too.
  //
  // Asked on every page view, it is remembered instead of asked each time:
  // the counter's trigger also notifies kChangeChannel, which this
  // connection listens to, so a commit by another process (the CLI, a
  // second server) arrives as a notification, read here without a round
  // trip; a commit by this process moves process_writes. Either forgets
  // what was remembered. (Another process's commit is seen once its
  // notification has reached this connection, a few milliseconds later.)
  ChangeStamp change_stamp() override {
    if (in_transaction()) return read_change_counter();
    listen_for_changes();
    // A connection found closed (a restart, a failover) remembers nothing:
    // the next read connects again.
    if (PQconsumeInput(conn_) == 0 || PQstatus(conn_) == CONNECTION_BAD) known_.clear();
    while (PGnotify* notice = PQnotifies(conn_)) {
      known_.clear();  // any facility's commit: cheaper than telling them apart
      PQfreemem(notice);
    }
    const std::uint64_t writes = process_writes.load(std::memory_order_acquire);
    if (const auto it = known_.find(schema_); it != known_.end() && it->second.writes == writes) {
      return {it->second.counter, 0};
    }
    const ChangeStamp stamp = read_change_counter();
    if (listening_) known_[schema_] = {stamp.others, writes};
    return stamp;
  }

 private:
  // Outside a transaction a lost connection is made again (PQreset walks
  // every host of the URL again, so a promoted standby is found); inside
  // one, what the transaction did is gone and the use case must fail.
  void reconnect_if_lost() {
    if (PQstatus(conn_) != CONNECTION_BAD) return;
    listening_ = false;  // a new session listens to nothing
    known_.clear();
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) fail(conn_, nullptr, "reconnect");
    configure();
  }

 public:
  void configure() {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    if (PQsetClientEncoding(conn_, "UTF8") != 0) fail(conn_, nullptr, "client_encoding");
    if (!schema_.empty()) apply_schema();
  }

 private:
  void apply_schema() {
    // set_config() takes the name as a bound value; quote_ident() keeps it
    // one identifier whatever it holds.
    auto stmt = prepare("SELECT set_config('search_path', quote_ident(?), false)");
    stmt->bind(1, schema_);
    stmt->step();
  }

  ChangeStamp read_change_counter() {
    auto stmt = prepare("SELECT n FROM medbcp_change_counter WHERE id = 1");
    if (!stmt->step()) return {};
    return {stmt->integer(0), 0};
  }
  // LISTEN once per session. Where it cannot (a read-only standby), nothing
  // is remembered and every call asks.
  void listen_for_changes() {
    if (listening_ || listen_refused_) return;
    const Result result(PQexec(conn_, (std::string("LISTEN ") + kChangeChannel).c_str()));
    if (result && PQresultStatus(result.get()) == PGRES_COMMAND_OK) {
      listening_ = true;
      known_.clear();
    } else {
      listen_refused_ = PQstatus(conn_) == CONNECTION_OK;
    }
  }

  struct KnownCounter {
    std::int64_t counter = 0;
    std::uint64_t writes = 0;  // process_writes when it was read
  };

  PGconn* conn_;
  std::string schema_;  // "" : the URL's own search_path
  bool listening_ = false;
  bool listen_refused_ = false;
  std::map<std::string, KnownCounter> known_;  // by schema_
};

}  // namespace

void postgres_use_schema(Database& db, const std::string& schema) {
  auto* postgres = dynamic_cast<PostgresDatabase*>(&db);
  if (postgres == nullptr) throw StoreError("internal: use_schema on a database without schemas");
  postgres->use_schema(schema);
}

void install_change_counter(Database& db) {
  // Installed already (every opening of a facility comes here): asked in
  // one query, since replacing the function and checking every table in a
  // transaction of its own costs a durable commit each time.
  auto installed = db.prepare(R"sql(
SELECT to_regclass('medbcp_change_counter') IS NOT NULL
   AND EXISTS (SELECT 1 FROM pg_proc p
                WHERE p.proname = 'medbcp_count_change'
                  AND p.pronamespace = current_schema()::regnamespace
                  AND p.prosrc LIKE '%pg_notify%')
   AND NOT EXISTS (SELECT 1 FROM pg_class c
                    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                      AND c.relname <> 'medbcp_change_counter'
                      AND NOT EXISTS (SELECT 1 FROM pg_trigger g
                                       WHERE g.tgrelid = c.oid
                                         AND g.tgname = 'medbcp_count_change')))sql");
  if (installed->step() && installed->integer(0) == 1) return;
  installed.reset();
  Transaction tx(db);
  db.execute_script(R"sql(
CREATE TABLE IF NOT EXISTS medbcp_change_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n BIGINT NOT NULL
);
INSERT INTO medbcp_change_counter (id, n) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
CREATE OR REPLACE FUNCTION medbcp_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE medbcp_change_counter SET n = n + 1 WHERE id = 1;
  -- Servers keep the counter they read until told (one notice per
  -- transaction: PostgreSQL folds identical ones).
  PERFORM pg_notify('medbcp_change', TG_TABLE_SCHEMA);
  -- A facility of an association: its line of the overview must be counted
  -- again (not for a page view's session touch or a sign-in, which change
  -- nothing the overview shows).
  IF TG_TABLE_NAME NOT IN ('sessions', 'login_attempts', 'audit_log')
     AND to_regclass('medbcp_registry.facility_readiness') IS NOT NULL THEN
    UPDATE medbcp_registry.facility_readiness SET stale = true
     WHERE schema_name = TG_TABLE_SCHEMA AND NOT stale;
  END IF;
  RETURN NULL;
END $$;
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
       AND c.relname <> 'medbcp_change_counter'
       AND NOT EXISTS (SELECT 1 FROM pg_trigger g
                        WHERE g.tgrelid = c.oid AND g.tgname = 'medbcp_count_change')
  LOOP
    EXECUTE format('CREATE TRIGGER medbcp_count_change AFTER INSERT OR UPDATE OR DELETE OR '
                   'TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION medbcp_count_change()',
                   t.relname);
  END LOOP;
END $$;
)sql");
  tx.commit();
}

std::unique_ptr<Database> open_postgres(const std::string& url) {
  const std::string shown = postgres::redact_location(url);
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &parse_error);
  if (options == nullptr) {
    const std::string detail =
        parse_error == nullptr ? "" : postgres::scrub_message(parse_error, url);
    PQfreemem(parse_error);
    throw StoreError(
        "データベースの URL「" + shown +
        "」の書き方が正しくありません（例: postgresql://利用者@ホスト/データベース）。" + detail);
  }
  PQconninfoFree(options);
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) throw StoreError("PostgreSQL に接続できませんでした（メモリ不足）。");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = postgres::scrub_message(PQerrorMessage(conn), url);
    PQfinish(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    throw StoreError("データベース「" + shown + "」に接続できません: " +
                     postgres::explain_connection_failure(message) + "（" + message + "）");
  }
  auto db = std::make_unique<PostgresDatabase>(conn);
  db->configure();
  const char* encoding = PQparameterStatus(conn, "server_encoding");
  if (encoding == nullptr || std::string_view(encoding) != "UTF8") {
    throw StoreError("データベース「" + shown + "」の文字コードが UTF8 ではありません（" +
                     (encoding == nullptr ? std::string("不明") : std::string(encoding)) +
                     "）。ENCODING 'UTF8' で作ったデータベースを指定してください。");
  }
  return db;
}

}  // namespace medbcp::store

// Benchmark of the incident timeline (not a test; timings live here):
//
//   1. append N durable entries through the use case a person triggers
//      (app::log_entry: one transaction and one fsync each, synchronous=FULL),
//      reporting entries/s and the latency of one append;
//   2. verify an M-entry chain the way `medbcp incident verify` does
//      (app::verify_incident: read back from SQLite, SHA-256 of every entry),
//      and, beside it in the same run, `sha256sum` over exactly the bytes
//      that verification hashes (each entry's previous hash and canonical
//      encoding), written to a file first.
//
//   medbcp_timeline_bench [--append N] [--verify M] [--runs R] [--dir DIR] [--db LOCATION]
//   (defaults: 100000, 1000000, 5, a fresh folder under $TMPDIR)
//
// bench/timeline_bench.sh runs it from the build and writes the figures.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/incident_service.h"
#include "app/workspace.h"
#include "core/timeline.h"
#include "store/database.h"
#include "store/incident_store.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using medbcp::core::Instant;
namespace app = medbcp::app;
namespace core = medbcp::core;
namespace store = medbcp::store;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return 0;
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  return v[i];
}

// Entries shaped like a real day's record: a time, a place, a short
// Japanese sentence; a step or contact now and then.
std::string entry_text(std::mt19937& rng, int n) {
  static const char* kFacts[] = {
      "受付端末の画面に英語の脅迫文が表示されている。共有フォルダのファイルが開けない",
      "電子カルテサーバにログインできない。事業者に連絡し、折り返しを待っている",
      "診察室の端末は正常に起動した。ネットワークからは切り離したまま",
      "外付けHDDのバックアップは前夜から切り離して金庫に保管している",
      "VPN装置の管理画面に見覚えのないログイン履歴（深夜2時台）",
      "紙カルテでの受付を開始。予約患者の一覧を印刷済みの控えから作成",
  };
  std::string text = kFacts[rng() % std::size(kFacts)];
  text += "（記録 " + std::to_string(n) + "）";
  return text;
}

struct Args {
  int append = 100000;
  int verify = 1000000;
  int runs = 5;
  std::string dir;
  std::string db;  // where to append ("" : a SQLite file in dir), e.g. postgresql://…
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--append")
      a.append = std::stoi(value);
    else if (flag == "--verify")
      a.verify = std::stoi(value);
    else if (flag == "--runs")
      a.runs = std::stoi(value);
    else if (flag == "--dir")
      a.dir = value;
    else if (flag == "--db")
      a.db = value;
    else {
      std::cerr << "unknown flag " << flag << "\n";
      std::exit(2);
    }
  }
  return a;
}

app::Actor bench_actor() { return app::Actor{core::UserId(), "bench", app::Role::Admin}; }

core::IncidentId start(app::Workspace& ws) {
  app::StartIncidentRequest r;
  r.threat = core::ThreatKind::Malware;
  r.discovery.discoverer = "受付 中村";
  r.discovery.situation = "画面に脅迫文";
  r.discovery.discovered_at = Instant::now();
  const auto started = app::start_incident(ws, bench_actor(), r, Instant::now());
  if (!started.problems.empty()) throw std::runtime_error(started.problems.front().message);
  return started.id;
}

void bench_append(const Args& args, const fs::path& dir) {
  auto ws = app::Workspace::open(args.db.empty() ? (dir / "append.db").string() : args.db);
  const core::IncidentId id = start(*ws);
  std::mt19937 rng(1);
  std::vector<double> latency;
  latency.reserve(static_cast<std::size_t>(args.append));
  const auto begin = Clock::now();
  for (int i = 0; i < args.append; ++i) {
    const std::string text = entry_text(rng, i);
    const auto t = Clock::now();
    const auto r =
        app::log_entry(*ws, bench_actor(), id, {core::EntryKind::Fact, text, {}}, Instant::now());
    latency.push_back(seconds_since(t));
    if (!r.problems.empty()) throw std::runtime_error(r.problems.front().message);
  }
  const double total = seconds_since(begin);
  std::printf(
      "append: %d durable entries in %.2f s = %.0f entries/s; one append median %.3f ms, "
      "p99 %.3f ms\n",
      args.append, total, args.append / total, median(latency) * 1e3,
      percentile(latency, 0.99) * 1e3);
}

// Builds the M-entry chain in batches (the chain is what matters here, not
// how fast it was written), and writes the hashed bytes to `bytes_path`.
core::IncidentId build_chain(app::Workspace& ws, int entries, const fs::path& bytes_path,
                             std::uint64_t& hashed_bytes) {
  const core::IncidentId id = start(ws);
  std::mt19937 rng(2);
  std::ofstream bytes(bytes_path, std::ios::binary);
  std::string encoding;
  auto& db = ws.db();
  const Instant t0 = Instant::now();
  for (int done = 1; done < entries;) {  // the start entry is already entry 1
    store::Transaction tx(db);
    for (int i = 0; i < 20000 && done < entries; ++i, ++done) {
      core::TimelineEntry e;
      e.id = core::new_entry_id();
      e.incident = id;
      e.kind = done % 7 == 0 ? core::EntryKind::Action : core::EntryKind::Fact;
      e.occurred_at = Instant{t0.seconds + done};
      e.recorded_at = e.occurred_at;
      e.author = "bench";
      e.text = entry_text(rng, done);
      store::append_timeline_entry(db, std::move(e));
    }
    tx.commit();
  }
  // What verification hashes, entry by entry: previous hash || encoding.
  hashed_bytes = 0;
  store::for_each_timeline_entry(db, id, [&](const core::TimelineEntry& e) {
    const core::Digest prev = *core::digest_from_hex(e.prev_hash);
    encoding.assign(reinterpret_cast<const char*>(prev.data()), prev.size());
    core::append_canonical_encoding(encoding, e);
    bytes.write(encoding.data(), static_cast<std::streamsize>(encoding.size()));
    hashed_bytes += encoding.size();
  });
  return id;
}

double time_command(const std::string& command) {
  const auto t = Clock::now();
  const int status = std::system(command.c_str());
  if (status != 0) throw std::runtime_error("failed: " + command);
  return seconds_since(t);
}

void bench_verify(const Args& args, const fs::path& dir) {
  auto ws = app::Workspace::open((dir / "verify.db").string());
  std::uint64_t bytes = 0;
  const fs::path bytes_path = dir / "hashed-bytes.bin";
  const core::IncidentId id = build_chain(*ws, args.verify, bytes_path, bytes);
  std::vector<double> verify_s, sha_s;
  for (int run = 0; run < args.runs; ++run) {
    const auto t = Clock::now();
    const core::ChainReport report = app::verify_incident(*ws, bench_actor(), id);
    verify_s.push_back(seconds_since(t));
    if (!report.ok() || report.entries != args.verify) throw std::runtime_error("chain broken");
    sha_s.push_back(time_command("sha256sum '" + bytes_path.string() + "' >/dev/null"));
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  const double v = median(verify_s);
  const double s = median(sha_s);
  std::printf(
      "verify: %d entries (%.1f MB hashed) median %.3f s = %.0f entries/s, %.1f MB/s "
      "(app::verify_incident, reading SQLite)\n",
      args.verify, mb, v, args.verify / v, mb / v);
  std::printf("sha256sum: same %.1f MB median %.3f s = %.1f MB/s\n", mb, s, mb / s);
  std::printf("verify / sha256sum throughput: %.0f%%\n", 100.0 * s / v);
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse(argc, argv);
  const fs::path dir =
      args.dir.empty()
          ? fs::temp_directory_path() / ("medbcp-timeline-bench-" + std::to_string(::getpid()))
          : fs::path(args.dir);
  fs::create_directories(dir);
  try {
    if (args.append > 0) bench_append(args, dir);
    if (args.verify > 0) bench_verify(args, dir);
  } catch (const std::exception& e) {
    std::cerr << "timeline bench: " << e.what() << "\n";
    return 1;
  }
  if (args.dir.empty()) fs::remove_all(dir);
  return 0;
}

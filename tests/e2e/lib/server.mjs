// Starts the medbcp binary under test on a free port of 127.0.0.1 with a
// database of its own in a temporary folder, and stops it afterwards.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const binary = process.env.MEDBCP_BIN;
if (!binary) throw new Error("MEDBCP_BIN must name the medbcp binary (see run.sh)");

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

// Runs a medbcp command against the database; throws when it fails.
export function medbcp(db, args, input) {
  const r = spawnSync(binary, ["--db", db, ...args], { input, encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`medbcp ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  }
  return r.stdout;
}

// options.demo: create the demo plan; options.users: [{name, role, password}]
export async function startServer(options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medbcp-e2e-"));
  const db = path.join(dir, "e2e.db");
  if (options.demo) medbcp(db, ["init", "--demo"]);
  for (const u of options.users ?? []) {
    medbcp(db, ["user", "add", "--name", u.name, "--role", u.role, "--password-stdin"],
           u.password + "\n");
  }
  const port = await freePort();
  const child = spawn(binary, ["--db", db, "serve", "--port", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    try {
      const res = await fetch(url + "/assets/app.css");
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error("medbcp serve did not start:\n" + log);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    db,
    log: () => log,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.on("exit", r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

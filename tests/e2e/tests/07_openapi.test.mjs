// The JSON API's OpenAPI document: valid OpenAPI 3.1 by Redocly's
// recommended rules (the lint fails on any error), and the one the server
// serves at /api/v1/openapi.json.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { startServer } from "../lib/server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const documentPath = join(here, "..", "..", "..", "api", "openapi.json");
const redocly = join(here, "..", "node_modules", ".bin", "redocly");

let server;

before(async () => {
  server = await startServer({ demo: true });
});

after(async () => {
  await server?.stop();
});

test("api/openapi.json passes Redocly's lint", () => {
  // execFileSync throws when redocly exits non-zero (an error in the document).
  const out = execFileSync(redocly, ["lint", "--format=stylish", documentPath], {
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  assert.doesNotMatch(out, /error/i);
});

test("the server serves the same document", async () => {
  const response = await fetch(server.url + "/api/v1/openapi.json");
  assert.equal(response.status, 200);
  assert.equal(await response.text(), readFileSync(documentPath, "utf8"));
});

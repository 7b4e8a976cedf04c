// The offline kit on the day the network is down: the kit made by
// `medbcp kit --out DIR` is opened from file:// in Chromium with networking
// off; an incident is logged in it, the page is reloaded (nothing lost),
// more is logged, and the log is exported as JSON. `medbcp incident import`
// merges it, a second import adds nothing, `medbcp incident verify` finds
// the timeline chain intact, and an edited copy of the file is refused.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { htmlProblems, openBrowser, screenshot } from "../lib/browser.mjs";

const medbcp = process.env.MEDBCP_BIN;
let dir;
let browser;

function run(db, args) {
  const r = spawnSync(medbcp, ["--db", db, ...args], { encoding: "utf8" });
  return { code: r.status, out: (r.stdout || "") + (r.stderr || "") };
}

before(async () => {
  assert.ok(medbcp, "MEDBCP_BIN names the medbcp binary (tests/e2e/run.sh sets it)");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "medbcp-kit-e2e-"));
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("offline kit: log from file:// with the network off, export, import twice, verify", async () => {
  const db = path.join(dir, "medbcp.db");
  assert.equal(run(db, ["init", "--demo"]).code, 0);
  const made = run(db, ["kit", "--out", path.join(dir, "usb")]);
  assert.equal(made.code, 0, made.out);
  const kitFile = fs.readdirSync(path.join(dir, "usb")).find((f) => f.endsWith(".html"));
  assert.ok(kitFile, "the kit is one HTML file");
  const kitUrl = "file://" + path.join(dir, "usb", kitFile);
  assert.deepEqual(await htmlProblems(fs.readFileSync(path.join(dir, "usb", kitFile), "utf8")), []);

  const { context, page } = browser;
  await context.setOffline(true);
  // Anything but the file itself (and the Blob of the export) is a leak.
  const external = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(file|blob|data):/.test(url) || url === "about:srcdoc") return route.continue();
    external.push(url);
    return route.abort();
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));

  await page.goto(kitUrl);
  assert.match(await page.locator(".kit-head .stamp").innerText(), /計画 第.+版・このキットの作成 令和/);
  assert.ok((await page.locator('#contacts a[href^="tel:"]').count()) > 0, "phone numbers are tel: links");

  // The discovery report.
  await page.fill("#author", "中村 さくら");
  await page.fill("#r-title", "受付PCに脅迫文");
  await page.fill("#r-how", "始業時に受付PCを起動したところ");
  await page.fill("#r-situation", "画面に英語の脅迫文。ファイルが開けない");
  await page.fill("#r-actions", "LANケーブルを抜いた");
  // What is affected, ticked from the plan and 別紙２ the kit was built with.
  await page.locator('#report-form input[name="system[]"][data-name="電子カルテシステム"]').check();
  await page.locator("#report-form details.choices summary").click();
  await page.locator('#report-form input[name="device[]"][data-asset="PC-001"]').check();
  // 想定事象 starts unchosen: nothing is recorded on the person's behalf.
  assert.equal(await page.locator("#r-threat").inputValue(), "");
  await page.click("#report-form button[type=submit]");
  assert.match(await page.locator("#report-form .form-problem").innerText(), /想定事象を選んでください/);
  assert.equal(await page.locator("#entry-count").innerText(), "0");
  await page.selectOption("#r-threat", "malware");
  await page.click("#report-form button[type=submit]");
  await page.locator("#report-done").waitFor();
  assert.equal(await page.locator("#entry-count").innerText(), "1");

  // A timeline entry.
  await page.fill("#e-text", "プリンタも印刷できない");
  await page.click("#entry-form button[type=submit]");
  assert.equal(await page.locator("#entry-count").innerText(), "2");

  // Reloaded: kept in the browser.
  await page.reload();
  assert.equal(await page.locator("#entry-count").innerText(), "2");
  assert.equal(await page.locator("#author").inputValue(), "中村 さくら");
  assert.equal(await page.locator("#report-form").isHidden(), true);

  // More: a checklist step and a call.
  const isolate = page.locator('form.step-form[data-step="isolate"]');
  await isolate.locator("input[name=note]").fill("受付PCのみ");
  await isolate.locator("button[value=done]").click();
  assert.equal(await page.locator('[data-step-state="isolate"]').innerText(), "実施済");
  await page.fill("#c-said", "受付PCに脅迫文、切り離し済み");
  await page.click("#contact-form button[type=submit]");
  assert.equal(await page.locator("#entry-count").innerText(), "4");

  // Export.
  const exportButton = page.locator("#export");
  await exportButton.scrollIntoViewIfNeeded();
  const [download] = await Promise.all([page.waitForEvent("download"), exportButton.click()]);
  await screenshot(page, "offline-kit-exported");
  const logPath = path.join(dir, "log.json");
  await download.saveAs(logPath);
  const log = JSON.parse(fs.readFileSync(logPath, "utf8"));
  assert.equal(log.format, "medbcp-offline-log");
  assert.equal(log.entries.length, 4);
  assert.match(log.sha256, /^[0-9a-f]{64}$/);

  assert.deepEqual(external, []);
  assert.deepEqual(errors, []);
  await context.unroute("**/*");
  await context.setOffline(false);

  // Merge back, twice.
  const first = run(db, ["incident", "import", logPath]);
  assert.equal(first.code, 0, first.out);
  assert.match(first.out, /4 件を取り込みました/);
  // Sealed in the browser with the kit's key; the server, which kept it, agrees.
  assert.match(first.out, /キットの封印: 確認済み/);
  const incident = first.out.match(/インシデント (\d+)/)[1];
  const shown = run(db, ["incident", "show", incident]);
  assert.match(shown.out, /電子カルテシステム/);
  assert.match(shown.out, /PC-001/);
  const second = run(db, ["incident", "import", logPath]);
  assert.equal(second.code, 0, second.out);
  assert.match(second.out, /0 件を取り込みました/);
  const verify = run(db, ["incident", "verify", incident]);
  assert.equal(verify.code, 0, verify.out);
  // The same file without its seal (as one rewritten without the kit would be) is flagged.
  const unsealed = JSON.parse(fs.readFileSync(logPath, "utf8"));
  assert.match(unsealed.seal, /^[0-9a-f]{64}$/);
  delete unsealed.seal;
  fs.writeFileSync(path.join(dir, "unsealed.json"), JSON.stringify(unsealed));
  const flagged = run(db, ["incident", "import", path.join(dir, "unsealed.json")]);
  assert.equal(flagged.code, 0, flagged.out);
  assert.match(flagged.out, /注意: キットの封印: なし/);

  // An edited file is refused and changes nothing.
  const edited = JSON.parse(fs.readFileSync(logPath, "utf8"));
  edited.entries[1].text = "プリンタは正常";
  fs.writeFileSync(path.join(dir, "edited.json"), JSON.stringify(edited));
  const refused = run(db, ["incident", "import", path.join(dir, "edited.json")]);
  assert.equal(refused.code, 1, refused.out);
  assert.match(refused.out, /整合性ハッシュ/);
  assert.equal(run(db, ["incident", "verify", incident]).code, 0);
});

test("offline kit: a drill logged in drill mode imports as a drill, never an incident", async () => {
  const db = path.join(dir, "drill.db");
  assert.equal(run(db, ["init", "--demo"]).code, 0);
  const out = path.join(dir, "drill-usb");
  assert.equal(run(db, ["kit", "--out", out]).code, 0);
  const kitFile = fs.readdirSync(out).find((f) => f.endsWith(".html"));
  const { context, page } = browser;
  await context.setOffline(true);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("file://" + path.join(out, kitFile));
  await page.evaluate(() => localStorage.clear());
  await page.reload();

  await page.fill("#author", "桜井 健一");
  assert.equal(await page.locator("#drill-banner").isHidden(), true);
  await page.locator("#drill-mode summary").click();
  await page.selectOption("#d-scenario", "ransomware-monday");
  // The scenario's report is filled in; the page says 訓練.
  assert.equal(await page.locator("#r-threat").inputValue(), "malware");
  assert.match(await page.locator("#r-situation").inputValue(), /ランサムノート/);
  assert.equal(await page.locator("#drill-banner").isVisible(), true);
  await page.fill("#r-discoverer", "中村 さくら");
  await page.click("#report-form button[type=submit]");
  await page.locator("#report-done").waitFor();
  assert.match(await page.locator("#report-summary").innerText(), /^.*【訓練】/);
  assert.equal(await page.locator("#d-scenario").isDisabled(), true);
  await page.click("#drill-next");
  assert.match(await page.locator("#drill-inject-list").innerText(), /医事会計システムの端末でも/);
  assert.equal(await page.locator("#entry-count").innerText(), "2");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("#drill-banner").scrollIntoViewIfNeeded();
  await screenshot(page, "offline-kit-drill-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  const exportButton = page.locator("#export");
  await exportButton.scrollIntoViewIfNeeded();
  const [download] = await Promise.all([page.waitForEvent("download"), exportButton.click()]);
  const logPath = path.join(dir, "drill-log.json");
  await download.saveAs(logPath);
  assert.deepEqual(errors, []);
  await page.evaluate(() => localStorage.clear());
  await context.setOffline(false);

  const imported = run(db, ["incident", "import", logPath]);
  assert.equal(imported.code, 0, imported.out);
  assert.match(run(db, ["incident", "list"]).out, /記録はありません/);
  const drills = JSON.parse(run(db, ["drill", "list", "--json"]).out);
  assert.equal(drills.length, 1);
  assert.equal(drills[0].mode, "offline");
  assert.equal(drills[0].scenario, "ransomware-monday");
  const shown = run(db, ["drill", "show", String(drills[0].id)]);
  assert.match(shown.out, /［出した］ 医事会計/, shown.out);
});

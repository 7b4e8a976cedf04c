// 平時 in the browser: a whole 棚卸し round done in the web app (start,
// print the check sheet, record every device — confirmed, moved, broken,
// missing, retired — add a device the ledger lacks, undo a mistaken entry,
// close) ending with the ledger updated; then a backup run and a restore
// test recorded from the backup page, and a contact verified on the 点検
// page. Each page is also scanned with axe-core and html-validate.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { htmlProblems, openBrowser, screenshot, seriousViolations } from "../lib/browser.mjs";
import { startServer } from "../lib/server.mjs";

let server;
let browser;

before(async () => {
  server = await startServer({
    demo: true,
    users: [{ name: "jimucho", role: "editor", password: "editor-pass-1" }],
  });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page, name, password) {
  await page.goto(server.url + "/login");
  await page.getByRole("textbox", { name: /^ユーザー名/ }).fill(name);
  await page.getByLabel(/^パスワード/).fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

async function checkPage(page, response, name) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
  assert.deepEqual(await htmlProblems(await response.text()), [], `html-validate on ${name}`);
  await screenshot(page, name);
}

function row(page, asset) {
  return page.locator("tbody tr", {
    has: page.locator("td:nth-child(2)", { hasText: new RegExp("^" + asset + "$") }),
  });
}

// Opens the row's 差異を記録 form of the device with this 管理番号.
async function rowForm(page, asset) {
  await row(page, asset).locator("summary").click();
  return page.getByRole("form", { name: new RegExp("^" + asset + " .* の結果$") });
}

async function record(page, asset, finding, fields = {}) {
  if (finding === "confirmed") {
    await page.getByRole("button", { name: new RegExp("^" + asset + " .* を確認済にする$") }).click();
  } else {
    const form = await rowForm(page, asset);
    await form.getByLabel("結果").selectOption(finding);
    if (fields.location) await form.getByLabel("新しい設置場所").fill(fields.location);
    if (fields.status) await form.getByLabel("新しい状態").selectOption(fields.status);
    if (fields.note) await form.getByLabel("備考").fill(fields.note);
    await form.getByRole("button", { name: "記録" }).click();
  }
  await page.locator(".notice").waitFor();
}

test("a whole stock-take round in the web app updates the ledger", async () => {
  const { page } = browser;
  await signIn(page, "jimucho", "editor-pass-1");

  let response = await page.goto(server.url + "/stocktake");
  await checkPage(page, response, "stocktake-list");
  await page.getByLabel("名称").fill("令和7年度 定期棚卸し");
  await page.getByRole("button", { name: "棚卸しを開始" }).click();
  await page.waitForURL(/\/stocktake\/[0-9a-f]{32}/);
  const roundUrl = page.url().split("?")[0];
  assert.match(await page.locator("h1").innerText(), /令和7年度 定期棚卸し/);

  // The printable check sheet is a PDF.
  const sheet = await page.request.get(roundUrl + "/sheet.pdf");
  assert.equal(sheet.status(), 200);
  assert.equal(sheet.headers()["content-type"], "application/pdf");
  assert.equal((await sheet.body()).subarray(0, 4).toString(), "%PDF");

  // Walk the clinic.
  await record(page, "PC-001", "moved", { location: "診察室3" });
  await record(page, "PC-002", "status", { status: "broken", note: "電源が入らない" });
  await record(page, "PC-007", "missing", { note: "書庫に見当たらない" });
  await record(page, "NW-004", "retired");
  // A slip of the finger, undone.
  await record(page, "SV-001", "missing");
  await page
    .getByRole("button", { name: "取消（SV-001 電子カルテサーバ の記録）" })
    .click();
  await page.locator(".notice").waitFor();
  assert.match(await row(page, "SV-001").locator("td.result").innerText(), /未確認/);

  // A device the ledger does not know.
  await page.getByLabel("機器名").fill("持ち込み無線ルータ");
  await page.getByLabel("種別").selectOption({ label: "ネットワーク機器" });
  await page.getByLabel("発見場所").fill("待合室");
  await page.getByRole("button", { name: "台帳にない機器を記録" }).click();
  await page.locator(".notice").waitFor();

  // A result that needs more is refused with the reason, and stays unrecorded.
  const form = await rowForm(page, "PC-003");
  await form.getByLabel("結果").selectOption("moved");
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    form.getByRole("button", { name: "記録" }).click(),
  ]);
  assert.equal(refused.status(), 422);
  assert.match(await page.locator(".error-summary").innerText(), /新しい設置場所/);
  await checkPage(page, refused, "stocktake-refused");

  // Every other device is where the ledger says.
  response = await page.goto(roundUrl);
  const unchecked = await page
    .locator("tbody tr", { has: page.locator("td.result .muted") })
    .evaluateAll((rows) => rows.map((r) => r.cells[1].innerText.trim()));
  assert.ok(unchecked.length > 10, "most devices are still to check");
  for (const asset of unchecked) await record(page, asset, "confirmed");
  response = await page.goto(roundUrl);
  assert.equal(await page.locator("td.result .muted").count(), 0);
  assert.match(await page.locator(".facts").innerText(), /未確認\s*0 台/);
  await checkPage(page, response, "stocktake-round");

  const report = await page.request.get(roundUrl + "/report.html");
  assert.equal(report.status(), 200);
  assert.match(await report.text(), /持ち込み無線ルータ/);

  await page.getByRole("button", { name: "棚卸しを終了して台帳に反映" }).click();
  await page.locator("#changes-title").waitFor();
  const changes = await page.locator("#changes-title + .table-wrap").innerText();
  assert.match(changes, /受付 *\t?診察室3|診察室3/);
  assert.match(changes, /台帳に追加/);
  assert.equal(await page.getByRole("button", { name: "記録" }).count(), 0);
  await screenshot(page, "stocktake-closed");

  // The ledger (別紙２) shows the new place, the new state and the new device.
  await page.goto(server.url + "/plan/devices?status=all&q=PC-001");
  assert.match(await page.locator("main").innerText(), /診察室3/);
  await page.goto(server.url + "/plan/devices?status=all&q=" + encodeURIComponent("持ち込み"));
  assert.match(await page.locator("main").innerText(), /持ち込み無線ルータ/);
  await page.goto(server.url + "/stocktake");
  assert.match(await page.locator("table.data").innerText(), /終了/);
});

test("a backup run and a restore test are recorded from the backup page", async () => {
  const { page } = browser;
  let response = await page.goto(server.url + "/backups");
  await checkPage(page, response, "backups");
  // Each form folds under its button (a phone's page would be 12,000 px),
  // one open at a time, and is named by its heading and its plan's.
  assert.equal(await page.locator("details.form-fold[open]").count(), 0);
  await page.locator("#plan-1").getByText("バックアップの実施を記録する").click();
  const run = page.getByRole("form", { name: /^バックアップの実施を記録 電子カルテシステム（1日ごと）$/ });
  await run.getByRole("button", { name: "実施を記録" }).click();
  await page.locator(".notice").waitFor();
  assert.doesNotMatch(await page.locator("#plan-1 .facts").innerText(), /記録なし\s*次の期限/);

  await page.locator("#plan-1").getByText("復旧テストの結果を記録する").click();
  const restore = page.getByRole("form", {
    name: /^復旧テストの結果を記録 電子カルテシステム（1日ごと）$/,
  });
  await restore.getByLabel("かかった時間（分）").fill("95");
  await restore.getByLabel("備考（手順、問題点）").fill("検証用PCへ復元");
  await restore.getByRole("button", { name: "復旧テストを記録" }).click();
  await page.locator(".notice").waitFor();
  await page.locator("#plan-1 details.recent > summary").click();
  assert.match(await page.locator("#plan-1 details.recent").innerText(), /95 分/);
  await screenshot(page, "backups-recorded");
});

test("the 点検 page records a contact verification", async () => {
  const { page } = browser;
  let response = await page.goto(server.url + "/checks");
  await checkPage(page, response, "checks");
  const row = page.locator("#contacts-title ~ .table-wrap tbody tr").first();
  await row.getByRole("button", { name: /を確認した$/ }).click();
  await page.locator(".notice").waitFor();
  assert.match(await page.locator("#contacts-title ~ .table-wrap tbody tr").first().innerText(),
               /令和/);
});

test("the ledger goes to Excel and comes back through the web app", async () => {
  const { page } = browser;
  await page.goto(server.url + "/plan/devices");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "CSV（UTF-8・BOM 付き）で書き出す" }).click(),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medbcp-ledger-"));
  const exported = path.join(dir, "ledger.csv");
  await download.saveAs(exported);
  // What a 事務長 does in Excel: one device moved, one added.
  let csv = fs.readFileSync(exported, "utf8");
  assert.match(csv, /^\uFEFF管理番号,/);
  csv = csv.replace(",待合室,", ",受付カウンター,");
  const header = csv.split("\r\n")[0].replace(/^\uFEFF/, "").split(",");
  const added = header.map((h) =>
    ({ 管理番号: "PC-901", 機器名: "貸出用ノートPC", 種別: "端末", 設置場所: "事務室", 状態: "予備" })[h] ?? "");
  csv += added.join(",") + "\r\n";
  const edited = path.join(dir, "edited.csv");
  fs.writeFileSync(edited, csv);

  await page.getByRole("link", { name: "Excel の台帳を取り込む" }).click();
  await page.waitForURL(/\/plan\/devices\/import$/);
  await page.getByLabel("台帳ファイル（.csv または .xlsx）").setInputFiles(edited);
  await page.getByRole("button", { name: "変更内容を確認する" }).click();
  await page.locator("#preview-title").waitFor();
  const preview = await page.locator("main").innerText();
  assert.equal(await page.getByRole("button", { name: "この内容で取り込む" }).count(), 1, preview);
  assert.match(preview, /追加 1 件/);
  assert.match(preview, /更新 1 件/);
  assert.match(preview, /「待合室」→「受付カウンター」/);
  assert.deepEqual(await seriousViolations(page), [], "axe on the import preview");
  await screenshot(page, "device-import-preview");
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  await page.waitForURL(/\/plan\/devices\?notice=imported$/);
  await page.goto(server.url + "/plan/devices?status=all&q=PC-901");
  assert.match(await page.locator("main").innerText(), /貸出用ノートPC/);
  fs.rmSync(dir, { recursive: true, force: true });
});

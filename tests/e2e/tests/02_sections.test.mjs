// Every section of the plan edited through its form and saved, a
// validation error shown beside its field and corrected, and the device
// ledger's search, sort, paging and retirement.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openBrowser, screenshot, signIn } from "../lib/browser.mjs";
import { startServer } from "../lib/server.mjs";

let server;
let browser;
let page;

before(async () => {
  server = await startServer({
    demo: true,
    users: [{ name: "jimucho", role: "editor", password: "editor-pass-1" }],
  });
  browser = await openBrowser();
  page = browser.page;
  await signIn(page, server.url, "jimucho", "editor-pass-1");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function notice() {
  return page.locator(".notice").innerText();
}

test("facility and 施行日 in 和暦", async () => {
  await page.goto(server.url + "/plan/facility");
  await page.getByLabel("医療機関名").fill("さくら内科クリニック（本院）");
  await page.getByLabel("施行日", { exact: true }).fill("令和7年4月1日");
  await page.getByRole("button", { name: "保存する" }).click();
  assert.equal(await notice(), "保存しました。");
  assert.equal(await page.getByLabel("施行日", { exact: true }).inputValue(), "2025-04-01");
  assert.match(await page.locator(".facts").innerText(), /令和７年４月１日/);
  await screenshot(page, "facility");
});

test("a validation error is shown beside the field, keeps the typed text, and is corrected", async () => {
  await page.goto(server.url + "/plan/facility");
  await page.getByLabel("医療機関名").fill("");
  await page.getByLabel("最終見直し日").fill("令和7年2月30日");
  // The browser would stop an empty required field; submit as the server sees it.
  await page.locator("form.form--record").evaluate((f) => (f.noValidate = true));
  await page.getByRole("button", { name: "保存する" }).click();
  await page.locator(".error-summary").waitFor();
  assert.match(await page.locator("#f-name-error").innerText(), /医療機関名」を入力してください/);
  assert.match(await page.locator("#f-last_reviewed-error").innerText(), /日付は/);
  assert.equal(await page.getByLabel("最終見直し日").inputValue(), "令和7年2月30日");
  await screenshot(page, "facility-validation");

  await page.getByLabel("医療機関名").fill("さくら内科クリニック");
  await page.getByLabel("最終見直し日").fill("2025-03-01");
  await page.getByRole("button", { name: "保存する" }).click();
  assert.equal(await notice(), "保存しました。");
  assert.equal(await page.getByLabel("最終見直し日").inputValue(), "2025-03-01");
});

test("security officer", async () => {
  await page.goto(server.url + "/plan/officer");
  await page.getByLabel("電話（夜間・休日）").fill("090-1111-2222");
  await page.getByRole("button", { name: "保存する" }).click();
  assert.equal(await notice(), "保存しました。");
  assert.equal(await page.getByLabel("電話（夜間・休日）").inputValue(), "090-1111-2222");
  await screenshot(page, "officer");
});

// Adds a row to a list section and checks it appears in the table.
async function addRow(section, fill, expected) {
  await page.goto(server.url + `/plan/${section}`);
  await page.locator(".toolbar a.button").click();
  await fill();
  await page.getByRole("button", { name: "追加する" }).click();
  assert.equal(await notice(), "追加しました。");
  assert.ok(
    (await page.locator("table.data").innerText()).includes(expected),
    `${section} lists ${expected}`,
  );
}

test("in-scope systems", async () => {
  await addRow("systems", async () => {
    await page.getByLabel("システム名").fill("予約システム");
    await page.getByLabel("用途・製品名").fill("Web 予約（クラウド）");
  }, "予約システム");
  await screenshot(page, "systems");
});

test("threat scenarios", async () => {
  await addRow("threats", async () => {
    await page.getByLabel("事象", { exact: true }).fill("USBメモリからの感染");
    await page.getByLabel("種類").selectOption("malware");
  }, "USBメモリからの感染");
  await screenshot(page, "threats");
});

test("internal contact chart: add, reports to, reorder", async () => {
  await addRow("internal_contacts", async () => {
    await page.getByLabel("氏名").fill("受付 花子");
    await page.getByLabel("役割").fill("受付リーダー");
    await page.getByLabel("電話（日中）").fill("054-000-7777");
    const options = await page.getByLabel("報告先").locator("option").allInnerTexts();
    await page.getByLabel("報告先").selectOption({ label: options[1] });
  }, "受付 花子");
  const rows = page.locator("table.data tbody tr");
  const count = await rows.count();
  assert.match(await rows.nth(count - 1).innerText(), /受付 花子/);
  await rows.nth(count - 1).getByRole("button", { name: "受付 花子を上へ移動" }).click();
  assert.equal(await notice(), "並び順を変更しました。");
  assert.match(await page.locator("table.data tbody tr").nth(count - 2).innerText(), /受付 花子/);
  // The chart shows her under the person she reports to.
  assert.equal(await page.locator(".chart .tree li li li", { hasText: "受付 花子" }).count(), 1);
  await screenshot(page, "internal-contacts");
});

test("external contacts", async () => {
  await addRow("external_contacts", async () => {
    await page.getByLabel("組織名").fill("静岡県警察 サイバー犯罪対策課");
    await page.getByLabel("区分").selectOption("police");
    await page.getByLabel("電話", { exact: true }).fill("054-271-0110");
    await page.getByLabel("初報で必ず連絡する").check();
    await page.getByLabel("連絡先の最終確認日").fill("令和7年4月1日");
  }, "静岡県警察 サイバー犯罪対策課");
  await screenshot(page, "external-contacts");
});

test("fallback operations", async () => {
  await addRow("fallbacks", async () => {
    await page.getByLabel("業務内容", { exact: true }).fill("予約受付");
    await page.getByLabel("システム", { exact: true }).selectOption({ label: "予約システム" });
    await page.getByLabel("代替手段").fill("電話と紙の予約台帳");
  }, "予約受付");
  await screenshot(page, "fallbacks");
});

test("backup plans, with a number checked on the server", async () => {
  await page.goto(server.url + "/plan/backups/new");
  await page.getByLabel("システム", { exact: true }).selectOption({ label: "予約システム" });
  await page.getByLabel("頻度（日ごと）").fill("毎日");
  await page.getByLabel("作成方法").fill("クラウド事業者の日次スナップショット");
  await page.getByLabel("復旧方法").fill("事業者に依頼して前日の状態に戻す");
  await page.getByRole("button", { name: "追加する" }).click();
  assert.match(await page.locator("#f-frequency_days-error").innerText(), /整数を入力/);
  assert.equal(await page.getByLabel("作成方法").inputValue(), "クラウド事業者の日次スナップショット");
  await page.getByLabel("頻度（日ごと）").fill("１");
  await page.getByRole("button", { name: "追加する" }).click();
  assert.equal(await notice(), "追加しました。");
  await screenshot(page, "backups");
});

test("device ledger: search, sort, paging, add, edit and retire", async () => {
  await page.goto(server.url + "/plan/devices");
  const total = await page.locator("table.data tbody tr").count();
  assert.ok(total > 5);
  await screenshot(page, "devices");

  await page.getByLabel("検索").fill("サーバ");
  await page.getByRole("button", { name: "絞り込む" }).click();
  const found = await page.locator("table.data tbody tr").allInnerTexts();
  assert.ok(found.length > 0 && found.length < total);

  await page.goto(server.url + "/plan/devices");
  await page.getByRole("link", { name: /^機器名/ }).click();
  const names = await page.locator("table.data tbody tr td:nth-child(3)").allInnerTexts();
  assert.deepEqual(names, [...names].sort());
  assert.equal(await page.locator('th[aria-sort="ascending"]').count(), 1);

  // Enough devices for a second page.
  for (let i = 1; i <= 6; i++) {
    await page.goto(server.url + "/plan/devices/new");
    await page.getByLabel("管理番号").fill(`T-${100 + i}`);
    await page.getByLabel("機器名").fill(`検査端末${i}`);
    await page.getByLabel("種別").selectOption("terminal");
    await page.getByLabel("設置場所").fill("検査室");
    await page.getByLabel("導入日").fill("R6.4.1");
    await page.getByRole("button", { name: "追加する" }).click();
    assert.equal(await notice(), "追加しました。");
  }
  await page.goto(server.url + "/plan/devices");
  assert.equal(await page.locator("nav.pagination").count(), 1);
  await page.locator("nav.pagination").getByRole("link", { name: "2" }).click();
  assert.ok((await page.locator("table.data tbody tr").count()) > 0);
  await screenshot(page, "devices-page-2");

  await page.goto(server.url + "/plan/devices?q=" + encodeURIComponent("検査端末6"));
  await page.getByRole("link", { name: "検査端末6を編集" }).click();
  await page.getByLabel("IPアドレス").fill("192.168.10.66");
  await page.getByRole("button", { name: "保存する" }).click();
  assert.equal(await notice(), "保存しました。");
  await screenshot(page, "device-edit-saved");

  await page.goto(server.url + "/plan/devices?q=" + encodeURIComponent("検査端末6"));
  await page.getByRole("link", { name: "検査端末6を編集" }).click();
  await screenshot(page, "device-edit");
  await page.getByRole("button", { name: "使用終了（廃棄）にする" }).click();
  assert.equal(await notice(), "使用終了（廃棄）にしました。");
  await page.goto(server.url + "/plan/devices?q=" + encodeURIComponent("検査端末6"));
  assert.equal(await page.locator("table.data").count(), 0, "retired devices are hidden by default");
  await page.goto(server.url + "/plan/devices?status=retired&q=" + encodeURIComponent("検査端末6"));
  assert.match(await page.locator("table.data").innerText(), /使用終了|廃棄/);
});

test("deleting a row asks first and is recorded", async () => {
  await page.goto(server.url + "/plan/threats");
  await page.getByRole("link", { name: "USBメモリからの感染", exact: true }).click();
  await page.getByRole("link", { name: "この事象を削除" }).click();
  await screenshot(page, "delete-confirm");
  await page.getByRole("button", { name: "削除する" }).click();
  assert.equal(await notice(), "削除しました。");
  assert.ok(!(await page.locator("main").innerText()).includes("USBメモリからの感染"));
});

// 版と周知: an editor publishes a new version with a date; the dashboard
// lists who has not read it; a staff member confirms reading it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openBrowser, screenshot, signIn, signOut } from "../lib/browser.mjs";
import { startServer } from "../lib/server.mjs";

let server;
let browser;

before(async () => {
  server = await startServer({
    demo: true,
    users: [
      { name: "jimucho", role: "editor", password: "editor-pass-1" },
      { name: "kango", role: "staff", password: "staff-pass-1" },
    ],
  });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("publish a version with a date in 和暦", async () => {
  const { page } = browser;
  await signIn(page, server.url, "jimucho", "editor-pass-1");
  await page.goto(server.url + "/versions");
  await page.getByLabel("版の日付").fill("令和7年4月1日");
  await page.getByLabel("改訂内容").fill("初版として発行");
  await page.getByRole("button", { name: "この内容で発行する" }).click();
  assert.match(await page.locator(".notice").innerText(), /新しい版を発行しました/);
  assert.match(await page.locator("h1").innerText(), /第\d+版/);
  assert.match(await page.locator(".facts").innerText(), /2025-04-01/);
  await screenshot(page, "version");

  await page.goto(server.url + "/");
  assert.match(await page.locator("#unread").innerText(), /kango/);
  await screenshot(page, "dashboard-unread");
  await signOut(page);
});

test("a staff member confirms reading the current version", async () => {
  const { page } = browser;
  await signIn(page, server.url, "kango", "staff-pass-1");
  await page.goto(server.url + "/");
  await page.locator("#ack-title").waitFor();
  await screenshot(page, "dashboard-staff-ack");
  await page.getByRole("button", { name: "読んで確認しました" }).click();
  assert.match(await page.locator(".notice").innerText(), /確認を記録しました/);
  assert.equal(await page.locator("#ack-title").count(), 0);
  await page.goto(server.url + "/versions");
  assert.match(await page.locator("main").innerText(), /あなたは .* に第\d+版を確認しました/);
  await signOut(page);
});

test("the editor sees who has read it, and the difference between versions", async () => {
  const { page } = browser;
  await signIn(page, server.url, "jimucho", "editor-pass-1");
  await page.goto(server.url + "/");
  assert.doesNotMatch(await page.locator("#unread").innerText(), /kango/);

  await page.goto(server.url + "/plan/officer");
  await page.getByLabel("電話（夜間・休日）").fill("090-9999-0000");
  await page.getByRole("button", { name: "保存する" }).click();
  await page.goto(server.url + "/versions");
  await page.getByLabel("改訂内容").fill("責任者の夜間連絡先を更新");
  await page.getByRole("button", { name: "この内容で発行する" }).click();
  assert.match(await page.locator("#diff-title").innerText(), /からの変更/);
  assert.match(await page.locator(".changes").innerText(), /090-9999-0000/);
  await screenshot(page, "version-diff");

  await page.goto(server.url + "/versions");
  await page.getByRole("button", { name: "違いを表示" }).click();
  assert.match(await page.locator(".changes").innerText(), /電話（夜間・休日）/);
  await screenshot(page, "versions-compare");
});

// First run: no account and no plan. The first visitor registers the
// administrator, creates the plan from the template, signs out and in.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openBrowser, screenshot, seriousViolations, signIn, signOut } from "../lib/browser.mjs";
import { startServer } from "../lib/server.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("first run asks for the first administrator", async () => {
  const { page } = browser;
  await page.goto(server.url + "/");
  assert.equal(new URL(page.url()).pathname, "/setup");
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, "setup");

  // A mismatch is shown beside the field and the name is kept.
  await page.getByLabel("ユーザー名").fill("院長 山田");
  await page.getByLabel("パスワード", { exact: true }).fill("sakura-clinic-1");
  await page.getByLabel("パスワード（確認）").fill("sakura-clinic-2");
  await page.getByRole("button", { name: "管理者を登録して始める" }).click();
  await page.locator("#f-password_confirm-error").waitFor();
  assert.match(await page.locator("#f-password_confirm-error").innerText(), /一致しません/);
  assert.equal(await page.getByLabel("ユーザー名").inputValue(), "院長 山田");
  await screenshot(page, "setup-error");

  await page.getByLabel("パスワード", { exact: true }).fill("sakura-clinic-1");
  await page.getByLabel("パスワード（確認）").fill("sakura-clinic-1");
  await page.getByRole("button", { name: "管理者を登録して始める" }).click();
  await page.waitForURL(server.url + "/?notice=welcome");
  assert.match(await page.locator(".account").innerText(), /院長 山田/);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, "dashboard-no-plan");
});

test("the plan is created from the template and its gaps are listed", async () => {
  const { page } = browser;
  await page.getByLabel("医療機関名").fill("ふじ内科クリニック");
  await page.getByRole("button", { name: "ひな形から計画を作成" }).click();
  await page.waitForURL(/notice=created/);
  assert.equal(await page.locator("h1").innerText(), "ふじ内科クリニック");
  const gaps = await page.locator("#gaps .gap-list li").count();
  assert.ok(gaps > 5, `the template leaves gaps open (${gaps})`);
  assert.equal(await page.locator("svg.readiness-chart >> visible=true").count(), 1);
  await screenshot(page, "dashboard-template");

  // A gap's link goes to where it is fixed.
  await page.locator("#gaps a", { hasText: "医療情報システム安全管理責任者" }).first().click();
  assert.equal(new URL(page.url()).pathname, "/plan/officer");
});

test("sign out, a wrong password, and sign in again", async () => {
  const { page } = browser;
  await signOut(page);
  await page.goto(server.url + "/plan");
  assert.equal(new URL(page.url()).pathname, "/login");
  await page.getByLabel("ユーザー名").fill("院長 山田");
  await page.getByLabel("パスワード", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.locator(".error-summary").waitFor();
  assert.match(await page.locator(".error-summary").innerText(), /正しくありません/);
  await screenshot(page, "login-error");

  await signIn(page, server.url, "院長 山田", "sakura-clinic-1");
  await page.goto(server.url + "/plan");
  assert.equal(new URL(page.url()).pathname, "/plan");
  await screenshot(page, "plan");
});

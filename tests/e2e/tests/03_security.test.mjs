// Roles are checked on the server, and a state change without the CSRF
// token is refused — whatever the page shows or hides.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openBrowser, screenshot, signIn } from "../lib/browser.mjs";
import { startServer } from "../lib/server.mjs";

let server;
let browser;

before(async () => {
  server = await startServer({
    demo: true,
    users: [
      { name: "kango", role: "staff", password: "staff-pass-1" },
      { name: "jimucho", role: "editor", password: "editor-pass-1" },
    ],
  });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a staff account can read the plan but is refused an edit (403)", async () => {
  const { page } = browser;
  await signIn(page, server.url, "kango", "staff-pass-1");
  await page.goto(server.url + "/plan/facility");
  assert.equal(await page.getByRole("button", { name: "保存する" }).count(), 0);
  assert.equal(await page.getByLabel("医療機関名").getAttribute("readonly"), "");

  const response = await page.goto(server.url + "/plan/devices/new");
  assert.equal(response.status(), 403);
  assert.match(await page.locator("h1").innerText(), /権限がありません/);
  await screenshot(page, "forbidden");

  // Posting the form anyway, token and all, is refused on the server.
  const token = await page.locator('input[name="csrf"]').first().inputValue();
  const status = await page.evaluate(async (csrf) => {
    const body = new URLSearchParams({ csrf, name: "職員が書き換え" });
    const res = await fetch("/plan/facility", { method: "POST", body });
    return res.status;
  }, token);
  assert.equal(status, 403);
  await page.goto(server.url + "/plan/facility");
  assert.notEqual(await page.getByLabel("医療機関名").inputValue(), "職員が書き換え");
});

test("a POST without the CSRF token is refused", async () => {
  const { page } = browser;
  await page.getByRole("button", { name: "ログアウト" }).click();
  await signIn(page, server.url, "jimucho", "editor-pass-1");
  await page.goto(server.url + "/plan/facility");
  const before = await page.getByLabel("医療機関名").inputValue();
  const status = await page.evaluate(async () => {
    const body = new URLSearchParams({ name: "トークンなし" });
    const res = await fetch("/plan/facility", { method: "POST", body });
    return res.status;
  });
  assert.equal(status, 403);
  await page.reload();
  assert.equal(await page.getByLabel("医療機関名").inputValue(), before);

  // With the page's own token the same edit goes through.
  await page.getByLabel("医療機関名").fill("トークンあり");
  await page.getByRole("button", { name: "保存する" }).click();
  assert.equal(await page.locator(".notice").innerText(), "保存しました。");
});

test("pages refuse to be framed and carry no inline script", async () => {
  const { page } = browser;
  const response = await page.goto(server.url + "/");
  const headers = response.headers();
  assert.equal(headers["x-frame-options"], "DENY");
  assert.match(headers["content-security-policy"], /frame-ancestors 'none'/);
  assert.doesNotMatch(headers["content-security-policy"], /unsafe-inline/);
  assert.equal(headers["cache-control"], "no-store");
  assert.equal(await page.locator("script:not([src])").count(), 0);
  assert.equal(await page.locator("[style]").count(), 0);
});

// A session ends after 30 minutes without a request. On a page with a form
// the person is warned five minutes before, can keep the session with one
// tap, and is not signed out while typing (the page keeps the session with a
// small request now and then). The browser's clock is driven by the test.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openBrowser, screenshot, signIn } from "../lib/browser.mjs";
import { startServer } from "../lib/server.mjs";

let server;
let browser;

before(async () => {
  server = await startServer({
    demo: true,
    users: [{ name: "jimucho", role: "editor", password: "editor-pass-1" }],
  });
  browser = await openBrowser({ width: 390, height: 844 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the page warns before the session ends and keeps it on request", async () => {
  const { page } = browser;
  await page.clock.install();
  await signIn(page, server.url, "jimucho", "editor-pass-1");
  await page.goto(server.url + "/plan/facility");
  const idle = await page.locator('meta[name="medbcp-session-idle"]').getAttribute("content");
  assert.equal(idle, String(30 * 60));

  await page.clock.runFor(24 * 60 * 1000);
  assert.equal(await page.locator(".session-notice").count(), 0, "no warning too early");
  await page.clock.runFor(2 * 60 * 1000);
  const notice = page.locator(".session-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /ログインが切れます/);
  await screenshot(page, "session-warning-390");

  const kept = page.waitForResponse((r) => r.url().endsWith("/session/keepalive"));
  await notice.getByRole("button", { name: "続ける" }).click();
  assert.equal((await kept).status(), 204);
  await notice.waitFor({ state: "detached" });
});

test("typing keeps the session without a warning", async () => {
  const { page } = browser;
  await page.goto(server.url + "/plan/facility");
  const field = page.getByLabel("住所");
  let pings = 0;
  page.on("response", (r) => {
    if (r.url().endsWith("/session/keepalive") && r.status() === 204) pings += 1;
  });
  // Forty minutes of typing a word every minute: longer than the idle limit.
  for (let minute = 0; minute < 40; minute += 1) {
    await field.pressSequentially("あ");
    await page.clock.runFor(60 * 1000);
  }
  assert.ok(pings >= 1, "the page kept the session while typing");
  assert.equal(await page.locator(".session-notice").count(), 0);
  // The session is alive: the form still saves.
  await page.getByRole("button", { name: /保存/ }).first().click();
  assert.notEqual(new URL(page.url()).pathname, "/login");
});

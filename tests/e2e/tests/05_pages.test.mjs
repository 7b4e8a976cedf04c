// Every page, as an administrator and on a tablet: an axe-core scan with no
// serious or critical violation, valid HTML from the server, and a
// screenshot in artifacts/ for people to look at.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  htmlProblems,
  openBrowser,
  screenshot,
  seriousViolations,
  signIn,
  signOut,
} from "../lib/browser.mjs";
import { startServer } from "../lib/server.mjs";

let server;
let browser;

before(async () => {
  server = await startServer({
    demo: true,
    users: [
      { name: "incho", role: "admin", password: "admin-pass-1" },
      { name: "kango", role: "staff", password: "staff-pass-1" },
    ],
  });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// Visits a page, checks it and saves its screenshot.
async function check(page, path, name, expectedStatus = 200) {
  const response = await page.goto(server.url + path);
  assert.equal(response.status(), expectedStatus, `${path} answers ${expectedStatus}`);
  await inspect(page, name, await response.text());
}

async function inspect(page, name, html) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `axe on ${name}`);
  const problems = await htmlProblems(html);
  assert.deepEqual(problems, [], `html-validate on ${name}`);
  await screenshot(page, name);
}

async function firstLink(page, path, selector = "table.data tbody tr td:nth-child(2) a") {
  await page.goto(server.url + path);
  return new URL(await page.locator(selector).first().getAttribute("href"), server.url).pathname;
}

test("the sign-in page", async () => {
  await check(browser.page, "/login", "login");
});

test("every page an administrator can open", async () => {
  const { page } = browser;
  await signIn(page, server.url, "incho", "admin-pass-1");
  // Publish once so the version pages have something to show.
  await page.goto(server.url + "/versions");
  await page.getByRole("button", { name: "この内容で発行する" }).click();
  const versionPath = new URL(page.url()).pathname;

  const pages = [
    ["/", "page-dashboard"],
    ["/plan", "page-plan"],
    ["/plan/facility", "page-facility"],
    ["/plan/officer", "page-officer"],
    ["/plan/systems", "page-systems"],
    ["/plan/systems/new", "page-system-new"],
    ["/plan/threats", "page-threats"],
    ["/plan/internal_contacts", "page-internal-contacts"],
    ["/plan/internal_contacts/new", "page-internal-contact-new"],
    ["/plan/external_contacts", "page-external-contacts"],
    ["/plan/devices", "page-devices"],
    ["/plan/devices?status=all&sort=name&dir=desc", "page-devices-sorted"],
    ["/plan/devices/new", "page-device-new"],
    ["/plan/fallbacks", "page-fallbacks"],
    ["/plan/backups", "page-backups"],
    ["/versions", "page-versions"],
    [versionPath, "page-version"],
    ["/plan/devices/import", "page-device-import"],
    ["/history", "page-history"],
    ["/audit", "page-audit"],
    ["/audit?action=export", "page-audit-filtered"],
    ["/users", "page-users"],
    ["/kit", "page-kit"],
    ["/checks", "page-checks"],
    ["/backups", "page-backup-runs"],
    ["/stocktake", "page-stocktake"],
    ["/incidents", "page-incidents"],
    ["/incidents/new", "page-incident-new"],
    ["/account", "page-account"],
  ];
  for (const [path, name] of pages) await check(page, path, name);

  await check(page, await firstLink(page, "/plan/devices"), "page-device-edit");
  await check(page, await firstLink(page, "/plan/external_contacts"), "page-external-contact-edit");
  await check(page, await firstLink(page, "/plan/backups"), "page-backup-edit");
  const threat = await firstLink(page, "/plan/threats");
  await check(page, threat + "/delete", "page-threat-delete");
  await check(page, await firstLink(page, "/history", "table.data tbody tr td:nth-child(4) a"),
              "page-history-entry");
  await check(page, await firstLink(page, "/users", "table.data tbody tr td:nth-child(1) a"),
              "page-user");
  await check(page, "/no-such-page", "page-not-found", 404);

  // A rejected form, as the user sees it.
  await page.goto(server.url + "/plan/devices/new");
  await page.locator("form.form--record").evaluate((f) => (f.noValidate = true));
  await page.getByLabel("導入日").fill("きのう");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "追加する" }).click(),
  ]);
  assert.equal(response.status(), 422);
  await inspect(page, "page-device-invalid", await response.text());
  await signOut(page);
});

test("pages as a staff member, including the refusal page", async () => {
  const { page } = browser;
  await signIn(page, server.url, "kango", "staff-pass-1");
  await check(page, "/", "staff-dashboard");
  await check(page, "/plan/facility", "staff-facility");
  await check(page, "/users", "staff-forbidden", 403);
  await signOut(page);
});

test("the dashboard and the ledger on a tablet", async () => {
  const tablet = await openBrowser({ width: 820, height: 1180 });
  try {
    await signIn(tablet.page, server.url, "incho", "admin-pass-1");
    await check(tablet.page, "/", "tablet-dashboard");
    await check(tablet.page, "/plan/devices", "tablet-devices");
    await check(tablet.page, "/plan/internal_contacts", "tablet-internal-contacts");
    await check(tablet.page, "/plan/officer", "tablet-officer");
  } finally {
    await tablet.close();
  }
});

test("print styles hide the application's chrome", async () => {
  const { page } = browser;
  await signIn(page, server.url, "incho", "admin-pass-1");
  await page.goto(server.url + "/plan/internal_contacts");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.equal(await page.locator(".toolbar").isVisible(), false);
  await screenshot(page, "print-internal-contacts");
  await page.emulateMedia({ media: "screen" });
});

test("the plan document as HTML passes the validator and prints on A4", async () => {
  const { page } = browser;
  await signIn(page, server.url, "incho", "admin-pass-1");
  const response = await page.request.get(server.url + "/plan/document.html");
  assert.equal(response.status(), 200);
  const html = await response.text();
  assert.deepEqual(await htmlProblems(html, { standalone: true }), [],
                   "html-validate on the plan document");
  // Opened as a file would be: the print stylesheet asks for A4.
  await page.goto("about:blank");  // out of the app, whose CSP would refuse the inline styles
  await page.setContent(html);
  assert.match(await page.locator(".cover").innerText(), /事業継続計画/);
  assert.match(await page.locator("main").innerText(), /第１章/);
  const pageRule = await page.evaluate(() =>
    [...document.styleSheets].flatMap((s) => [...s.cssRules]).some(
      (r) => r.cssText.startsWith("@page") && /A4/i.test(r.cssText)));
  assert.ok(pageRule, "an @page rule for A4");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  assert.ok(pdf.length > 10000);
  await screenshot(page, "plan-document-html");
  await page.goto(server.url + "/");
  await signOut(page);
});

// The screens people use under stress, on a phone (390 px) and a desktop
// (1280 px): the dashboard, the page of an open incident and the offline
// kit, the checklist and the drills; the account (API tokens), the mail
// settings and the backups (medbcp's own). Each is saved as a screenshot for people to look at, and must have
// no sideways scroll, every control visible and big enough to tap, and no
// serious or critical axe-core violation. The incident page puts what to do
// next and whom to call first, and folds its forms away.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  layoutProblems,
  openBrowser,
  screenshot,
  seriousViolations,
  signIn,
} from "../lib/browser.mjs";
import { medbcp, startServer } from "../lib/server.mjs";

let server;
let incidentUrl;

before(async () => {
  server = await startServer({
    demo: true,
    users: [{ name: "incho", role: "admin", password: "admin-pass-1" }],
  });
  medbcp(server.db, [
    "incident", "start", "--threat", "malware", "--discoverer", "受付 中村",
    "--situation", "受付端末1の画面に英語の脅迫文。共有フォルダのファイルが開けない",
    "--actions", "LANケーブルを抜いた", "--device", "PC-001", "--leak",
  ]);
  incidentUrl = server.url + "/incidents/1";
  // A drill under way beside it (No.2), one inject revealed and a call that failed.
  medbcp(server.db, [
    "drill", "start", "--scenario", "ransomware-monday", "--despite-incident",
    "--participant", "中村 さくら:発見者（受付）", "--participant", "桜井 健一:責任者",
  ]);
  medbcp(server.db, ["drill", "inject", "2"]);
  medbcp(server.db, ["incident", "contact", "2", "--to", "1", "--not-reached", "--channel", "電話"]);
  // medbcp's own backup taken, and a token for a script.
  medbcp(server.db, ["db", "backup", "--out", server.db + ".backup"]);
  medbcp(server.db, ["token", "add", "夜間バックアップ", "--scope", "write"]);
});

after(async () => {
  await server?.stop();
});

for (const width of [390, 1280]) {
  test(`the dashboard, the incident and the kit at ${width} px`, async () => {
    const browser = await openBrowser({ width, height: 844 });
    try {
      const { page } = browser;
      await signIn(page, server.url, "incho", "admin-pass-1");
      for (const [path, name] of [
        ["/", "dashboard"],
        [incidentUrl.slice(server.url.length), "incident"],
        ["/kit", "kit"],
        ["/checklist", "checklist"],
        ["/drills", "drills"],
        ["/incidents/2", "drill"],
        ["/account", "account"],
        ["/settings/mail", "mail-settings"],
        ["/backups", "backups"],
      ]) {
        await page.goto(server.url + path);
        await screenshot(page, `screen-${name}-${width}`);
        assert.deepEqual(await layoutProblems(page), [], `${name} at ${width} px`);
        assert.deepEqual(await seriousViolations(page), [], `axe on ${name} at ${width} px`);
      }

      // The dashboard's figure: one drawing shown, its labels readable (a
      // phone once got the desktop's drawing scaled to 6 px letters).
      await page.goto(server.url + "/");
      const charts = page.locator("svg.readiness-chart >> visible=true");
      assert.equal(await charts.count(), 1);
      const labelHeights = await charts.locator(".chart-label").evaluateAll((labels) =>
        labels.map((t) => t.getBoundingClientRect().height),
      );
      assert.ok(labelHeights.length > 0 && labelHeights.every((h) => h >= 13),
        `chart labels ${labelHeights} px tall at ${width} px`);

      // The incident page: what to do next, then whom to call, before the record.
      await page.goto(incidentUrl);
      const order = await page.evaluate(() =>
        ["#next", "#to-reach", ".facts--headline", "#steps", "#timeline"].map(
          (id) => document.querySelector(id).getBoundingClientRect().top + window.scrollY,
        ),
      );
      assert.deepEqual([...order].sort((a, b) => a - b), order, `sections in order: ${order}`);
      assert.match(await page.locator("#next").innerText(), /次にすること/);
      assert.ok((await page.locator('#to-reach a[href^="tel:"]').count()) > 0, "tap to call");
      // Each number is a tap target of its own, the 責任者's marked 日中 and 夜間・休日.
      const phoneHeights = await page.locator('#to-reach a[href^="tel:"]').evaluateAll((links) =>
        links.map((a) => a.getBoundingClientRect().height),
      );
      // (a finger's 44 px on a phone; a desktop's mouse needs 36)
      const least = width === 390 ? 44 : 36;
      assert.ok(phoneHeights.every((h) => h >= least), `phone links ${phoneHeights} px tall`);
      assert.match(await page.locator(".to-reach__officer").innerText(), /日中[\s\S]*夜間・休日/);
      // Every form is folded until asked for; one opens at a time.
      assert.equal(await page.locator("details.form-fold[open]").count(), 0);
      assert.equal(await page.locator('form[action$="/contacts"]').isVisible(), false);
      await page.locator("#contact-form > summary").click();
      assert.equal(await page.locator('form[action$="/contacts"]').isVisible(), true);
      await page.locator("#log-form > summary").click();
      assert.equal(await page.locator('form[action$="/contacts"]').isVisible(), false);
      assert.equal(await page.locator('form[action$="/log"]').isVisible(), true);
      assert.deepEqual(await layoutProblems(page), [], `incident with a form open at ${width} px`);
      await screenshot(page, `screen-incident-form-${width}`);
      // What the incident must send out, folded until asked for.
      await page.locator("#log-form > summary").click();
      await page.locator("#notices-list > summary").click();
      assert.match(await page.locator("#notices-list").innerText(), /個人情報保護委員会への漏えい等報告（速報）/);
      assert.deepEqual(await layoutProblems(page), [], `the notices at ${width} px`);
      await page.locator("#notices").scrollIntoViewIfNeeded();
      await screenshot(page, `screen-incident-notices-${width}`);
      await page.locator("#notices-list > summary").click();
      await page.locator("#log-form > summary").click();
      if (width === 1280) {
        // It was 8,400 px tall before its forms folded away and its steps
        // became one band each.
        await page.locator("#log-form > summary").click();
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height < 5000, `the incident page is ${height} px tall at 1280 px`);
      }

      // The menu: a few items and three folds, every one inside the screen
      // (nothing hidden off the side); a fold opens over the page and leads on.
      await page.goto(server.url + "/");
      const menu = await page.evaluate(() =>
        [...document.querySelectorAll(".site-nav__list > li")].map((li) => {
          const r = li.getBoundingClientRect();
          return { text: li.firstElementChild.textContent, right: r.right, width: window.innerWidth };
        }),
      );
      assert.ok(menu.length <= 6, `top-level menu items: ${menu.map((m) => m.text)}`);
      for (const item of menu) assert.ok(item.right <= item.width, `${item.text} is off the screen`);
      assert.equal(await page.getByRole("link", { name: "点検", exact: true }).isVisible(), false);
      await page.locator(".nav-group__label", { hasText: "日頃の備え" }).click();
      await screenshot(page, `screen-menu-${width}`);
      assert.deepEqual(await layoutProblems(page), [], `the menu open at ${width} px`);
      await page.getByRole("link", { name: "点検", exact: true }).click();
      await page.waitForURL(server.url + "/checks");
      assert.match(
        await page.locator(".nav-group__label.is-current").innerText(),
        /日頃の備え/,
        "the fold holding the page is marked",
      );
    } finally {
      await browser.close();
    }
  });
}

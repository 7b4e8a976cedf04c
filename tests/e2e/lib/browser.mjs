// Debian's Chromium driven by playwright-core: headless, no network
// services of its own, a fresh profile per run. Plus the helpers the tests
// share: sign-in, screenshots into artifacts/, the axe-core scan and the
// HTML validator.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import axe from "axe-core";
import { HtmlValidate } from "html-validate";

const here = path.dirname(fileURLToPath(import.meta.url));
export const artifacts = path.join(here, "..", "artifacts");
fs.mkdirSync(artifacts, { recursive: true });

export async function openBrowser(viewport = { width: 1280, height: 900 }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "medbcp-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Delete and retire buttons ask once more through window.confirm.
  page.on("dialog", (dialog) => dialog.accept());
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function signIn(page, base, name, password) {
  await page.goto(base + "/login");
  if (!new URL(page.url()).pathname.startsWith("/login")) {
    // Someone is still signed in (an earlier test stopped half-way).
    await signOut(page);
  }
  await page.getByLabel("ユーザー名").fill(name);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

export async function signOut(page) {
  await page.getByRole("button", { name: "ログアウト" }).click();
  await page.waitForURL(/\/login/);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(artifacts, name + ".png"), fullPage: true });
}

// What a person on a small screen would trip over: the page wider than the
// window (a sideways scroll), and controls hidden or too small to tap
// (buttons, folded-form buttons and inputs under 44 px tall; 36 px is
// allowed for the quiet buttons of the header and tables).
export async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
      problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    }
    const controls = document.querySelectorAll(
      "main button, main .button, main summary.form-fold__summary, main input[type=submit]",
    );
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden" || box.width === 0) continue;
      const name = (el.innerText || el.value || el.className).trim().slice(0, 30);
      const small = el.matches(".button--small, .button--icon, .button--quiet") ? 36 : 44;
      if (box.height < small - 0.5) problems.push(`「${name}」 is ${Math.round(box.height)}px tall`);
      if (box.right > width + 0.5 || box.left < -0.5) problems.push(`「${name}」 is outside the window`);
    }
    return problems;
  });
}

// Runs axe-core in the page (through the DevTools protocol, so the page's
// Content-Security-Policy does not have to allow it) and returns the
// serious and critical violations.
export async function seriousViolations(page) {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const appRules = {
  // Japanese text and our own conventions, not errors:
  "no-trailing-whitespace": "off",
  "long-title": "off",
  "no-inline-style": "error",
  "prefer-native-element": "off",
  "no-redundant-role": "off",
  "valid-id": ["error", { relaxed: true }],
  "text-content": "off",
  "wcag/h63": "off",
};
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: appRules });

// A document made to be saved and printed (the plan as HTML, the offline
// kit): no Content-Security-Policy applies to a file, so the widths of its
// table columns may be inline styles.
const documentValidator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: { ...appRules, "no-inline-style": "off" },
});

// Validates the markup the server sent (not the DOM after script).
export async function htmlProblems(html, { standalone = false } = {}) {
  const report = await (standalone ? documentValidator : validator).validateString(html);
  const out = [];
  for (const r of report.results) {
    for (const m of r.messages) out.push(`${m.ruleId}: ${m.message} (line ${m.line}, ${m.selector ?? "?"})`);
  }
  return out;
}

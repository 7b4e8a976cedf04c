// The day the plan exists for, in the browser: a receptionist (職員) finds a
// ransom note, reports it and records the first steps and a call; the
// security officer (管理者) decides on recovery and care, registers evidence
// with a file, checks the chain, downloads the report — whose PDF text must
// hold every timeline entry — and closes the incident with a follow-up
// that lands on the dashboard. Every incident page is scanned with axe-core
// and html-validate and saved as a screenshot.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import {
  artifacts,
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
let incidentUrl;

before(async () => {
  server = await startServer({
    demo: true,
    users: [
      { name: "uketsuke", role: "staff", password: "staff-pass-1" },
      { name: "incho", role: "admin", password: "admin-pass-1" },
    ],
  });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// axe and html-validate on the page as it is now (the server's markup is
// fetched again with the page's cookies, so it is what was sent, not the DOM).
async function checkPage(page, name) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
  const html = await (await page.request.get(page.url())).text();
  assert.deepEqual(await htmlProblems(html), [], `html-validate on ${name}`);
  await screenshot(page, name);
}

function form(page, action) {
  return page.locator(`form[action$="${action}"]`);
}

// The page's forms fold away under their own buttons: open the one asked
// for (by its action), as a person taps 「＋ 連絡を記録する」.
async function openForm(page, action) {
  const wanted = form(page, action);
  const fold = page.locator("details.form-fold", { has: wanted });
  if (!(await fold.evaluate((d) => d.open))) await fold.locator("summary").first().click();
  await wanted.waitFor({ state: "visible" });
  return wanted;
}

async function submitted(page, button) {
  await button.click();
  await page.waitForLoadState("load");
  await page.locator(".notice").waitFor();
}

function squash(text) {
  return text.replace(/\s+/g, "");
}

test("a receptionist reports the ransom note and records the first response", async () => {
  const { page } = browser;
  await signIn(page, server.url, "uketsuke", "staff-pass-1");
  await page.goto(server.url + "/incidents");
  await checkPage(page, "incident-list-empty");
  await page.getByRole("link", { name: "インシデントを報告する" }).click();
  await page.waitForURL(/\/incidents\/new$/);
  await checkPage(page, "incident-new");

  // A time the server cannot read: refused beside the field, typed text kept.
  await page.getByLabel("発見者").fill("受付 中村");
  await page.getByLabel("発生状況").fill("画面に脅迫文");
  await page.getByLabel("発見日時").fill("明日の朝");
  await page.getByRole("button", { name: "記録して報告する" }).click();
  await page.locator("#error-summary").waitFor();
  assert.match(await page.locator("#error-summary").innerText(), /発見日時/);
  assert.match(await page.locator(".field--error").innerText(), /日時を読めません/);
  assert.equal(await page.getByLabel("発見日時").inputValue(), "明日の朝");
  assert.equal(await page.getByLabel("発見者").inputValue(), "受付 中村");
  await checkPage(page, "incident-new-rejected");

  await page.getByLabel("発見日時").fill("2026-11-30 08:40");
  await page.getByLabel("発見の経緯").fill("始業時に受付端末を起動したところ");
  await page.getByLabel("発生状況").fill("受付端末1の画面に英語の脅迫文。共有フォルダのファイルが開けない");
  await page.getByLabel("処置内容").fill("LANケーブルを抜いた（電源は切っていない）");
  await page.getByLabel("想定する事象").selectOption("malware");
  await page.getByLabel("電子カルテシステム", { exact: true }).check();
  await page.getByText("影響を受けた機器（情報機器台帳から選ぶ）").click();
  await page.getByLabel(/^PC-001 受付端末1/).check();
  await page.getByLabel("患者さんなどの個人情報が漏えいした可能性がある").check();
  await page.getByLabel("当院が事態を知った日時").fill("2026-11-30 08:50");
  await page.getByRole("button", { name: "記録して報告する" }).click();
  await page.waitForURL(/\/incidents\/\d+\?notice=added$/);
  incidentUrl = page.url().split("?")[0];

  // The officer and the first-report contacts are shown at once, with the
  // do-not-initialise reminder and the leak report deadlines.
  const body = await page.locator("main").innerText();
  assert.match(body, /すぐに連絡する先/);
  assert.match(body, /未連絡/);
  assert.match(body, /初期化/);
  assert.match(body, /個人情報保護委員会/);
  assert.ok((await page.locator('#to-reach a[href^="tel:"]').count()) > 0, "phones are tel: links");
  await checkPage(page, "incident-started");

  // (２)① 切り離し, done with a note.
  const isolate = page.locator("#step-isolate");
  await isolate.getByLabel("備考・対象外の理由").fill("受付端末1をLANから切り離した");
  await isolate.getByRole("button", { name: "実施済" }).click();
  await page.waitForURL(/#step-isolate$/);
  assert.match(await page.locator("#step-isolate").innerText(), /実施済/);

  // A call to the first contact the plan says must be told.
  const call = await openForm(page, "/contacts");
  const firstReport = call.getByLabel("連絡先").locator("option", { hasText: "★初報" }).first();
  await call.getByLabel("連絡先").selectOption(await firstReport.getAttribute("value"));
  await call.getByLabel("伝えた内容").fill("受付端末1に脅迫文。LANから切り離し済み");
  await call.getByLabel("先方の対応・次の連絡").fill("10時に折り返し");
  await call.getByLabel("連絡した日時").fill("2026-11-30 09:05");
  await submitted(page, call.getByRole("button", { name: "連絡を記録" }));
  assert.match(await page.locator("#contacts").innerText(), /連絡済/);

  // A fact, then a mistake and its correction (never an edit).
  const log = await openForm(page, "/log");
  await log.getByLabel("種類").selectOption("fact");
  await log.getByLabel("起きた日時").fill("2026-11-30 09:10");
  await log.getByLabel("内容").fill("診察室の端末2台は正常に動作している");
  await submitted(page, log.getByRole("button", { name: "時系列に記録" }));
  await (await openForm(page, "/log")).getByLabel("内容").fill("プリンタも暗号化された");
  await submitted(page, form(page, "/log").getByRole("button", { name: "時系列に記録" }));
  const fix = await openForm(page, "/corrections");
  const mistaken = fix.getByLabel("訂正する記録").locator("option", { hasText: "プリンタも暗号化" });
  await fix.getByLabel("訂正する記録").selectOption(await mistaken.getAttribute("value"));
  await fix.getByLabel("何が誤っていたか（正しい内容）").fill("プリンタは紙詰まりで、暗号化ではなかった");
  await submitted(page, fix.getByRole("button", { name: "訂正を記録" }));
  assert.match(await page.locator("#timeline").innerText(), /を訂正/);

  // Decisions are the officer's: a staff account has no form for them,
  // and the server refuses a forged one.
  assert.equal(await form(page, "/decisions").count(), 0);
  const forged = await page.evaluate(async (url) => {
    const token = document.querySelector('input[name="csrf"]').value;
    const body = new URLSearchParams({ csrf: token, kind: "care", care: "suspended", reason: "x" });
    return (await fetch(url + "/decisions", { method: "POST", body })).status;
  }, incidentUrl);
  assert.equal(forged, 403);
  await checkPage(page, "incident-staff");
  await signOut(page);
});

test("the security officer decides, preserves evidence, reports and closes", async () => {
  const { page } = browser;
  await signIn(page, server.url, "incho", "admin-pass-1");
  await page.goto(incidentUrl);

  // The plan's fallback and restore method are shown where the decision is made.
  assert.match(await page.locator("#decisions").innerText(), /代替手段と復旧方法/);
  const decide = () => form(page, "/decisions");
  await openForm(page, "/decisions");
  await decide().getByLabel("判断", { exact: true }).selectOption("system_recovery");
  await decide().getByLabel("対象システム").selectOption({ label: "電子カルテシステム" });
  await decide().getByLabel("復旧できるか").selectOption("no");
  await decide().getByLabel("協議したシステム事業者").fill("富岳メディカルシステム株式会社");
  await decide().getByLabel("理由").fill("サーバのデータベースも暗号化されていた");
  await submitted(page, decide().getByRole("button", { name: "判断を記録" }));

  await openForm(page, "/decisions");
  await decide().getByLabel("判断", { exact: true }).selectOption("data_recovery");
  await decide().getByLabel("対象システム").selectOption({ label: "電子カルテシステム" });
  await decide().getByLabel("復旧できるか").selectOption("yes");
  await decide().getByLabel("復元に使うバックアップ（感染前と考える世代）").fill("11月29日 夜間の外付けHDD（オフライン保管）");
  await decide().getByLabel("理由").fill("外付けHDDは前夜から切り離して保管していた");
  await submitted(page, decide().getByRole("button", { name: "判断を記録" }));

  await openForm(page, "/decisions");
  await decide().getByLabel("判断", { exact: true }).selectOption("care");
  await decide().getByLabel("診療", { exact: true }).selectOption("reduced");
  await decide().getByLabel("診療形態").fill("予約患者のみ・紙カルテ");
  await decide().getByLabel("理由").fill("紙カルテと院外処方で対応できる範囲に限る");
  await submitted(page, decide().getByRole("button", { name: "判断を記録" }));
  assert.match(await page.locator("#decisions").innerText(), /予約患者のみ・紙カルテ/);

  // Evidence with a file: medbcp records its name, size and SHA-256.
  const evidence = await openForm(page, "/evidence");
  await evidence.getByLabel("保全したもの").fill("脅迫文のテキストファイル");
  await evidence.getByLabel("元の機器").selectOption({ label: "PC-001 受付端末1" });
  await evidence.getByLabel("保管場所").fill("事務室の金庫（USBメモリ）");
  await evidence.getByLabel("保管者").fill("山田 太郎");
  await evidence.getByLabel(/^ファイル/).setInputFiles({
    name: "README-DECRYPT.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("abc"),
  });
  await submitted(page, evidence.getByRole("button", { name: "証拠を登録" }));
  const register = await page.locator("#evidence").innerText();
  assert.match(register, /README-DECRYPT\.txt/);
  assert.match(register, /ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad/);

  // Hand-over to the police: a custody entry.
  const custody = await openForm(page, "/custody");
  await custody.getByLabel("受け取った人").fill("静岡県警 サイバー犯罪対策課 捜査員");
  await custody.getByLabel("新しい保管場所").fill("静岡県警");
  await submitted(page, custody.getByRole("button", { name: "受け渡しを記録" }));
  await checkPage(page, "incident-officer");

  // The chain verifies.
  await page.locator("a", { hasText: /^時系列 \d+ 件・改ざんなし$/ }).click();
  await page.waitForURL(/\/verify$/);
  assert.match(await page.locator("main").innerText(), /見つかりませんでした/);
  await checkPage(page, "incident-verify");
  await page.goto(incidentUrl);

  // The report, downloaded as a person would, holds every timeline entry.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "報告書（PDF）" }).click(),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medbcp-report-"));
  const pdf = path.join(dir, "report.pdf");
  await download.saveAs(pdf);
  fs.copyFileSync(pdf, path.join(artifacts, "incident-report.pdf"));
  const text = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  assert.equal(text.status, 0, text.stderr);
  const reportText = squash(text.stdout);
  const timeline = await (await page.request.get(incidentUrl + "/timeline.json")).json();
  assert.equal(timeline.chain.verified, true);
  assert.ok(timeline.entries.length >= 10, `entries: ${timeline.entries.length}`);
  for (const entry of timeline.entries) {
    // A long entry may be wrapped or hyphenated differently; its first
    // 40 characters identify it.
    const needle = squash(entry.text).slice(0, 40);
    assert.ok(reportText.includes(needle), `report lacks timeline entry ${entry.seq}: ${entry.text}`);
  }
  assert.match(timeline.chain.head_hash, /^[0-9a-f]{64}$/);
  assert.ok(reportText.includes(timeline.chain.head_hash), "the report holds the chain's final hash");
  fs.rmSync(dir, { recursive: true, force: true });

  // Close with lessons and a follow-up; it becomes a task on the dashboard.
  const close = await openForm(page, "/close");
  await close.getByLabel("教訓（次に活かすこと）").fill("オフラインのバックアップが復旧を早めた");
  const firstRow = close.getByRole("group", { name: "1件目" });
  await firstRow.getByLabel("内容").fill("VPN装置のファームウェア更新");
  await firstRow.getByLabel("担当").fill("鈴木");
  await firstRow.getByLabel("期限").fill("2026-12-20");
  // Reports still due are listed above the form; closing anyway is a choice.
  assert.match(await page.locator("#close-open-items").innerText(), /まだ終わっていないことがあります/);
  await close.getByLabel("未了のまま終了する").check();
  await submitted(page, close.getByRole("button", { name: "インシデントを終了" }));
  assert.match(await page.locator(".toolbar").innerText(), /終了/);
  assert.equal(await form(page, "/log").count(), 0, "a closed incident has no form to append");
  await checkPage(page, "incident-closed");
  await page.goto(server.url + "/");
  assert.match(await page.locator("main").innerText(), /VPN装置のファームウェア更新/);
  await signOut(page);
});

// The offline kit on the day the network is down: the kit made by
// `medbcp kit --out DIR` is opened from file:// in Chromium with networking
// off; an incident is logged in it, the page is reloaded (nothing lost),
// more is logged, and the log is exported as JSON. `medbcp incident import`
// merges it, a second import adds nothing, and `medbcp incident verify`
// finds the timeline chain intact.
const { test, expect } = require('@playwright/test');
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const medbcp = process.env.MEDBCP_BIN || process.env.MEDBCP || path.resolve(__dirname, '../../build/medbcp');

function run(db, args) {
  const r = spawnSync(medbcp, ['--db', db, ...args], { encoding: 'utf8' });
  return { code: r.status, out: (r.stdout || '') + (r.stderr || '') };
}

test('offline kit: log from file:// with the network off, export, import twice, verify', async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medbcp-kit-e2e-'));
  const db = path.join(dir, 'medbcp.db');
  expect(run(db, ['init', '--demo']).code).toBe(0);
  const made = run(db, ['kit', '--out', path.join(dir, 'usb')]);
  expect(made.code, made.out).toBe(0);
  const kitFile = fs.readdirSync(path.join(dir, 'usb')).find((f) => f.endsWith('.html'));
  expect(kitFile).toBeTruthy();
  const kitUrl = 'file://' + path.join(dir, 'usb', kitFile);

  const context = await browser.newContext({ acceptDownloads: true });
  await context.setOffline(true);
  // Anything but the file itself (and the Blob of the export) is a leak.
  const external = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:') || url === 'about:srcdoc') {
      return route.continue();
    }
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto(kitUrl);
  await expect(page.locator('.kit-head .stamp')).toContainText('版');
  await expect(page.locator('#contacts a[href^="tel:"]').first()).toBeVisible();

  // The discovery report.
  await page.fill('#author', '中村 さくら');
  await page.fill('#r-title', '受付PCに脅迫文');
  await page.fill('#r-how', '始業時に受付PCを起動したところ');
  await page.fill('#r-situation', '画面に英語の脅迫文。ファイルが開けない');
  await page.fill('#r-actions', 'LANケーブルを抜いた');
  await page.click('#report-form button[type=submit]');
  await expect(page.locator('#entry-count')).toHaveText('1');
  await expect(page.locator('#report-done')).toBeVisible();

  // A timeline entry.
  await page.fill('#e-text', 'プリンタも印刷できない');
  await page.click('#entry-form button[type=submit]');
  await expect(page.locator('#entry-count')).toHaveText('2');

  // Reloaded: kept in the browser.
  await page.reload();
  await expect(page.locator('#entry-count')).toHaveText('2');
  await expect(page.locator('#author')).toHaveValue('中村 さくら');
  await expect(page.locator('#report-form')).toBeHidden();

  // More: a checklist step and a call.
  const isolate = page.locator('form.step-form[data-step="isolate"]');
  await isolate.locator('input[name=note]').fill('受付PCのみ');
  await isolate.locator('button[value=done]').click();
  await expect(page.locator('[data-step-state="isolate"]')).toHaveText('実施済');
  await page.fill('#c-said', '受付PCに脅迫文、切り離し済み');
  await page.click('#contact-form button[type=submit]');
  await expect(page.locator('#entry-count')).toHaveText('4');

  // Export.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const logPath = path.join(dir, 'log.json');
  await download.saveAs(logPath);
  const log = JSON.parse(fs.readFileSync(logPath, 'utf8'));
  expect(log.format).toBe('medbcp-offline-log');
  expect(log.entries).toHaveLength(4);
  expect(log.sha256).toMatch(/^[0-9a-f]{64}$/);

  expect(external).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();

  // Merge back.
  const first = run(db, ['incident', 'import', logPath]);
  expect(first.code, first.out).toBe(0);
  expect(first.out).toContain('4 件を取り込みました');
  const incident = first.out.match(/インシデント (\d+)/)[1];
  const second = run(db, ['incident', 'import', logPath]);
  expect(second.code, second.out).toBe(0);
  expect(second.out).toContain('0 件を取り込みました');
  const verify = run(db, ['incident', 'verify', incident]);
  expect(verify.code, verify.out).toBe(0);

  // An edited file is refused and changes nothing.
  const edited = JSON.parse(fs.readFileSync(logPath, 'utf8'));
  edited.entries[1].text = 'プリンタは正常';
  fs.writeFileSync(path.join(dir, 'edited.json'), JSON.stringify(edited));
  const refused = run(db, ['incident', 'import', path.join(dir, 'edited.json')]);
  expect(refused.code).toBe(1);
  expect(refused.out).toContain('整合性ハッシュ');
  expect(run(db, ['incident', 'verify', incident]).code).toBe(0);

  fs.rmSync(dir, { recursive: true, force: true });
});

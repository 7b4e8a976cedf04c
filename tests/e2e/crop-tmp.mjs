// usage: node crop-tmp.mjs FILE width height outprefix [maxParts]
import { chromium } from "playwright-core";
import fs from "node:fs";
const [file, w, h, prefix, maxParts = "4"] = process.argv.slice(2);
const width = Number(w), height = Number(h);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width, height } });
const data = fs.readFileSync(file).toString("base64");
await page.setContent(`<html><body style="margin:0"><img id=i src="data:image/png;base64,${data}"></body></html>`);
const total = await page.evaluate(() => document.getElementById("i").naturalHeight);
let n = 0;
for (let y = 0; y < total && n < Number(maxParts); y += height, n++) {
  await page.screenshot({ path: `${prefix}-${n}.png`, clip: { x: 0, y, width, height: Math.min(height, total - y) }, fullPage: true });
}
console.log(total, n);
await browser.close();

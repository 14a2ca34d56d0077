import { preview } from 'vite';
import path from 'node:path';
import { chromium } from 'playwright-core';
const root = process.cwd();
const server = await preview({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: path.join(root, 'node_modules/.cache/holdout-bench-dist') }, preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false } });
const url = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror', String(e).slice(0, 500)));
await page.goto(`${url}#preset=crespo-city-public`, { waitUntil: 'networkidle' });
await page.waitForSelector('[data-bench="result"][data-busy="false"]');
const slider = page.locator('[data-bench="lever-slider"]').first();
const box = (await slider.boundingBox())!;
const y = box.y + box.height / 2;
await page.mouse.move(box.x + box.width * 0.05, y);
await new Promise((r) => setTimeout(r, Number(process.env.HOVER ?? 300)));
await page.mouse.down();
for (const f of [0.3, 0.5]) {
  await page.mouse.move(box.x + box.width * f, y);
  await new Promise((r) => setTimeout(r, 200));
  console.log(f, await slider.inputValue(), await page.getAttribute('[data-bench="result"]', 'data-version'), await page.getAttribute('[data-bench="result"]', 'data-busy'));
}
await browser.close(); await server.close();

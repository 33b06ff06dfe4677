// Renders media/icon.svg to the 128×128 media/icon.png the Marketplace shows, with Debian's Chromium.
// Usage: node build/render-icon.mjs   (needs playwright-core from devDependencies and /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const svg = readFileSync(`${root}media/icon.svg`, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.screenshot({
    path: `${root}media/icon.png`,
    omitBackground: true,
    clip: { x: 0, y: 0, width: 128, height: 128 },
  });
} finally {
  await browser.close();
}

// Starts the sample server and a headless Debian Chromium for the browser
// tests; saves screenshots as test artifacts.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const PASSWORD = 'correct horse battery';
const artifacts = process.env.BEACON_ARTIFACTS || path.resolve('artifacts');

export async function startServer() {
  const binary = process.env.BEACON_SAMPLE_SERVER;
  if (!binary || !existsSync(binary)) throw new Error('set BEACON_SAMPLE_SERVER to the web_sample_server binary');
  const dir = mkdtempSync(path.join(tmpdir(), 'beacon-browser-'));
  const portFile = path.join(dir, 'port');
  const child = spawn(binary, [portFile, process.env.BEACON_ASSETS || ''], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 200 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
  const port = readFileSync(portFile, 'utf8').trim();
  return {
    base: `http://127.0.0.1:${port}`,
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startBrowser() {
  const executablePath = execFileSync('which', ['chromium']).toString().trim();
  const profile = mkdtempSync(path.join(tmpdir(), 'beacon-chromium-'));
  // A fresh --user-data-dir: playwright passes `profile` as that flag.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function signIn(page, base) {
  await page.goto(`${base}/sign-in`);
  await page.fill('#user', 'admin');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/scorecard/), page.click('button[type=submit]')]);
}

export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

// WCAG 2.2 AA: every rule axe has for levels A and AA up to 2.2.
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// Browser tests: Debian Chromium through playwright-core against the sample
// server (web/test_support.h's organisation). Each page is also checked with
// axe-core for WCAG 2.2 AA and photographed into the artifacts folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, startBrowser, signIn, screenshot, axeViolations } from './harness.mjs';

let server;
let chrome;
let page;

before(async () => {
  server = await startServer();
  chrome = await startBrowser();
  page = await chrome.context.newPage();
  await signIn(page, server.base);
});

after(async () => {
  await chrome?.close();
  server?.stop();
});

const DATE = 'to=2025-03-31';

test('the scorecard shows all 15 contract KPIs (and KPI6E)', async () => {
  await page.goto(`${server.base}/scorecard?${DATE}`);
  const ids = await page.$$eval('#contract-kpis tbody tr', (rows) => rows.map((r) => r.dataset.indicator));
  for (let i = 1; i <= 15; i++) assert.ok(ids.includes(`KPI${i}`), `KPI${i} missing`);
  assert.ok(ids.includes('KPI6E'));
  assert.equal(ids.length, 16);
  // Colour is never the only signal: every status tag carries its word.
  const tags = await page.$$eval('#contract-kpis .govuk-tag', (t) => t.map((e) => e.textContent.trim()));
  for (const t of tags) assert.match(t, /^(Green|Amber|Red|Not rated)$/);
  await screenshot(page, 'scorecard');
});

test('drill down organisation → locality → team → worker and back', async () => {
  await page.goto(`${server.base}/indicators/KPI3?${DATE}`);
  await page.click('#breakdown-table a:text-is("East")');
  await page.waitForURL(/unit=EAST/);
  await page.click('#breakdown-table a:text-is("Assessment team 1")');
  await page.waitForURL(/unit=T1/);
  await page.click('#breakdown-table a:text-is("Alex Able")');
  await page.waitForURL(/unit=W1/);
  const current = await page.textContent('.govuk-breadcrumbs [aria-current="page"]');
  assert.equal(current.trim(), 'Alex Able');
  await screenshot(page, 'indicator-worker');
  await page.click('.govuk-breadcrumbs a:text-is("East")');
  await page.waitForURL(/unit=EAST/);
  await page.click('.govuk-breadcrumbs a:has-text("whole organisation")');
  await page.waitForURL(/unit=ORG/);
  assert.ok(await page.isVisible('#breakdown-table a:text-is("South")'));
});

test('a drill-through download opens and matches the page', async () => {
  await page.goto(`${server.base}/indicators/KPI3?${DATE}`);
  const onPage = await page.$$eval('#drill-table tbody th a', (a) => a.map((e) => e.textContent.trim()));
  assert.ok(onPage.length > 0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#drill-csv')]);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  const inFile = lines.slice(1).map((l) => l.split(',')[0].replace(/"/g, ''));
  assert.deepEqual(inFile.sort(), [...onPage].sort());
  const count = await page.textContent('#drill-count');
  assert.match(count, new RegExp(`^${inFile.length} records`));
});

test('a worklist shows an assessment due in 5 working days or fewer', async () => {
  await page.goto(`${server.base}/worklists?${DATE}&unit=W1`);
  const row = page.locator('#worklist-table tr[data-kind="assessment"]');
  assert.equal(await row.count(), 1);
  assert.match(await row.textContent(), /Due soon/);
  const left = await row.locator('td').nth(2).textContent();
  const n = Number(left.match(/(\d+) working days? left/)[1]);
  assert.ok(n <= 5, left);
  await screenshot(page, 'worklist');
  await row.locator('a').click();
  await page.waitForURL(/\/children\/C3/);
  assert.ok(await page.isVisible('#timeline'));
  await screenshot(page, 'child');
});

test('uploading a malformed file shows the error with its line', async () => {
  await page.goto(`${server.base}/data`);
  await page.setInputFiles('#files', {
    name: 'referrals.csv', mimeType: 'text/csv',
    buffer: Buffer.from('child_id,referral_date\nC9,2024-01-01\nC10,bad\n'),
  });
  await page.click('button:text-is("Upload and load")');
  await page.waitForSelector('#load-errors', { timeout: 20000 });
  const cells = await page.$$eval('#load-errors tbody tr:first-child td', (td) => td.map((c) => c.textContent.trim()));
  assert.equal(cells[0], 'referrals.csv');
  assert.equal(cells[1], '3');
  assert.equal(cells[2], 'referral_date');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'upload-error');
});

test('no page has a WCAG 2.2 AA violation', async () => {
  const pages = [
    '/scorecard?' + DATE,
    '/indicators/KPI3?' + DATE,
    '/indicators/KPI3?' + DATE + '&unit=T1',
    '/portraits?' + DATE,
    '/portraits/cin?' + DATE,
    '/worklists?' + DATE,
    '/children/C1?' + DATE,
    '/data',
    '/admin/users',
    '/admin/users/1',
    '/admin/audit',
    '/account',
  ];
  for (const p of pages) {
    await page.goto(server.base + p);
    assert.deepEqual(await axeViolations(page), [], p);
  }
  await chrome.context.clearCookies();
  await page.goto(`${server.base}/sign-in`);
  assert.deepEqual(await axeViolations(page), [], '/sign-in');
  await screenshot(page, 'sign-in');
  await signIn(page, server.base);
});

test('keyboard only: the skip link leads to the main content', async () => {
  await page.goto(`${server.base}/scorecard?${DATE}`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.textContent.trim());
  assert.equal(focused, 'Skip to main content');
});

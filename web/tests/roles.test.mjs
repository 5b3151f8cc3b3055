// Each role's journey (issue 14): where each person lands, that their home
// page says true things, that no page is wider than the window at 320, 768
// and 1280 px, that no count prints as "12.0", and that no page shows a
// developer's words. Screenshots of every page visited are saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, screenshot, axeViolations, PASSWORD } from './harness.mjs';

let server;
let chrome;

before(async () => {
  server = await startServer();
  chrome = await startBrowser();
});

after(async () => {
  await chrome?.close();
  server?.stop();
});

async function signedIn(user) {
  await chrome.context.clearCookies();
  const page = await chrome.context.newPage();
  await page.goto(`${server.base}/sign-in`);
  await page.fill('#user', user);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

// What a reader should never see: command-line flags, repository paths,
// ISO timestamps, counts with a ".0", internal names.
function developerWords(text) {
  const found = [];
  for (const [name, re] of [
    ['a command-line flag', /(^|\s)--[a-z][a-z-]+/],
    ['a repository path', /\bdocs\/|\bsrc\//],
    ['an ISO timestamp', /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/],
    // (FTE are not counts: "0.5 of 7.0 FTE" is right.)
    ['a count with .0', /\b\d[\d,]*\.0 of \d[\d,]*(\.\d)? (?!FTE)/],
    ['an internal name', /ssd-fields|not-upheld|\bseed \d/],
  ]) if (re.test(text)) found.push(`${name}: ${text.match(re)[0]}`);
  return found;
}

async function visit(page, path, name) {
  const res = await page.goto(server.base + path);
  assert.equal(res.status(), 200, path);
  const text = await page.innerText('main');
  assert.deepEqual(developerWords(text), [], path);
  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `${path} is ${wide}px wide at ${width}px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, name);
  return text;
}

test('a social worker lands on My children: every child allocated to them, and their figures', async () => {
  const page = await signedIn('sw');
  assert.match(page.url(), /\/my-children$/);
  const text = await visit(page, '/my-children', 'role-social-worker-my-children');
  // Alex Able holds C1 and C3 at the data's date (3 February 2025).
  const children = await page.$$eval('#my-children tbody th a', (a) => a.map((e) => e.textContent));
  assert.deepEqual(children.map((c) => c.match(/\((C\d+)\)/)[1]).sort(), ['C1', 'C3']);
  assert.match(text, /2 children allocated to you/);
  assert.ok(await page.isVisible('#data-date'));
  assert.match(await page.textContent('#data-date'), /^Data to 3 February 2025$/);
  assert.deepEqual(await axeViolations(page), []);
  // The child's page opens with what is due, then key facts, and has a way back.
  await page.click('#my-children a:has-text("C3")');
  await page.waitForURL(/\/children\/C3/);
  assert.ok(await page.isVisible('.govuk-back-link'));
  const headings = await page.$$eval('main h2', (h) => h.map((e) => e.textContent.trim()));
  assert.deepEqual(headings.slice(0, 3), ['Due or overdue', 'Key facts', 'Timeline']);
  assert.match(await page.innerText('#timeline'), /primary need N1 Abuse or neglect/);
  await page.click('.govuk-back-link');
  await page.waitForURL(/\/my-children/);
  await page.close();
});

test('a team manager lands on My team, reds and ambers first, with no practice-hub forms', async () => {
  const page = await signedIn('tm');
  assert.match(page.url(), /\/my-team$/);
  await visit(page, '/my-team', 'role-team-manager-my-team');
  const statuses = await page.$$eval('#team-figures tbody tr td:nth-child(3)', (td) => td.map((c) => c.textContent.trim()));
  const rank = { Red: 0, Amber: 1, Green: 2, 'Not rated': 3 };
  const ranks = statuses.map((s) => rank[s]);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), statuses.join(', '));
  const workers = await page.$$eval('#team-workers tbody th a', (a) => a.map((e) => e.textContent));
  assert.deepEqual(workers.sort(), ['Alex Able', 'Blake Baker']);
  assert.deepEqual(await axeViolations(page), []);
  // A team manager reads the QA cycles but is not offered "Start a cycle".
  await page.goto(`${server.base}/qa`);
  assert.equal(await page.locator('#new-cycle').count(), 0);
  await page.close();
});

test('a scrutiny member lands on the scorecard, where no hidden figure counts as a colour', async () => {
  const page = await signedIn('cllr');
  assert.match(page.url(), /\/scorecard$/);
  const text = await visit(page, '/scorecard', 'role-scrutiny-scorecard');
  assert.match(text, /not shown \(fewer than 5 children or records\)/);
  assert.match(await page.textContent('#scorecard-summary'), /0 are green, 0 amber and 0 red/);
  await page.close();
});

test('an analyst\'s pages fit every width and speak plainly', async () => {
  const page = await signedIn('admin');
  assert.match(page.url(), /\/scorecard$/);
  for (const [path, name] of [
    ['/scorecard', 'analyst-scorecard'],
    ['/indicators/KPI3', 'analyst-kpi3'],
    ['/indicators/KPI14?unit=T1', 'analyst-kpi14-team'],
    ['/portraits/cin', 'analyst-portrait-cin'],
    ['/worklists', 'analyst-worklists'],
    ['/children/C1', 'analyst-child'],
    ['/qa', 'analyst-qa'],
    ['/data', 'analyst-data'],
  ]) await visit(page, path, name);
  // The breakdown is a chart as well as a table.
  await page.goto(`${server.base}/indicators/KPI3`);
  assert.ok(await page.isVisible('#breakdown-chart svg'));
  await page.close();
});

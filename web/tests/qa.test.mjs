// Browser tests of the practice hub: drawing a cycle, the refusal of an
// incomplete evaluation (every missing item listed and linked), completing
// and submitting one, the learning briefing, recording a compliment (a
// refusal named beside its field) and starting a plan with a numbered
// action; each page checked with axe-core for WCAG 2.2 AA.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, signIn, screenshot, axeViolations } from './harness.mjs';

let server;
let chrome;
let page;
let cyclePath;

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

test('starting a cycle draws and assigns the sample', async () => {
  await page.goto(`${server.base}/qa`);
  assert.deepEqual(await axeViolations(page), [], '/qa');
  await page.fill('#cycle-name', 'December dip');
  await page.fill('#cycle-start', '2024-12-01');
  await page.fill('#cycle-end', '2024-12-31');
  await page.selectOption('#cycle-mode', 'random');
  await page.fill('#cycle-size', '5');
  await Promise.all([page.waitForURL(/\/qa\/cycles\/\d+$/), page.click('button:text-is("Draw the sample")')]);
  cyclePath = new URL(page.url()).pathname;
  // C1, C2 and C4 were open on 1 December 2024.
  assert.equal(await page.locator('#cycle-sample tbody tr').count(), 3);
  assert.deepEqual(await axeViolations(page), [], cyclePath);
  await screenshot(page, 'qa-cycle');
});

test('an incomplete evaluation is refused, listing exactly what is missing', async () => {
  await page.goto(server.base + cyclePath);
  await Promise.all([page.waitForURL(/\/qa\/evaluations\/\d+$/), page.click('#cycle-sample tbody tr:first-child th a')]);
  await page.check('#q-voice-grade-3');  // inadequate
  await page.fill('#q-voice-evidence', 'The child is rarely seen alone.');
  await page.click('button:text-is("Submit the evaluation")');
  await page.waitForSelector('#submission-refused');
  const items = await page.$$eval('#submission-refused li a', (a) => a.map((e) => [e.textContent.trim(), e.getAttribute('href')]));
  const hrefs = items.map(([, href]) => href);
  assert.ok(hrefs.includes('#q-learning-voice'), 'learning about the inadequate pillar is asked for');
  assert.ok(hrefs.includes('#q-assessment-grade'));
  assert.ok(!hrefs.includes('#q-voice-grade'), 'what was answered is not listed');
  assert.ok(!hrefs.includes('#q-learning-assessment'), 'learning is only required below good');
  assert.equal(await page.isChecked('#q-voice-grade-3'), true, 'what was typed is kept');
  // Each listed item links to a field on the page.
  for (const href of hrefs) assert.equal(await page.locator(href).count(), 1, href);
  assert.match(await page.title(), /^Error: /);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'qa-evaluation-refused');
});

test('completing and submitting an evaluation', async () => {
  for (const pillar of ['voice', 'assessment', 'planning', 'oversight']) {
    await page.check(`#q-${pillar}-grade-1`);  // good
    await page.fill(`#q-${pillar}-evidence`, 'Seen in the record and discussed with the practitioner.');
  }
  await page.check('#q-overall-grade-2');  // good
  await page.check('#q-overall-experience-progress');
  await page.check('#q-overall-record-reflects-work');
  await page.check('#q-overall-child-safe');
  await page.fill('#q-overall-summary', 'Consistent, child-centred work.');
  await page.fill('#q-feedback-child', 'Says their worker listens.');
  await page.fill('#q-feedback-parents', 'Mother feels listened to.');
  await page.fill('#q-feedback-partners', 'School reports good joint working.');
  await page.fill('#q-learning-summary', 'Keep the chronology current.');
  await page.check('#q-learning-themes-2');  // Chronology
  await Promise.all([page.waitForURL(/done=submitted/), page.click('button:text-is("Submit the evaluation")')]);
  assert.equal((await page.textContent('#qa-notice')).trim(), 'Evaluation submitted.');
  assert.equal((await page.textContent('#evaluation-status')).trim(), 'submitted');
  assert.equal(await page.locator('#evaluation-versions tbody tr').count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'qa-evaluation-submitted');
});

test('the learning briefing shows the cycle and downloads', async () => {
  await page.goto(`${server.base}${cyclePath}/briefing`);
  assert.match(await page.textContent('#briefing-headline'), /^1 evaluations submitted; 100% good or better overall/);
  const overall = await page.$$eval('#briefing-pillars tbody tr:last-child td', (td) => td.map((c) => c.textContent.trim()));
  assert.equal(overall[2], '1');  // one good
  assert.ok(await page.isVisible('#briefing-themes'));
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'qa-briefing');
  const pdf = await page.request.get(`${server.base}${cyclePath}/briefing.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  for (const p of ['/qa/recommendations', '/qa/feedback', '/qa/plans', '/qa/triangulation?unit=T1']) {
    await page.goto(server.base + p);
    assert.deepEqual(await axeViolations(page), [], p);
  }
});

test('recording a compliment: a blank field is named beside it and what was typed kept', async () => {
  await page.goto(`${server.base}/qa/feedback`);
  await Promise.all([page.waitForURL(/\/qa\/compliments\/new$/), page.click('a:text-is("Record a compliment")')]);
  assert.deepEqual(await axeViolations(page), [], '/qa/compliments/new');
  await page.fill('#compliment-received', '2025-02-10');
  await page.selectOption('#compliment-from', 'carer');
  await page.click('button:text-is("Record the compliment")');
  await page.waitForSelector('#compliment-summary-error');
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.getAttribute('.govuk-error-summary a', 'href'), '#compliment-summary');
  assert.equal(await page.inputValue('#compliment-received'), '2025-02-10');
  assert.equal(await page.inputValue('#compliment-from'), 'carer');
  assert.deepEqual(await axeViolations(page), [], 'refused compliment');
  await screenshot(page, 'qa-compliment-refused');
  await page.fill('#compliment-summary', 'Thank you for listening.');
  await Promise.all([page.waitForURL(/\/qa\/feedback\?to=2025-02-10/), page.click('button:text-is("Record the compliment")')]);
  assert.match(await page.textContent('#compliments'), /Thank you for listening\./);
});

test('starting an improvement plan and adding a numbered action', async () => {
  await page.goto(`${server.base}/qa/plans/new`);
  assert.deepEqual(await axeViolations(page), [], '/qa/plans/new');
  await page.fill('#plan-name', 'Development plan 2025-26');
  await page.fill('#plan-priorities', "Children's voices are heard | Director of children's services");
  await Promise.all([page.waitForURL(/\/qa\/plans\/\d+$/), page.click('button:text-is("Start the plan")')]);
  await Promise.all([page.waitForURL(/\/actions\/new$/), page.click('a:text-is("Add an action")')]);
  assert.equal(await page.inputValue('#action-number'), '1.1');
  assert.deepEqual(await axeViolations(page), [], 'action form');
  await page.fill('#action-title', 'Every child seen alone at each visit');
  await page.fill('#action-leads', 'Head of service, East');
  await page.fill('#action-start', '2025-04-01');
  await page.fill('#action-due', '2026-03-31');
  await page.fill('#action-indicators', 'KPI3');
  await Promise.all([page.waitForURL(/\/qa\/plans\/\d+$/), page.click('button:text-is("Add the action")')]);
  assert.match(await page.textContent('#priority-1'), /Every child seen alone at each visit/);
  assert.deepEqual(await axeViolations(page), [], 'plan with its action');
  await screenshot(page, 'qa-plan-action');
});

// End-to-end browser tests of the console against the REAL services with the demo crisis loaded (a plan
// solved, not approved). Started by the console module's ConsoleBrowserIT (./mvnw verify), which starts the
// services, loads the demo and serves the console, then runs `npm run e2e` with CONSOLE_URL set.
// Debian's Chromium (/usr/bin/chromium) is driven by playwright-core: no browser is downloaded.
// Prints one line per check and a closing "N passed, N failed"; exits 1 when any check failed.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const base = process.env.CONSOLE_URL;
if (!base) {
  console.error('CONSOLE_URL is not set: run the browser tests through ./mvnw verify (ConsoleBrowserIT)');
  process.exit(2);
}
const shots = resolve(process.env.SCREENSHOT_DIR ?? 'target/screenshots');
const report = process.env.E2E_REPORT ?? 'target/e2e-report.json';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const EXPECTED_SITES = Number(process.env.EXPECTED_SITES ?? 9);
mkdirSync(shots, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), 'corridor-console-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  // the injected axe-core script is inline: the page's CSP would refuse it
  bypassCSP: true,
  viewport: { width: 1280, height: 900 },
  locale: 'en-GB',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(30_000);
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));

const results = [];
const measures = {};
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - t0 });
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: String(e?.message ?? e) });
    console.log(`FAIL ${name}: ${e?.message ?? e}`);
    await page.screenshot({ path: join('target', `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** axe-core in the page: no serious or critical violation. */
async function axe(view) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(bad.length === 0, `${view}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`);
}

async function signIn(role) {
  await page.goto(base);
  // the app renders after load: wait until it shows either the sign-in choices or a signed-in session
  // (count() alone does not wait, and a still-signed-in page has no role buttons)
  const out = page.getByRole('button', { name: /sign out/i });
  await page.locator('button.role').or(out).first().waitFor();
  if (await out.count()) await out.click();
  await page.locator(`button.role[data-role="${role}"]`).click();
  await page.locator('nav').waitFor();
}

async function go(hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.locator('#view-title').waitFor();
}

/** The newest SOLVED plan's review link. */
async function openSolvedPlan() {
  await go('#/plans');
  const row = page.locator('table.plans-table tbody tr', { hasText: 'Solved' }).first();
  await row.waitFor();
  await row.getByRole('link').click();
  await page.locator('[data-testid="plan-status"]').waitFor();
}

await check('sign-in page is accessible', async () => {
  await page.goto(base);
  await page.locator('button.role').first().waitFor();
  await axe('sign-in');
});

await check(`map shows the demo's ${EXPECTED_SITES} sites`, async () => {
  await signIn('DASHBOARD');
  // a real page load (not a same-document hash change), signed in: the session is kept in sessionStorage
  await page.goto('about:blank');
  const t0 = Date.now();
  await page.goto(`${base}#/map`);
  await page.waitForFunction((n) => document.querySelectorAll('circle.site').length === n, EXPECTED_SITES);
  measures.mapVisibleWallMs = Date.now() - t0;
  measures.mapVisibleMarkMs = await page.evaluate(() => Math.round(performance.getEntriesByName('crisis-visible')[0]?.startTime ?? -1));
  assert(await page.locator('table.sites-table tbody tr').count() === EXPECTED_SITES, 'the sites table lists every site');
  assert(await page.locator('rect.depot').count() > 0, 'depots are drawn');
  await page.screenshot({ path: join(shots, 'map-before-approval.png') });
  await axe('map');
});

await check('a DASHBOARD user has no write control', async () => {
  for (const view of ['#/map', '#/coverage', '#/plans', '#/shipments']) {
    await go(view);
    await page.waitForTimeout(300);
    assert(await page.locator('main button').count() === 0, `${view} shows a button to a DASHBOARD user`);
  }
  await openSolvedPlan();
  assert(await page.getByRole('button', { name: /approve/i }).count() === 0, 'the Approve button is shown to a DASHBOARD user');
  await page.getByText('Your role may read plans but not approve them.').waitFor();
  await axe('plan review (read only)');
});

await check('coverage view shows bars per site and item', async () => {
  await go('#/coverage');
  await page.locator('section.site-coverage').first().waitFor();
  assert(await page.locator('section.site-coverage').count() === EXPECTED_SITES, 'one section per site');
  assert(await page.locator('.bar .seg.s-unmet').count() > 0, 'before approval, needs are unmet');
  await axe('coverage');
});

await check('an API error shows the problem detail', async () => {
  const missing = '00000000-0000-0000-0000-000000000000';
  // what the API itself answers, asked with the same session's token
  const detail = await page.evaluate(async (id) => {
    const token = JSON.parse(sessionStorage.getItem('corridor.session')).token;
    const r = await fetch(`/api/v1/plans/${id}`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: r.status, body: await r.json() };
  }, missing);
  assert(detail.status === 404 && detail.body.detail, `the API answers a 404 problem: ${JSON.stringify(detail)}`);
  await go(`#/plans/${missing}`);
  const err = page.locator('.error');
  await err.waitFor({ state: 'visible' });
  const text = await err.innerText();
  assert(text.includes(detail.body.detail), `the page shows "${text}", the problem's detail is "${detail.body.detail}"`);
});

await check('an officer approves a plan and sees its shipments', async () => {
  await signIn('LOGISTICS_OFFICER');
  await openSolvedPlan();
  await page.screenshot({ path: join(shots, 'plan-review.png') });
  await axe('plan review (officer)');
  const approveBtn = page.getByRole('button', { name: 'Approve plan' });
  assert(await approveBtn.isEnabled(), 'Approve is enabled for a SOLVED plan');
  await approveBtn.click();
  const outcome = page.locator('.outcome');
  await page.waitForFunction(() => /Approved: \d+ shipments|Approval failed/.test(document.querySelector('.outcome')?.textContent ?? ''), null, { timeout: 180_000 });
  const text = await outcome.innerText();
  const n = Number(/Approved: (\d+) shipments/.exec(text)?.[1] ?? 0);
  assert(n > 0, `outcome: ${text}`);
  await page.locator('[data-testid="plan-status"]', { hasText: 'Approved' }).waitFor();
  await page.screenshot({ path: join(shots, 'plan-approved.png') });
  await go('#/shipments');
  await page.locator('table.shipments-table tbody tr').first().waitFor();
  const rows = await page.locator('table.shipments-table tbody tr').count();
  assert(rows === n, `the tracker lists ${rows} shipments, the approval created ${n}`);
  await page.locator('table.shipments-table tbody tr a').first().click();
  await page.locator('#events-title').waitFor();
  await page.screenshot({ path: join(shots, 'shipments.png') });
  await axe('shipments');
});

await check('the map shows the approved shipments as lines', async () => {
  await go('#/map');
  await page.waitForFunction(() => document.querySelectorAll('line.shipment').length > 0, null, { timeout: 30_000 });
  await page.screenshot({ path: join(shots, 'map.png') });
  await go('#/coverage');
  await page.waitForFunction(() => document.querySelectorAll('.bar .seg.s-approved').length > 0, null, { timeout: 30_000 });
  await page.screenshot({ path: join(shots, 'coverage.png'), fullPage: false });
});

await check('the console speaks French', async () => {
  await go('#/coverage');
  await page.selectOption('#lang', 'fr');
  await page.getByRole('heading', { level: 1, name: 'Couverture des besoins' }).waitFor();
  assert(await page.evaluate(() => document.documentElement.lang) === 'fr', 'html lang is fr');
  await go('#/map');
  await page.getByRole('heading', { level: 1, name: 'Carte de crise' }).waitFor();
  await page.selectOption('#lang', 'en');
});

await check('keyboard: skip link and navigation reach the views', async () => {
  await page.goto(`${base}#/map`);
  await page.locator('#view-title').waitFor();
  await page.keyboard.press('Tab');
  assert(await page.evaluate(() => document.activeElement?.classList.contains('skip')), 'the first Tab stop is the skip link');
  // Tab to the "Plans" link and follow it with Enter
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent === 'Plans')) break;
  }
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();
  assert(await page.evaluate(() => document.activeElement?.id === 'view-title'), 'focus moves to the new view\'s heading');
});

await check('no script error in the page', async () => {
  assert(consoleErrors.length === 0, consoleErrors.join('; '));
});

await context.close();
rmSync(profile, { recursive: true, force: true });
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
writeFileSync(report, JSON.stringify({ results, measures }, null, 2));
console.log(`map visible: ${measures.mapVisibleWallMs} ms from navigation (page mark at ${measures.mapVisibleMarkMs} ms)`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

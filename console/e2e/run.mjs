// End-to-end browser tests of the console against the REAL services with the demo crisis loaded (a plan
// solved, not approved). Started by the console module's ConsoleBrowserIT (./mvnw verify), which starts the
// services, loads the demo and serves the console, then runs `npm run e2e` with CONSOLE_URL set.
// Debian's Chromium (/usr/bin/chromium) is driven by playwright-core: no browser is downloaded.
// Prints one line per check and a closing "N passed, N failed"; exits 1 when any check failed.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
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
// the sites the demo loads (both incidents), counted from the demo's own data rather than typed in here
const demoIncidents = JSON.parse(readFileSync(resolve('..', 'demo', 'kahramanmaras-2023', 'incidents.json'), 'utf8'));
const EXPECTED_SITES = Number(process.env.EXPECTED_SITES
  ?? (Array.isArray(demoIncidents) ? demoIncidents : demoIncidents.incidents).reduce((n, i) => n + (i.sites?.length ?? 0), 0));
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
    // the shipment list's pager buttons only page
    assert(await page.locator('main button:not(.pager > button)').count() === 0, `${view} shows a button to a DASHBOARD user`);
  }
  // the new views: no form and no Re-plan (the stock view's pager buttons only page)
  for (const [view, ready] of [['#/attention', 'section.incident-attention'], ['#/stock', 'table.summary-table'], ['#/wall', '.tile[data-key="sites"]'], ['#/imports', '#import-template']]) {
    await go(view);
    await page.locator(ready).first().waitFor();
    assert(await page.locator('main form, main button.replan, main button.primary').count() === 0, `${view} shows a write control to a DASHBOARD user`);
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
  // the lines grouped into the shipments approval will make: one per depot, site and mode
  await page.locator('table.groups-table tbody tr').first().waitFor();
  const groups = await page.locator('table.groups-table tbody tr').count();
  await page.locator('[data-testid="score-chart-text"]').waitFor();
  await page.screenshot({ path: join(shots, 'plan-review.png') });
  await page.locator('table.groups-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'plan-groups.png') });
  await axe('plan review (officer)');
  const approveBtn = page.getByRole('button', { name: 'Approve plan' });
  assert(await approveBtn.isEnabled(), 'Approve is enabled for a SOLVED plan');
  await approveBtn.click();
  const outcome = page.locator('.outcome');
  await page.waitForFunction(() => /Approved: \d+ shipments|Approval failed/.test(document.querySelector('.outcome')?.textContent ?? ''), null, { timeout: 180_000 });
  const text = await outcome.innerText();
  const n = Number(/Approved: (\d+) shipments/.exec(text)?.[1] ?? 0);
  assert(n > 0, `outcome: ${text}`);
  assert(n === groups, `the review grouped the lines into ${groups} shipments, the approval created ${n}`);
  await page.locator('[data-testid="plan-status"]', { hasText: 'Approved' }).waitFor();
  await page.screenshot({ path: join(shots, 'plan-approved.png') });
  await go('#/shipments');
  await page.locator('table.shipments-table tbody tr').first().waitFor();
  const rows = await page.locator('table.shipments-table tbody tr').count();
  const total = Number(await page.locator('[data-testid="shipments-page"]').getAttribute('data-total'));
  assert(total === n && rows === Math.min(n, 50), `the tracker lists ${rows} of ${total} shipments (50 a page), the approval created ${n}`);
  await page.locator('table.shipments-table tbody tr a').first().click();
  await page.locator('#events-title').waitFor();
  await page.screenshot({ path: join(shots, 'shipments.png') });
  await axe('shipments');
});

await check('the map shows the approved shipments as lines', async () => {
  await go('#/map');
  await page.waitForFunction(() => document.querySelectorAll('line.shipment').length > 0, null, { timeout: 30_000 });
  await page.screenshot({ path: join(shots, 'map.png') });
  // access rules in force: the routes they block are drawn (dotted), titled and listed with their reason
  const rules = await page.evaluate(async () => {
    const token = JSON.parse(sessionStorage.getItem('corridor.session')).token;
    return (await (await fetch('/api/v1/access-rules?size=500', { headers: { Authorization: `Bearer ${token}` } })).json()).items;
  });
  const now = Date.now();
  const blocking = rules.filter((r) => r.appliesTo !== 'TEAMS' && Date.parse(r.validFrom) <= now && (!r.validUntil || now < Date.parse(r.validUntil)));
  await page.locator('table.blocked-table tbody tr').first().waitFor();
  const listed = await page.locator('table.blocked-table tbody tr td:first-child').allInnerTexts();
  const expected = blocking.filter((r) => listed.includes(r.reason));
  assert(expected.length > 0 && listed.length === expected.length, `rules blocking routes listed: ${JSON.stringify(listed)} of ${blocking.map((r) => r.reason)}`);
  assert(!listed.some((x) => rules.some((r) => r.reason === x && r.appliesTo === 'TEAMS' && !blocking.includes(r))), 'a rule for teams only blocks no route');
  const lineTitle = await page.locator('line.blocked title').first().textContent();
  assert(blocking.some((r) => lineTitle.includes(r.reason)), `a blocked route's title names its rule's reason: ${lineTitle}`);
  assert(await page.locator('.legend li', { hasText: 'Route blocked by an access rule' }).count() === 1, 'the legend names blocked routes');
  await page.locator('.blocked-box').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'map-blocked.png') });
  await go('#/coverage');
  await page.waitForFunction(() => document.querySelectorAll('.bar .seg.s-approved').length > 0, null, { timeout: 30_000 });
  await page.screenshot({ path: join(shots, 'coverage.png'), fullPage: false });
});

/** The numbers of one coverage row (site id, item code), read from the coverage view. */
async function coverageRow(siteId, item) {
  await go('#/coverage');
  const row = page.locator(`section.site-coverage[data-site-id="${siteId}"] tr[data-item="${item}"]`);
  await row.waitFor();
  return readRow(row);
}
async function readRow(row) {
  const cells = await row.locator('td.num').allInnerTexts();
  const [requested, approved, dispatched, delivered, unmet] = cells.map((c) => Number(c.replace(/[^\d]/g, '')));
  return { requested, approved, dispatched, delivered, unmet };
}
/** Submits a form and waits until its outcome line says something new. */
async function submitAndWait(button, outcomeText) {
  await button.click();
  await page.locator('.outcome', { hasText: outcomeText }).waitFor({ timeout: 60_000 });
}

const tracked = {};
await check('an officer dispatches a shipment, records its proof of delivery with a rejected part, and coverage follows', async () => {
  // still the officer who approved: pick a PLANNED shipment and read where it goes and what it carries
  await go('#/shipments');
  const row = page.locator('table.shipments-table tbody tr', { hasText: 'Planned' }).first();
  await row.waitFor();
  const href = await row.getByRole('link').getAttribute('href');
  const id = href.split('/').pop();
  const one = await page.evaluate(async (sid) => {
    const token = JSON.parse(sessionStorage.getItem('corridor.session')).token;
    const r = await fetch(`/api/v1/shipments/${sid}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    return r.json();
  }, id);
  const line = one.lines[0];
  const item = line.itemCode;
  const before = await coverageRow(one.siteId, item);
  tracked.siteId = one.siteId;
  tracked.item = item;

  await go(`#/shipments/${id}`);
  const form = page.locator('form.track-form');
  await form.waitFor();
  // a time in the future is refused by the service: the page shows the problem's detail
  const next = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19);
  await page.locator('#event-at').fill(next);
  await form.getByRole('button', { name: 'Record event' }).click();
  const err = page.locator('.error');
  await err.waitFor({ state: 'visible' });
  assert(/future/i.test(await err.innerText()), `the service's problem detail is shown: ${await err.innerText()}`);
  await page.screenshot({ path: join(shots, 'shipment-tracker.png') });
  await axe('shipment tracker (officer)');

  for (const [type, status] of [['DISPATCHED', 'Dispatched'], ['IN_TRANSIT', 'In transit'], ['ARRIVED', 'Arrived']]) {
    const f = page.locator('form.track-form');
    await f.waitFor();
    await page.locator('#event-type').selectOption(type);
    await page.locator('#event-at').fill(new Date().toISOString().slice(0, 19));
    if (type === 'IN_TRANSIT') await page.locator('#event-location').fill('Cilvegözü border crossing');
    await submitAndWait(f.getByRole('button', { name: 'Record event' }), 'Event recorded.');
    await page.locator('p.current .badge', { hasText: status }).waitFor();
    // the form is rebuilt for the new status and the keyboard focus is on its first field
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert(['event-type', 'pod-by'].includes(focused), `focus after ${type}: ${focused}`);
  }
  assert(!(await err.isVisible()), 'the error is gone after a recorded event');

  const pod = page.locator('form.pod-form');
  await pod.waitFor();
  const shipped = line.quantity;
  const rejected = Math.max(1, Math.floor(shipped / 10));
  await page.locator('#pod-by').fill('Ayşe Demir, camp manager');
  await page.locator('#pod-at').fill(new Date().toISOString().slice(0, 19));
  await page.locator('#pod-accepted-0').fill(String(shipped - rejected));
  await page.locator('#pod-rejected-0').fill(String(rejected));
  // a rejection without a reason is caught before asking the service
  await pod.getByRole('button', { name: 'Record proof of delivery' }).click();
  await page.locator('.error', { hasText: 'give a reason' }).waitFor();
  await page.locator('#pod-reason-0').fill('Water damage');
  await page.screenshot({ path: join(shots, 'proof-of-delivery.png') });
  await axe('proof of delivery form');
  await submitAndWait(pod.getByRole('button', { name: 'Record proof of delivery' }), 'Proof of delivery recorded');
  await page.locator('table.received-table').waitFor();
  await page.locator('p.current .badge', { hasText: 'Delivered' }).waitFor();

  // what the line's units do to coverage: accepted units are delivered, rejected ones are unmet again
  const accepted = one.lines.filter((l) => l.itemCode === item).reduce((s, l, i) => s + (i === 0 ? shipped - rejected : l.quantity), 0);
  tracked.rejected = rejected;
  await go('#/coverage');
  const covRow = page.locator(`section.site-coverage[data-site-id="${one.siteId}"] tr[data-item="${item}"]`);
  await covRow.waitFor();
  await page.waitForFunction(([sel, d]) => {
    const cells = [...(document.querySelector(sel)?.querySelectorAll('td.num') ?? [])].map((c) => Number(c.textContent.replace(/[^\d]/g, '')));
    return cells[3] === d;
  }, [`section.site-coverage[data-site-id="${one.siteId}"] tr[data-item="${item}"]`, before.delivered + accepted], { timeout: 90_000 });
  const after = await readRow(covRow);
  assert(after.unmet === before.unmet + rejected, `unmet ${before.unmet} -> ${after.unmet}, ${rejected} rejected`);
  await covRow.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'coverage-after-delivery.png') });
});

await check('the attention list shows the rejection and a re-plan shows its changes before approval', async () => {
  await go('#/attention');
  const rejectedItem = page.locator('table.attention-table tbody tr', { hasText: 'Rejected at delivery' }).first();
  await rejectedItem.waitFor({ timeout: 90_000 });
  assert((await rejectedItem.innerText()).includes(tracked.item), `the rejection names ${tracked.item}`);
  const section = page.locator('section.incident-attention', { has: rejectedItem });
  await section.locator('[data-testid="replan-advice"]').waitFor();
  await page.screenshot({ path: join(shots, 'attention.png') });
  await axe('attention');
  await section.locator('button.replan').click();
  await page.waitForFunction(() => /^#\/plans\/[0-9a-f-]{36}$/.test(location.hash));
  await page.locator('[data-testid="base-plan"]').waitFor();
  const firstSeen = await page.locator('[data-testid="plan-status"]').innerText();
  await page.locator('[data-testid="plan-status"]', { hasText: /Solved|Failed/ }).waitFor({ timeout: 180_000 });
  // a plan seen SOLVING has its scores drawn: at least the one it ended with
  if (/Solving/.test(firstSeen)) {
    await page.waitForFunction(() => document.querySelectorAll('svg.score-chart circle.score-dot').length > 0, null, { timeout: 15_000 });
    const caption = await page.locator('[data-testid="score-chart-text"]').innerText();
    assert(/\d+ scores? seen/.test(caption), `the score chart says what it shows: ${caption}`);
    await page.locator('svg.score-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'plan-score.png') });
  }
  const summary = page.locator('[data-testid="changes-summary"]');
  await summary.waitFor({ timeout: 30_000 });
  const text = await summary.innerText();
  assert(/Lines added: \d+ .*removed: \d+ .*changed: \d+/.test(text), `changes summary: ${text}`);
  const approve = page.getByRole('button', { name: 'Approve plan' });
  assert(await approve.isEnabled(), 'the re-plan can be approved after its changes are read');
  await page.locator('#changes-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'replan-changes.png') });
  await axe('re-plan review');
  tracked.replanId = (await page.evaluate(() => location.hash)).split('/').pop();
  tracked.basePlanHref = await page.locator('[data-testid="base-plan"]').getAttribute('href');
});

await check('the officer approves the re-plan: it is APPROVED and its base plan SUPERSEDED', async () => {
  assert(tracked.replanId && tracked.basePlanHref, 'the re-plan check found a re-plan and its base plan');
  await go(`#/plans/${tracked.replanId}`);
  const approve = page.getByRole('button', { name: 'Approve plan' });
  await approve.waitFor();
  await approve.click();
  await page.waitForFunction(() => /Approved: \d+ shipments|Approval failed/.test(document.querySelector('.outcome')?.textContent ?? ''), null, { timeout: 180_000 });
  const text = await page.locator('.outcome').innerText();
  assert(/Approved: \d+ shipments/.test(text), `outcome: ${text}`);
  await page.locator('[data-testid="plan-status"]', { hasText: 'Approved' }).waitFor();
  // an approved plan's review offers a further re-plan, and Approve no more
  await page.locator('button.replan').waitFor();
  assert(await page.getByRole('button', { name: 'Approve plan' }).isDisabled(), 'Approve is disabled once the re-plan is approved');
  await page.locator('[data-testid="base-plan"]').click();
  await page.waitForFunction((h) => location.hash === h, tracked.basePlanHref);
  await page.locator('[data-testid="plan-status"]', { hasText: 'Superseded' }).waitFor({ timeout: 30_000 });
  await go('#/plans');
  const rows = page.locator('table.plans-table tbody tr');
  await rows.first().waitFor();
  const base = page.locator(`table.plans-table tbody tr:has(a[href="${tracked.basePlanHref}"])`);
  const replan = page.locator(`table.plans-table tbody tr:has(a[href="#/plans/${tracked.replanId}"])`);
  await base.filter({ hasText: 'Superseded' }).waitFor();
  await replan.filter({ hasText: 'Approved' }).waitFor();
  await page.screenshot({ path: join(shots, 'replan-approved.png') });
  await axe('plans after a re-plan approval');
});

await check('the wall display refreshes with If-None-Match, keeps its layout and pauses while hidden', async () => {
  const conditional = [];
  const onRequest = (r) => { if (r.url().includes('/api/v1/shipments') && r.headers()['if-none-match']) conditional.push(r.url()); };
  page.on('request', onRequest);
  await go('#/wall');
  await page.waitForFunction((n) => document.querySelectorAll('.wall-map circle.site').length === n, EXPECTED_SITES);
  await page.locator('.tile[data-key="sites"] dd', { hasText: String(EXPECTED_SITES) }).waitFor();
  const boxes = () => page.evaluate(() => ['.tiles', '.wall-map', '.wall-totals'].map((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return [sel, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(' ');
  }));
  const first = await boxes();
  // the next poll: "Updated N s ago" starts again from 0 once N has grown
  await page.locator('.status', { hasText: /Updated [1-9]\d* s ago/ }).waitFor();
  await page.locator('.status', { hasText: 'Updated 0 s ago' }).waitFor({ timeout: 30_000 });
  assert(conditional.length > 0, 'the wall polls with If-None-Match');
  assert(JSON.stringify(await boxes()) === JSON.stringify(first), `no layout jump: ${first} then ${await boxes()}`);
  await page.screenshot({ path: join(shots, 'wall.png') });
  await axe('wall display');
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.locator('.status', { hasText: 'Paused while the tab is hidden' }).waitFor();
  await page.evaluate(() => {
    delete document.hidden;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.locator('.status', { hasText: /Updated \d+ s ago/ }).waitFor();
  page.off('request', onRequest);
});

await check('the stock view shows totals and lots to an officer', async () => {
  await go('#/stock');
  await page.locator('table.summary-table tbody tr').first().waitFor();
  await page.locator('table.lots-table tbody tr').first().waitFor();
  await page.locator('#stock-group').selectOption('item');
  await page.locator('table.summary-table caption', { hasText: 'By item' }).waitFor();
  await page.locator('form.receipt-form select#receipt-donor').waitFor();
  // a donor of the demo's stock, and how many lots the officer sees: the donor check signs in as that donor
  const first = page.locator('table.lots-table tbody tr').first();
  tracked.donorName = (await first.locator('td').nth(4).innerText()).trim();
  tracked.officerLots = Number((await page.locator('.page-info').innerText()).match(/\(([\d,]+) lots\)/)[1].replace(/,/g, ''));
  await page.screenshot({ path: join(shots, 'stock.png') });
  await axe('stock (officer)');
});

await check('the console speaks French', async () => {
  await go('#/coverage');
  await page.selectOption('#lang', 'fr');
  await page.getByRole('heading', { level: 1, name: 'Couverture des besoins' }).waitFor();
  assert(await page.evaluate(() => document.documentElement.lang) === 'fr', 'html lang is fr');
  await go('#/map');
  await page.getByRole('heading', { level: 1, name: 'Carte de crise' }).waitFor();
  await go('#/wall');
  await page.getByRole('heading', { level: 1, name: 'Affichage mural' }).waitFor();
  await page.locator('.tile[data-key="incidents"] dt', { hasText: 'Incidents ouverts' }).waitFor();
  await go('#/attention');
  await page.getByRole('heading', { level: 1, name: 'À surveiller' }).waitFor();
  await go('#/imports');
  await page.getByRole('heading', { level: 1, name: 'Import de réceptions' }).waitFor();
  await page.getByRole('button', { name: 'Vérifier le fichier' }).waitFor();
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

await check('a donor registers a receipt and sees only its own stock', async () => {
  await page.goto(base);
  const out = page.getByRole('button', { name: /sign out/i });
  await page.locator('button.role').or(out).first().waitFor();
  if (await out.count()) await out.click();
  await page.locator('button.role[data-role="DONOR"]').click();
  const org = page.locator('#donor-org');
  await org.waitFor();
  await page.locator('#donor-org option').first().waitFor({ state: 'attached' });
  await org.selectOption({ label: tracked.donorName });
  await page.locator('#donor-sign-in').click();
  await page.locator('nav').waitFor();
  await page.locator('[data-testid="donor-note"]').waitFor();
  const navLinks = await page.locator('nav a').allInnerTexts();
  assert(JSON.stringify(navLinks) === JSON.stringify(['Stock', 'Receipt import']), `a donor's navigation: ${navLinks}`);
  const own = await page.evaluate(() => JSON.parse(atob(JSON.parse(sessionStorage.getItem('corridor.session')).token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).org);
  const form = page.locator('form.receipt-form');
  await form.waitFor();
  await page.locator('#receipt-depot option').first().waitFor({ state: 'attached' });
  await page.locator('#receipt-item option').first().waitFor({ state: 'attached' });
  const lotCode = `E2E-${Date.now()}`;
  const expiry = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await page.locator('#receipt-quantity').fill('250');
  await page.locator('#receipt-lot').fill(lotCode);
  await page.locator('#receipt-expiry').fill(expiry);
  await submitAndWait(form.getByRole('button', { name: 'Register receipt' }), `Registered lot ${lotCode}`);
  const item = await page.locator('#receipt-item').inputValue();
  await page.locator('#filter-item').selectOption(item);
  const row = page.locator('table.lots-table tbody tr', { hasText: lotCode });
  await row.waitFor();
  assert(/expires in 20 days/.test(await row.innerText()), `a lot expiring within 30 days says so: ${await row.innerText()}`);
  await page.locator('#filter-item').selectOption('');
  // the lots shown are those of the unfiltered query (the box records the query it shows)
  await page.waitForFunction(() => { const q = document.querySelector('.lots-box')?.dataset.query; return !!q && !JSON.parse(q).itemCode; });
  await page.locator('table.lots-table tbody tr').first().waitFor();
  const donors = await page.locator('table.lots-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-donor')));
  assert(donors.length > 0 && donors.every((d) => d === own), `a donor sees only its own lots: ${[...new Set(donors)]} (own ${own})`);
  const donorLots = Number((await page.locator('.page-info').innerText()).match(/\(([\d,]+) lots\)/)[1].replace(/,/g, ''));
  assert(donorLots < tracked.officerLots + 1, `the donor sees ${donorLots} of the ${tracked.officerLots + 1} lots`);
  const names = new Set(await page.locator('table.lots-table tbody tr td:nth-child(5)').allInnerTexts());
  assert(names.size === 1 && names.has(tracked.donorName), `every lot shown is ${tracked.donorName}'s: ${[...names]}`);
  await page.screenshot({ path: join(shots, 'stock-donor.png'), fullPage: true });
  await axe('stock (donor)');
});

await check('an officer imports receipts from a file: a bad row is named and nothing changes, fixed it imports', async () => {
  // after the donor's check, whose lot counts it would change
  await signIn('LOGISTICS_OFFICER');
  await go('#/imports');
  const ref = await page.evaluate(async () => {
    const token = JSON.parse(sessionStorage.getItem('corridor.session')).token;
    const get = async (path) => (await fetch(path, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } })).json();
    const [depots, items, orgs] = await Promise.all([get('/api/v1/depots?size=5'), get('/api/v1/items?size=50'), get('/api/v1/organisations?size=5')]);
    return { depot: depots.items[0], items: items.items.slice(0, 2), org: orgs.items[0] };
  });
  const stamp = Date.now();
  const expiry = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  const row = (item, lot, qty) => [ref.depot.code, item.code, qty, lot, item.shelfLifeDays ? expiry : '', ref.org.id, '', '', 'e2e import'].join(',');
  const [a, b] = ref.items;
  const lots = [`IMP-${stamp}-A`, `IMP-${stamp}-B`];
  const template = decodeURIComponent((await page.locator('#import-template').getAttribute('href')).split(',').slice(1).join(','));
  const head = template.trim().split(/\r\n/).join('\r\n');
  const file = (rows) => ({ name: 'receipts.csv', mimeType: 'text/csv', buffer: Buffer.from(`${head}\r\n${rows.join('\r\n')}\r\n`) });
  // row 4 (after the header and the HXL row) names an item the catalogue does not have
  await page.locator('#import-file').setInputFiles(file([row(a, lots[0], 120), row({ code: 'NO-SUCH-ITEM' }, lots[1], 80)]));
  await submitAndWait(page.locator('#import-check'), '1 row has errors');
  const errorRows = page.locator('table.import-errors tbody tr');
  await errorRows.first().waitFor();
  const cells = await errorRows.evaluateAll((rs) => rs.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
  assert(cells.length === 1 && cells[0][0] === '4' && cells[0][1] === 'itemCode', `the bad row is named: ${JSON.stringify(cells)}`);
  assert(/NO-SUCH-ITEM/.test(cells[0][2]), `the service's message: ${cells[0][2]}`);
  assert(await page.locator('#import-run').isDisabled(), 'Import is not offered for a refused file');
  await page.locator('.error').waitFor({ state: 'visible' });
  await page.screenshot({ path: join(shots, 'import-errors.png'), fullPage: true });
  await axe('receipt import (errors)');
  const held = await page.evaluate(async ([depotId, item]) => {
    const token = JSON.parse(sessionStorage.getItem('corridor.session')).token;
    const r = await fetch(`/api/v1/stock?depotId=${depotId}&itemCode=${item}&size=200`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    return (await r.json()).items.map((l) => l.lotCode);
  }, [ref.depot.id, a.code]);
  assert(!held.includes(lots[0]), 'the good row of the refused file was not registered');
  // fixed: the check passes, Import creates both lots
  await page.locator('#import-file').setInputFiles(file([row(a, lots[0], 120), row(b, lots[1], 80)]));
  await submitAndWait(page.locator('#import-check'), '2 rows OK');
  assert(await page.locator('table.import-errors').count() === 0, 'no error table for a good file');
  await submitAndWait(page.locator('#import-run'), 'Imported: 2 lots created.');
  const created = page.locator('table.import-lots tbody tr');
  await created.first().waitFor();
  const codes = await created.evaluateAll((rs) => rs.map((r) => r.querySelectorAll('td')[2].textContent));
  assert(JSON.stringify(codes) === JSON.stringify(lots), `the lots created, in row order: ${codes}`);
  await page.screenshot({ path: join(shots, 'import-done.png'), fullPage: true });
  await axe('receipt import (done)');
  await page.getByRole('link', { name: 'See them in the stock view' }).click();
  await page.locator('#filter-item option').nth(1).waitFor({ state: 'attached' });
  await page.locator('#filter-depot').selectOption(ref.depot.id);
  await page.locator('#filter-item').selectOption(a.code);
  await page.locator('table.lots-table tbody tr', { hasText: lots[0] }).waitFor();
});

await check('the shipment list filters by status, in the address, and pages back to the first page', async () => {
  // still the officer: make sure one shipment is DISPATCHED (the tracker check moved its shipment on to DELIVERED)
  const counts = await page.evaluate(async () => {
    const token = JSON.parse(sessionStorage.getItem('corridor.session')).token;
    const get = async (q) => (await fetch(`/api/v1/shipments?${q}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } })).json();
    if ((await get('status=DISPATCHED&size=1')).total === 0) {
      const planned = (await get('status=PLANNED&size=1')).items[0];
      await fetch(`/api/v1/shipments/${planned.id}/events`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ type: 'DISPATCHED', at: new Date(Date.now() - 60_000).toISOString() }) });
    }
    return { dispatched: (await get('status=DISPATCHED&size=1')).total, all: (await get('size=1')).total };
  });
  assert(counts.dispatched > 0 && counts.all > counts.dispatched, `shipments: ${JSON.stringify(counts)}`);
  await go('#/shipments');
  await page.locator('table.shipments-table tbody tr').first().waitFor();
  await page.locator('#f-status').focus();
  await page.locator('#f-status').selectOption('DISPATCHED');
  await page.waitForFunction((n) => document.querySelector('[data-testid="shipments-page"]')?.dataset.total === String(n), counts.dispatched);
  const badges = await page.locator('table.shipments-table tbody tr td:first-child').allInnerTexts();
  assert(badges.length === counts.dispatched && badges.every((b) => b.trim() === 'Dispatched'), `only dispatched shipments: ${badges}`);
  assert(await page.evaluate(() => location.hash) === '#/shipments?status=DISPATCHED', 'the filter is in the address');
  assert(await page.evaluate(() => document.activeElement?.id) === 'f-status', 'the keyboard focus stays on the filter');
  await page.screenshot({ path: join(shots, 'shipments-filtered.png') });
  await axe('shipments (filtered)');
  // a bookmark of the filtered list opens filtered
  await page.goto(`${base}#/shipments?status=DISPATCHED&page=3`);
  await page.locator('table.shipments-table tbody tr, .table-box p').first().waitFor();
  assert(await page.locator('#f-status').inputValue() === 'DISPATCHED', 'the bookmarked filter is applied');
  // page 4 of a short list is empty; changing the filter goes back to page 1
  await page.locator('#f-status').selectOption('');
  await page.waitForFunction(() => location.hash === '#/shipments');
  await page.waitForFunction((n) => document.querySelector('[data-testid="shipments-page"]')?.dataset.total === String(n), counts.all);
  assert(/^Page 1 of/.test(await page.locator('[data-testid="shipments-page"]').innerText()), 'a filter change shows page 1');
});

await check('right-to-left: the navigation sits on the right and nothing overflows', async () => {
  for (const view of ['#/map', '#/plans', '#/shipments', '#/coverage', '#/wall', '#/stock']) {
    await go(view);
    await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
    // the view's data is in (a table row, or the wall's tiles), not only its empty frame
    await page.locator('main table tbody tr, main .tile').first().waitFor();
    const box = await page.evaluate(() => {
      const r = (sel) => document.querySelector(sel).getBoundingClientRect();
      const links = [...document.querySelectorAll('nav a')].map((a) => a.getBoundingClientRect());
      const wide = [...document.querySelectorAll('body *')].filter((el) => { const b = el.getBoundingClientRect(); return b.width > 0 && (b.left < -1 || b.right > document.documentElement.clientWidth + 1) && !el.classList.contains('skip') && !el.parentElement?.closest('svg'); });
      return { width: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth, brand: r('.brand'), nav: r('nav'), tools: r('.tools'), first: links[0], last: links[links.length - 1], wide: wide.slice(0, 3).map((el) => `${el.tagName}.${el.className}`) };
    });
    assert(box.brand.right > box.width - 40, `${view}: the brand starts at the right edge (${Math.round(box.brand.right)} of ${box.width})`);
    // the tools (language, sign-out) follow the navigation: on its left, or wrapped to the next line at the left edge
    assert(box.nav.right <= box.brand.left + 1 && box.nav.right > box.width / 2 && box.tools.left < box.nav.left,
      `${view}: the navigation sits right, after the brand and before the tools (${JSON.stringify({ brand: box.brand, nav: box.nav, tools: box.tools })})`);
    assert(box.first.left > box.last.left, `${view}: the first link is right of the last`);
    assert(box.scroll <= box.width && box.wide.length === 0, `${view}: nothing overflows horizontally (scrollWidth ${box.scroll} of ${box.width}; ${box.wide})`);
  }
  await go('#/map');
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  await page.waitForFunction((n) => document.querySelectorAll('circle.site').length === n && document.querySelectorAll('table.sites-table tbody tr').length === n, EXPECTED_SITES);
  await page.screenshot({ path: join(shots, 'rtl.png') });
  await axe('map (right-to-left)');
  await page.evaluate(() => document.documentElement.removeAttribute('dir'));
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

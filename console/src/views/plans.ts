// (3) Plan review: the plans, one plan's lines and unmet needs, and for officers the Approve button
// (POST /plans/{id}/approval: 200 done, or 202 and the plan is polled until APPROVED, or SOLVED with approvalError).
import { allocation, ApiError, call, problemDetail, type LineChange, type Need, type Plan, type PlanSummary } from '../api';
import { crisis, depots as readDepots } from '../data';
import { frame, h, showError, table } from '../dom';
import { fmtNumber, fmtTime, label, t } from '../i18n';
import { approve } from '../logic/approval';
import { groupLines, observe, type ScorePoint } from '../logic/planReview';
import { canReplan, changeCounts, delta } from '../logic/replan';
import { Poller } from '../poller';
import { canWrite, session } from '../session';
import { replanButton } from './replan';
import { scoreChart } from './scoreChart';

/** How often a SOLVING plan is read, for its score chart (the service answers 304 while nothing changed). */
const SOLVING_POLL_MS = 1000;

function statusBadge(status: string | undefined): HTMLElement {
  return h('span', { class: `badge b-${(status ?? '').toLowerCase()}` }, label('status', status ?? ''));
}

export function mountPlans(container: HTMLElement): () => void {
  const f = frame(t('plans.title'), t('plans.description'));
  container.replaceChildren(f.root);
  let etag: string | undefined;
  let shown = '';
  const load = async () => {
    try {
      const res = await call(allocation.GET('/api/v1/plans', { params: { query: { size: 50 } }, headers: etag ? { 'If-None-Match': etag } : {} }));
      showError(f.error, null);
      if (!res.data) return;
      etag = res.etag;
      // an unchanged list is not rebuilt: the keyboard focus stays where it is
      const json = JSON.stringify(res.data.items);
      if (json === shown) return;
      shown = json;
      const plans: PlanSummary[] = res.data.items ?? [];
      f.body.replaceChildren(plans.length === 0 ? h('p', {}, t('plans.empty')) : table(t('plans.title'),
        [t('plans.created'), t('plans.status'), t('plans.feasible'), t('plans.score'), ''],
        plans.map((p) => [fmtTime(p.createdAt), statusBadge(p.status), p.feasible ? t('plans.yes') : t('plans.no'), h('code', {}, p.score ?? '–'),
          h('a', { href: `#/plans/${p.id}`, 'aria-label': `${t('plans.open')} ${fmtTime(p.createdAt)}` }, t('plans.open'))]), 'plans-table'));
    } catch (e) {
      showError(f.error, e instanceof ApiError ? e.detail : String(e));
      throw e;
    }
  };
  const poller = new Poller(load, f.status);
  return () => poller.stop();
}

export function mountPlan(container: HTMLElement, id: string): () => void {
  const f = frame(t('plans.detail', { id: id.slice(0, 8) }), t('plans.description'));
  const back = h('p', {}, h('a', { href: '#/plans' }, `← ${t('plans.back')}`));
  const facts = h('dl', { class: 'facts' });
  const actions = h('div', { class: 'actions' });
  const outcome = h('p', { class: 'outcome', role: 'status', 'aria-live': 'polite' });
  const details = h('div', {});
  const changes = h('div', { class: 'changes' });
  const progress = h('div', { class: 'score-box' });
  const groupsBox = h('div', { class: 'groups' });
  f.root.insertBefore(back, f.root.firstChild);
  f.body.append(facts, actions, outcome, progress, changes, groupsBox, details);
  container.replaceChildren(f.root);

  let etag: string | undefined;
  let plan: Plan | undefined;
  let needs = new Map<string, Need>();
  let siteNames = new Map<string, string>();
  let depotNames = new Map<string, string>();
  // the scores seen while the plan was SOLVING, kept for as long as the review is open
  let scores: ScorePoint[] = [];
  let seenSolving = false;
  let busy = false;
  let replanBox: HTMLElement | undefined;
  let changesFor = '';
  const writer = canWrite(session()?.roles ?? []);

  /** A re-plan's changes against its base (GET /plans/{id}/changes), read once it is solved. */
  const loadChanges = async () => {
    if (!plan?.basePlanId || plan.status === 'SOLVING' || changesFor === `${plan.status}:${plan.score}`) return;
    const r = await call(allocation.GET('/api/v1/plans/{id}/changes', { params: { path: { id } } }));
    if (!r.data) return;
    changesFor = `${plan.status}:${plan.score}`;
    const c = r.data;
    const n = changeCounts(c.lines);
    const site = (sid?: string) => siteNames.get(sid ?? '') ?? '–';
    const rows = (xs: LineChange[] | undefined) => (xs ?? []).map((l) => [site(l.siteId), l.itemCode ?? '', l.mode ?? '', fmtNumber(l.baseQuantity ?? 0), fmtNumber(l.quantity ?? 0), `${delta(l) > 0 ? '+' : ''}${fmtNumber(delta(l))}`]);
    const heads = [t('plans.site'), t('plans.item'), t('plans.mode'), t('replan.baseQty'), t('replan.newQty'), t('replan.delta')];
    const teams = c.teamAssignments;
    changes.replaceChildren(
      h('h2', { id: 'changes-title' }, t('replan.changes')),
      h('p', { 'data-testid': 'changes-summary' }, t('replan.summary', { added: n.added, addedUnits: fmtNumber(n.addedUnits), removed: n.removed, removedUnits: fmtNumber(n.removedUnits), changed: n.changed })),
      ...([['replan.added', c.lines?.added], ['replan.removed', c.lines?.removed], ['replan.changed', c.lines?.changed]] as const).map(([key, xs]) =>
        (xs ?? []).length === 0 ? h('p', {}, `${t(key)}: –`) : table(t(key), heads, rows(xs), `changes-table c-${key.split('.')[1]}`)),
      h('p', {}, t('replan.teams', { added: teams?.added?.length ?? 0, removed: teams?.removed?.length ?? 0 })),
      (teams?.added?.length ?? 0) + (teams?.removed?.length ?? 0) === 0 ? '' : table(t('replan.teamTable'), [t('replan.change'), t('replan.teamNeed'), t('replan.team')],
        [...(teams?.added ?? []).map((x) => [t('replan.assigned'), h('code', {}, (x.teamNeedId ?? '').slice(0, 8)), h('code', {}, (x.teamId ?? '').slice(0, 8))]),
          ...(teams?.removed ?? []).map((x) => [t('replan.released'), h('code', {}, (x.teamNeedId ?? '').slice(0, 8)), h('code', {}, (x.teamId ?? '').slice(0, 8))])], 'team-changes'));
  };

  const render = () => {
    if (!plan) return;
    facts.replaceChildren(
      h('dt', {}, t('plans.status')), h('dd', { 'data-testid': 'plan-status' }, statusBadge(plan.status)),
      h('dt', {}, t('plans.score')), h('dd', {}, h('code', {}, plan.score ?? '–')),
      h('dt', {}, t('plans.feasible')), h('dd', {}, plan.feasible ? t('plans.yes') : t('plans.no')),
      h('dt', {}, t('plans.lines')), h('dd', {}, fmtNumber(plan.lines?.length ?? 0)),
      h('dt', {}, t('plans.shipments')), h('dd', {}, plan.shipmentIds?.length ? h('a', { href: '#/shipments' }, fmtNumber(plan.shipmentIds.length)) : '0'),
      ...(plan.basePlanId ? [h('dt', {}, t('replan.base')), h('dd', {}, h('a', { href: `#/plans/${plan.basePlanId}`, 'data-testid': 'base-plan' }, plan.basePlanId.slice(0, 8)))] : []));
    if (plan.approvalError && !busy) outcome.textContent = t('plans.approvalError', { detail: plan.approvalError.detail ?? '' });
    if (writer) {
      const btn = h('button', { type: 'button', class: 'primary', disabled: busy || plan.status !== 'SOLVED', onclick: () => void doApprove() }, busy ? t('plans.approving') : t('plans.approve'));
      // the Re-plan box is kept across polls: rebuilding it would drop the keyboard focus and the checkbox
      if (canReplan(plan)) {
        if (!replanBox) replanBox = replanButton(id, (detail) => showError(f.error, detail));
        actions.replaceChildren(btn, replanBox);
      } else {
        actions.replaceChildren(btn);
      }
    } else {
      actions.replaceChildren(h('p', { class: 'note' }, t('plans.readOnly')));
    }
    progress.replaceChildren(h('h2', {}, t('plans.chartTitle')), scoreChart(scores, plan.status === 'SOLVING'));
    const groups = groupLines(plan.lines ?? []);
    const depot = (id: string) => depotNames.get(id) ?? id.slice(0, 8);
    groupsBox.replaceChildren(
      h('h2', {}, `${t('plans.groups')} (${groups.length})`),
      h('p', { class: 'note' }, t('plans.groupsNote')),
      groups.length === 0 ? h('p', {}, '–') : table(t('plans.groups'), [t('plans.route'), t('plans.mode'), t('plans.lines'), t('plans.units'), t('plans.departs'), t('plans.arrives')],
        groups.map((g) => [`${depot(g.depotId)} → ${siteNames.get(g.siteId) ?? g.siteId.slice(0, 8)}`, g.mode, fmtNumber(g.lines), fmtNumber(g.units), fmtTime(g.departsAt), fmtTime(g.arrivesAt)]), 'groups-table'));
    const unmet = plan.unmet ?? [];
    details.replaceChildren(
      h('h2', {}, `${t('plans.unmet')} (${unmet.length})`),
      unmet.length === 0 ? h('p', {}, '–') : table(t('plans.unmet'), [t('plans.site'), t('plans.item'), t('plans.quantity'), t('plans.reason')],
        unmet.map((u) => {
          const n = u.needId ? needs.get(u.needId) : undefined;
          return [siteNames.get(n?.siteId ?? '') ?? '–', n?.itemCode ?? '–', fmtNumber(u.quantity ?? 0), u.reason ?? ''];
        })),
      h('h2', {}, `${t('plans.lines')} (${plan.lines?.length ?? 0})`),
      table(t('plans.lines'), [t('plans.site'), t('plans.item'), t('plans.quantity'), t('plans.mode'), t('plans.departs'), t('plans.arrives'), t('plans.status')],
        (plan.lines ?? []).map((l) => [siteNames.get(l.siteId ?? '') ?? '–', l.itemCode ?? '', fmtNumber(l.quantity ?? 0), l.mode ?? '', fmtTime(l.departsAt), fmtTime(l.arrivesAt), label('status', l.state ?? '')]), 'lines-table'));
  };

  /** While the solver works its score changes every second or so: the next read comes sooner than the 5 s schedule. */
  const pollSoon = () => {
    window.clearTimeout(soon);
    if (plan?.status === 'SOLVING') soon = window.setTimeout(() => void poller.now(), SOLVING_POLL_MS);
  };

  const load = async () => {
    try {
      if (needs.size === 0) {
        const c = await crisis();
        needs = new Map(c.needs.map((n) => [n.id!, n]));
        siteNames = new Map(c.incidents.flatMap((i) => (i.sites ?? []).map((s) => [s.id!, s.name!] as [string, string])));
        depotNames = new Map((await readDepots()).data.map((d) => [d.id!, `${d.name} (${d.countryCode})`]));
      }
      const res = await call(allocation.GET('/api/v1/plans/{id}', { params: { path: { id } }, headers: etag ? { 'If-None-Match': etag } : {} }));
      showError(f.error, null);
      if (!res.data) {
        pollSoon();
        return;
      }
      etag = res.etag;
      plan = res.data;
      // the curve: every score seen while solving, and the one it ended with
      if (plan.status === 'SOLVING') seenSolving = true;
      if (seenSolving) scores = observe(scores, Date.now(), plan.score);
      if (plan.status !== 'SOLVING') seenSolving = false;
      render();
      pollSoon();
      await loadChanges();
    } catch (e) {
      showError(f.error, e instanceof ApiError ? e.detail : String(e));
      throw e;
    }
  };

  const doApprove = async () => {
    busy = true;
    outcome.textContent = t('plans.approving');
    render();
    const key = crypto.randomUUID();
    try {
      const result = await approve(
        async () => {
          const r = await allocation.POST('/api/v1/plans/{id}/approval', { params: { path: { id }, header: { 'Idempotency-Key': key } } });
          return { status: r.response.status, body: r.response.ok ? r.data : { detail: problemDetail(r.response.status, r.error) } };
        },
        async () => {
          const r = await call(allocation.GET('/api/v1/plans/{id}', { params: { path: { id } } }));
          return r.data ?? {};
        },
        (ms) => new Promise((res) => setTimeout(res, ms)));
      outcome.textContent = result.kind === 'approved' ? t('plans.approved', { n: result.shipments }) : t('plans.approvalError', { detail: result.detail });
    } catch (e) {
      outcome.textContent = t('plans.approvalError', { detail: e instanceof ApiError ? e.detail : t('error.network') });
    } finally {
      busy = false;
      etag = undefined;
      await poller.now();
    }
  };

  let soon: number | undefined;
  const poller = new Poller(load, f.status);
  return () => {
    window.clearTimeout(soon);
    poller.stop();
  };
}

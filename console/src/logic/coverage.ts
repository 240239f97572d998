// Coverage of needs, per site and per site and item, from the needs' `coverage` (allocation-service).
// Pure functions: the map's colours and the coverage bars are computed here and unit tested.

export interface CoverageLike {
  requested?: number;
  approved?: number;
  dispatched?: number;
  delivered?: number;
  rejected?: number;
  lost?: number;
  uncovered?: number;
}

export interface NeedLike {
  siteId?: string;
  itemCode?: string;
  quantity?: number;
  coverage?: CoverageLike;
}

export interface Totals {
  requested: number;
  approved: number;
  dispatched: number;
  delivered: number;
  lostRejected: number;
  unmet: number;
}

/** How a site's needs stand: drives the colour on the map and its label in the table. */
export type CoverageState = 'none' | 'uncovered' | 'partial' | 'covered' | 'delivered';

export function emptyTotals(): Totals {
  return { requested: 0, approved: 0, dispatched: 0, delivered: 0, lostRejected: 0, unmet: 0 };
}

/** Adds one need's coverage; a need without coverage counts as requested and wholly unmet. */
export function add(t: Totals, n: NeedLike): Totals {
  const c = n.coverage;
  const requested = c?.requested ?? n.quantity ?? 0;
  t.requested += requested;
  t.approved += c?.approved ?? 0;
  t.dispatched += c?.dispatched ?? 0;
  t.delivered += c?.delivered ?? 0;
  t.lostRejected += (c?.lost ?? 0) + (c?.rejected ?? 0);
  t.unmet += Math.max(0, c?.uncovered ?? requested);
  return t;
}

export function coverageState(t: Totals): CoverageState {
  if (t.requested <= 0) return 'none';
  if (t.delivered >= t.requested) return 'delivered';
  if (t.unmet <= 0) return 'covered';
  if (t.unmet >= t.requested) return 'uncovered';
  return 'partial';
}

/** Share of the requested units that some approved plan covers (approved, dispatched or delivered), 0..1. */
export function coveredShare(t: Totals): number {
  if (t.requested <= 0) return 0;
  return Math.min(1, Math.max(0, (t.requested - t.unmet) / t.requested));
}

/** Totals per site id. */
export function bySite(needs: NeedLike[]): Map<string, Totals> {
  const m = new Map<string, Totals>();
  for (const n of needs) {
    if (!n.siteId) continue;
    add(m.get(n.siteId) ?? m.set(n.siteId, emptyTotals()).get(n.siteId)!, n);
  }
  return m;
}

/** Totals per site id, then per item code (items in code order). */
export function bySiteAndItem(needs: NeedLike[]): Map<string, Map<string, Totals>> {
  const m = new Map<string, Map<string, Totals>>();
  for (const n of needs) {
    if (!n.siteId || !n.itemCode) continue;
    const site = m.get(n.siteId) ?? m.set(n.siteId, new Map()).get(n.siteId)!;
    add(site.get(n.itemCode) ?? site.set(n.itemCode, emptyTotals()).get(n.itemCode)!, n);
  }
  for (const [k, v] of m) m.set(k, new Map([...v].sort(([a], [b]) => a.localeCompare(b))));
  return m;
}

export interface Segment {
  kind: 'delivered' | 'dispatched' | 'approved' | 'unmet';
  value: number;
  /** percent of the bar's width, the four adding up to 100 (or all 0 when nothing is requested) */
  percent: number;
}

/** The stacked bar of one site and item: delivered, dispatched, approved, unmet. */
export function segments(t: Totals): Segment[] {
  const parts: Array<[Segment['kind'], number]> = [
    ['delivered', t.delivered], ['dispatched', t.dispatched], ['approved', t.approved], ['unmet', t.unmet],
  ];
  const total = parts.reduce((s, [, v]) => s + Math.max(0, v), 0);
  return parts.map(([kind, value]) => ({ kind, value, percent: total > 0 ? (Math.max(0, value) / total) * 100 : 0 }));
}

// Plan review: the score seen over time while the solver works, and the plan's lines grouped into the
// shipments approval will create (one per depot, site and mode, as allocation-service's approval does).

/** One observation of a solving plan: when the page read it and the score it had then. */
export interface ScorePoint {
  at: number;
  score: string;
}

/** A score's levels, most significant first: "0hard/-1200medium/-53420soft" is [0, -1200, -53420]. */
export function scoreLevels(score: string | undefined): number[] | undefined {
  if (!score) return undefined;
  const parts = score.split('/').map((p) => /^(-?\d+(?:\.\d+)?)[a-z]+$/i.exec(p.trim()));
  if (parts.length === 0 || parts.some((m) => !m)) return undefined;
  return parts.map((m) => Number(m![1]));
}

/**
 * Adds an observation when the score is readable and differs from the last one kept (polls that see the same
 * score add nothing, so the chart shows changes, not the polling rate).
 */
export function observe(points: ScorePoint[], at: number, score: string | undefined): ScorePoint[] {
  if (!score || !scoreLevels(score)) return points;
  const last = points[points.length - 1];
  if (last && last.score === score) return points;
  return [...points, { at, score }];
}

/**
 * The level the chart draws: the most significant one that changed among the observations (a hard level that
 * moved matters more than any soft change); the last level when nothing changed.
 */
export function chartLevel(points: ScorePoint[]): number {
  const levels = points.map((p) => scoreLevels(p.score)!);
  if (levels.length === 0) return 0;
  const n = Math.min(...levels.map((l) => l.length));
  for (let i = 0; i < n; i++) {
    if (levels.some((l) => l[i] !== levels[0][i])) return i;
  }
  return n - 1;
}

export interface ChartBox {
  width: number;
  height: number;
  pad: number;
}

/**
 * The observations as SVG coordinates in the box (inside its padding): time runs left to right from the first
 * to the last observation, the chosen level bottom (worst) to top (best). A single observation, or a level
 * that never changed, sits in the middle so the line is still visible.
 */
export function scalePoints(points: ScorePoint[], level: number, box: ChartBox): Array<[number, number]> {
  if (points.length === 0) return [];
  const values = points.map((p) => scoreLevels(p.score)![level] ?? 0);
  const t0 = points[0].at;
  const t1 = points[points.length - 1].at;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const w = box.width - 2 * box.pad;
  const hgt = box.height - 2 * box.pad;
  return points.map((p, i) => {
    const x = t1 === t0 ? box.pad + w / 2 : box.pad + ((p.at - t0) / (t1 - t0)) * w;
    const y = hi === lo ? box.pad + hgt / 2 : box.pad + (1 - (values[i] - lo) / (hi - lo)) * hgt;
    return [round(x), round(y)];
  });
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** What a plan line needs for grouping (the generated PlanLine has these fields). */
export interface GroupableLine {
  depotId?: string;
  siteId?: string;
  mode?: string;
  quantity?: number;
  departsAt?: string;
  arrivesAt?: string;
}

/** The shipment a group of lines will become on approval. */
export interface ShipmentGroup {
  depotId: string;
  siteId: string;
  mode: string;
  lines: number;
  units: number;
  /** The earliest departure among its lines (ISO-8601), if any. */
  departsAt?: string;
  /** The latest arrival among its lines (ISO-8601), if any. */
  arrivesAt?: string;
}

/**
 * The plan's lines grouped by (depot, site, mode), the key approval creates one shipment for; ordered by
 * departure, then by depot, site and mode so that the order is stable across polls.
 */
export function groupLines(lines: GroupableLine[]): ShipmentGroup[] {
  const groups = new Map<string, ShipmentGroup>();
  for (const l of lines) {
    const depotId = l.depotId ?? '';
    const siteId = l.siteId ?? '';
    const mode = l.mode ?? '';
    const key = `${depotId}|${siteId}|${mode}`;
    let g = groups.get(key);
    if (!g) {
      g = { depotId, siteId, mode, lines: 0, units: 0 };
      groups.set(key, g);
    }
    g.lines++;
    g.units += l.quantity ?? 0;
    if (l.departsAt && (!g.departsAt || Date.parse(l.departsAt) < Date.parse(g.departsAt))) g.departsAt = l.departsAt;
    if (l.arrivesAt && (!g.arrivesAt || Date.parse(l.arrivesAt) > Date.parse(g.arrivesAt))) g.arrivesAt = l.arrivesAt;
  }
  const dep = (g: ShipmentGroup) => (g.departsAt ? Date.parse(g.departsAt) : Number.MAX_SAFE_INTEGER);
  return [...groups.values()].sort((a, b) => dep(a) - dep(b)
    || a.depotId.localeCompare(b.depotId) || a.siteId.localeCompare(b.siteId) || a.mode.localeCompare(b.mode));
}

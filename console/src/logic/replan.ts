// Re-planning from an approved plan: POST /plans {incidentIds, basePlanId, releaseUndispatched} with the base
// plan's own incidents (a re-plan covers the same incidents). The HTTP call is passed in, so the body is unit tested.

export interface BasePlan {
  id?: string;
  status?: string;
  incidentIds?: string[];
}

export interface ReplanRequest {
  incidentIds: string[];
  basePlanId: string;
  releaseUndispatched: boolean;
}

/** Whether a plan may be re-planned: only an APPROVED one is a base. */
export function canReplan(plan: BasePlan | undefined): boolean {
  return plan?.status === 'APPROVED' && !!plan.id && (plan.incidentIds?.length ?? 0) > 0;
}

export function replanRequest(base: BasePlan, releaseUndispatched: boolean): ReplanRequest {
  if (!canReplan(base)) throw new Error('only an APPROVED plan can be re-planned');
  return { incidentIds: [...base.incidentIds!], basePlanId: base.id!, releaseUndispatched };
}

export interface LineChangeLike {
  itemCode?: string;
  siteId?: string;
  quantity?: number;
  baseQuantity?: number;
}

/** Units a change adds (positive) or takes away (negative) against the base. */
export function delta(c: LineChangeLike): number {
  return (c.quantity ?? 0) - (c.baseQuantity ?? 0);
}

/** How many lines and units a re-plan adds, removes and changes: the summary above its changes. */
export function changeCounts(lines: { added?: LineChangeLike[]; removed?: LineChangeLike[]; changed?: LineChangeLike[] } | undefined) {
  const sum = (xs: LineChangeLike[] | undefined) => (xs ?? []).reduce((s, c) => s + Math.abs(delta(c)), 0);
  return {
    added: lines?.added?.length ?? 0, addedUnits: sum(lines?.added),
    removed: lines?.removed?.length ?? 0, removedUnits: sum(lines?.removed),
    changed: lines?.changed?.length ?? 0,
  };
}

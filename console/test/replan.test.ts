import { describe, expect, it } from 'vitest';
import { canReplan, changeCounts, delta, replanRequest } from '../src/logic/replan';

describe('re-planning', () => {
  it('re-plans only an APPROVED plan, with its own incidents', () => {
    const base = { id: 'p1', status: 'APPROVED', incidentIds: ['i1', 'i2'] };
    expect(canReplan(base)).toBe(true);
    expect(replanRequest(base, true)).toEqual({ incidentIds: ['i1', 'i2'], basePlanId: 'p1', releaseUndispatched: true });
    expect(canReplan({ ...base, status: 'SOLVED' })).toBe(false);
    expect(canReplan({ ...base, status: 'SUPERSEDED' })).toBe(false);
    expect(() => replanRequest({ ...base, status: 'SOLVED' }, false)).toThrow();
  });

  it('sums what a re-plan adds, removes and changes', () => {
    expect(delta({ quantity: 120, baseQuantity: 200 })).toBe(-80);
    expect(changeCounts({
      added: [{ quantity: 40, baseQuantity: 0 }, { quantity: 10, baseQuantity: 0 }],
      removed: [{ quantity: 0, baseQuantity: 25 }],
      changed: [{ quantity: 120, baseQuantity: 200 }],
    })).toEqual({ added: 2, addedUnits: 50, removed: 1, removedUnits: 25, changed: 1 });
    expect(changeCounts(undefined)).toEqual({ added: 0, addedUnits: 0, removed: 0, removedUnits: 0, changed: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { bySite, bySiteAndItem, coverageState, coveredShare, emptyTotals, add, segments } from '../src/logic/coverage';

const need = (siteId: string, itemCode: string, c: Record<string, number>) => ({ siteId, itemCode, quantity: c.requested, coverage: c });

describe('coverage per site', () => {
  it('adds the needs of a site and leaves other sites apart', () => {
    const m = bySite([
      need('a', 'TENT', { requested: 100, approved: 40, dispatched: 10, delivered: 0, rejected: 0, lost: 0, uncovered: 50 }),
      need('a', 'WATER', { requested: 50, approved: 0, dispatched: 0, delivered: 50, rejected: 0, lost: 0, uncovered: 0 }),
      need('b', 'TENT', { requested: 10, approved: 0, dispatched: 0, delivered: 0, rejected: 0, lost: 0, uncovered: 10 }),
    ]);
    expect(m.get('a')).toEqual({ requested: 150, approved: 40, dispatched: 10, delivered: 50, lostRejected: 0, unmet: 50 });
    expect(coverageState(m.get('a')!)).toBe('partial');
    expect(coverageState(m.get('b')!)).toBe('uncovered');
    expect(coveredShare(m.get('a')!)).toBeCloseTo(100 / 150);
  });

  it('names every state from the numbers', () => {
    expect(coverageState(emptyTotals())).toBe('none');
    expect(coverageState({ ...emptyTotals(), requested: 5, approved: 5 })).toBe('covered');
    expect(coverageState({ ...emptyTotals(), requested: 5, delivered: 5 })).toBe('delivered');
    expect(coverageState({ ...emptyTotals(), requested: 5, unmet: 5 })).toBe('uncovered');
  });

  it('counts lost and rejected units as unmet again (uncovered) and apart', () => {
    const t = add(emptyTotals(), need('a', 'KIT', { requested: 10, approved: 0, dispatched: 0, delivered: 6, rejected: 1, lost: 3, uncovered: 4 }));
    expect(t.lostRejected).toBe(4);
    expect(t.unmet).toBe(4);
    expect(coverageState(t)).toBe('partial');
  });

  it('takes a need without coverage as wholly unmet', () => {
    const t = add(emptyTotals(), { siteId: 'a', itemCode: 'X', quantity: 7 });
    expect(t).toMatchObject({ requested: 7, unmet: 7 });
  });
});

describe('coverage bars', () => {
  it('groups per site and item, items in code order', () => {
    const m = bySiteAndItem([
      need('a', 'WATER', { requested: 1, uncovered: 1 }), need('a', 'TENT', { requested: 2, uncovered: 2 }), need('a', 'TENT', { requested: 3, uncovered: 0, approved: 3 }),
    ]);
    expect([...m.get('a')!.keys()]).toEqual(['TENT', 'WATER']);
    expect(m.get('a')!.get('TENT')).toMatchObject({ requested: 5, approved: 3, unmet: 2 });
  });

  it('splits the bar into segments adding up to 100 %', () => {
    const s = segments({ requested: 100, approved: 20, dispatched: 30, delivered: 10, lostRejected: 0, unmet: 40 });
    expect(s.map((x) => x.kind)).toEqual(['delivered', 'dispatched', 'approved', 'unmet']);
    expect(s.map((x) => x.percent)).toEqual([10, 30, 20, 40]);
    expect(segments(emptyTotals()).every((x) => x.percent === 0)).toBe(true);
  });
});

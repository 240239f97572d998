import { describe, expect, it } from 'vitest';
import { chartLevel, groupLines, observe, scalePoints, scoreLevels, type ScorePoint } from '../src/logic/planReview';

describe('score over time', () => {
  it('reads a hard/medium/soft score and refuses anything else', () => {
    expect(scoreLevels('0hard/-1200medium/-53420soft')).toEqual([0, -1200, -53420]);
    expect(scoreLevels('-2hard/0soft')).toEqual([-2, 0]);
    expect(scoreLevels('not a score')).toBeUndefined();
    expect(scoreLevels(undefined)).toBeUndefined();
  });

  it('keeps an observation only when the score changed', () => {
    let p: ScorePoint[] = [];
    p = observe(p, 1000, '-1hard/-10medium/-5soft');
    p = observe(p, 2000, '-1hard/-10medium/-5soft');
    p = observe(p, 3000, undefined);
    p = observe(p, 4000, '0hard/-10medium/-7soft');
    expect(p).toEqual([{ at: 1000, score: '-1hard/-10medium/-5soft' }, { at: 4000, score: '0hard/-10medium/-7soft' }]);
  });

  it('charts the most significant level that moved', () => {
    expect(chartLevel([{ at: 0, score: '-1hard/-10medium/-5soft' }, { at: 1, score: '0hard/-10medium/-7soft' }])).toBe(0);
    expect(chartLevel([{ at: 0, score: '0hard/-10medium/-5soft' }, { at: 1, score: '0hard/-8medium/-7soft' }])).toBe(1);
    expect(chartLevel([{ at: 0, score: '0hard/-8medium/-5soft' }, { at: 1, score: '0hard/-8medium/-3soft' }])).toBe(2);
    expect(chartLevel([{ at: 0, score: '0hard/-8medium/-5soft' }])).toBe(2);
  });

  it('scales time left to right and the better score up, inside the padding', () => {
    const box = { width: 120, height: 60, pad: 10 };
    const pts = [{ at: 0, score: '0hard/-300medium/0soft' }, { at: 500, score: '0hard/-200medium/0soft' }, { at: 2000, score: '0hard/-100medium/0soft' }];
    expect(scalePoints(pts, 1, box)).toEqual([[10, 50], [35, 30], [110, 10]]);
  });

  it('puts one observation, or a level that never moved, in the middle', () => {
    const box = { width: 100, height: 40, pad: 4 };
    expect(scalePoints([{ at: 5, score: '0hard/-1soft' }], 1, box)).toEqual([[50, 20]]);
    expect(scalePoints([{ at: 0, score: '0hard/-1soft' }, { at: 10, score: '0hard/-1soft' }], 0, box)).toEqual([[4, 20], [96, 20]]);
    expect(scalePoints([], 0, box)).toEqual([]);
  });
});

describe('lines grouped into shipments', () => {
  it('makes one group per depot, site and mode with its lines, units, first departure and last arrival', () => {
    const groups = groupLines([
      { depotId: 'd1', siteId: 's1', mode: 'ROAD', quantity: 100, departsAt: '2026-01-02T06:00:00Z', arrivesAt: '2026-01-03T06:00:00Z' },
      { depotId: 'd1', siteId: 's1', mode: 'ROAD', quantity: 50, departsAt: '2026-01-02T04:00:00Z', arrivesAt: '2026-01-03T09:00:00Z' },
      { depotId: 'd1', siteId: 's1', mode: 'AIR', quantity: 7, departsAt: '2026-01-01T00:00:00Z', arrivesAt: '2026-01-01T08:00:00Z' },
      { depotId: 'd2', siteId: 's1', mode: 'ROAD', quantity: 3, departsAt: '2026-01-02T04:00:00Z', arrivesAt: '2026-01-02T20:00:00Z' },
    ]);
    expect(groups).toEqual([
      { depotId: 'd1', siteId: 's1', mode: 'AIR', lines: 1, units: 7, departsAt: '2026-01-01T00:00:00Z', arrivesAt: '2026-01-01T08:00:00Z' },
      { depotId: 'd1', siteId: 's1', mode: 'ROAD', lines: 2, units: 150, departsAt: '2026-01-02T04:00:00Z', arrivesAt: '2026-01-03T09:00:00Z' },
      { depotId: 'd2', siteId: 's1', mode: 'ROAD', lines: 1, units: 3, departsAt: '2026-01-02T04:00:00Z', arrivesAt: '2026-01-02T20:00:00Z' },
    ]);
  });

  it('has no group for no lines', () => {
    expect(groupLines([])).toEqual([]);
  });
});

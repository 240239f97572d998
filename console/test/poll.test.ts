import { describe, expect, it } from 'vitest';
import { ageSeconds, nextDelay } from '../src/logic/poll';

describe('polling schedule', () => {
  it('polls at the base interval while visible and healthy', () => {
    expect(nextDelay(5000, { failures: 0, hidden: false })).toBe(5000);
  });
  it('backs off while the tab is hidden, at most a minute', () => {
    expect(nextDelay(5000, { failures: 0, hidden: true })).toBe(20_000);
    expect(nextDelay(30_000, { failures: 0, hidden: true })).toBe(60_000);
  });
  it('doubles per consecutive failure, at most a minute', () => {
    expect(nextDelay(5000, { failures: 1, hidden: false })).toBe(10_000);
    expect(nextDelay(5000, { failures: 2, hidden: false })).toBe(20_000);
    expect(nextDelay(5000, { failures: 10, hidden: false })).toBe(60_000);
  });
  it('counts whole seconds since the last successful read', () => {
    expect(ageSeconds(undefined, 1000)).toBeUndefined();
    expect(ageSeconds(1000, 4999)).toBe(3);
    expect(ageSeconds(5000, 4000)).toBe(0);
  });
});

// When to ask the server again. Pure, so that the schedule is tested without timers.

export interface PollState {
  /** consecutive failed reads */
  failures: number;
  /** whether the tab is hidden (document.hidden) */
  hidden: boolean;
}

/**
 * The delay before the next read: the base interval while the tab is visible and reads succeed; four times it
 * (at most a minute) while the tab is hidden; doubled per consecutive failure (at most a minute), so that a service
 * that is down is not hammered by every open console.
 */
export function nextDelay(baseMs: number, s: PollState): number {
  const max = 60_000;
  let d = baseMs;
  if (s.hidden) d = Math.min(max, baseMs * 4);
  if (s.failures > 0) d = Math.min(max, d * 2 ** Math.min(s.failures, 6));
  return Math.max(baseMs, d);
}

/** Seconds since the last successful read, as shown in "updated N s ago". */
export function ageSeconds(lastOk: number | undefined, now: number): number | undefined {
  if (lastOk === undefined) return undefined;
  return Math.max(0, Math.floor((now - lastOk) / 1000));
}

// Polls a view's reads with If-None-Match (the reads keep their ETags) and shows "updated N s ago".
// Backs off while the tab is hidden and after failures (logic/poll.ts); stops when the view is left.
import { ageSeconds, nextDelay } from './logic/poll';
import { t } from './i18n';

export class Poller {
  private timer: number | undefined;
  private ticker: number | undefined;
  private lastOk: number | undefined;
  private failures = 0;
  private stopped = false;
  private readonly onVisibility = () => {
    this.renderAge();
    if (!document.hidden) this.now();
  };

  /**
   * @param load one round of reads; it throws to report a failure (shown by the view itself)
   * @param status the element that shows "updated N s ago" (aria-live polite, updated at most each 5 s for readers)
   * @param baseMs the interval while the tab is visible
   */
  constructor(private readonly load: () => Promise<void>, private readonly status: HTMLElement, private readonly baseMs = 5000) {
    document.addEventListener('visibilitychange', this.onVisibility);
    this.ticker = window.setInterval(() => this.renderAge(), 1000);
    this.renderAge();
    void this.now();
  }

  /** Reads at once (after an action, or when the tab comes back), then on the schedule. */
  async now(): Promise<void> {
    if (this.stopped) return;
    window.clearTimeout(this.timer);
    try {
      await this.load();
      this.lastOk = Date.now();
      this.failures = 0;
    } catch {
      this.failures++;
    }
    this.renderAge();
    if (!this.stopped) {
      this.timer = window.setTimeout(() => void this.now(), nextDelay(this.baseMs, { failures: this.failures, hidden: document.hidden }));
    }
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    window.clearInterval(this.ticker);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private renderAge(): void {
    const age = ageSeconds(this.lastOk, Date.now());
    this.status.textContent = document.hidden ? t('poll.paused') : age === undefined ? t('poll.never') : t('poll.updated', { s: age });
  }
}

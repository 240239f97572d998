// Lots close to expiry: the stock view marks them in words (not by colour alone). Pure, so that it is unit tested.

export type ExpiryState = 'none' | 'ok' | 'soon' | 'expired';

/** Whole days from `today` (UTC date) to the expiry date "YYYY-MM-DD"; negative once past. */
export function daysUntil(expiresOn: string, today: Date): number {
  const end = Date.parse(`${expiresOn}T00:00:00Z`);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((end - start) / 86_400_000);
}

/** How a lot stands: no expiry, expired, expiring within `withinDays` (30 by default), or fine. */
export function expiryState(expiresOn: string | undefined | null, today: Date, withinDays = 30): ExpiryState {
  if (!expiresOn) return 'none';
  const d = daysUntil(expiresOn, today);
  if (d < 0) return 'expired';
  return d <= withinDays ? 'soon' : 'ok';
}

/** The page numbers a pager offers: whether there is a previous and a next page of `size` among `total`. */
export function pager(page: number, size: number, total: number): { prev: boolean; next: boolean; pages: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  return { prev: page > 0, next: page + 1 < pages, pages };
}

// Who is signed in: the bearer token and the roles it carries (the `groups` claim the services read).
// Kept in sessionStorage: closing the tab signs out, and nothing outlives the browser session.

export interface Session {
  token: string;
  roles: string[];
  subject: string;
  /** The organisation a DONOR acts for (the token's `org` claim); a donor sees and registers only its own stock. */
  organisation?: string;
}

const KEY = 'corridor.session';

/** The roles and subject a token claims. The services verify the signature; the page only reads what to show. */
export function decodeToken(token: string): { roles: string[]; subject: string; expiresAt?: number; organisation?: string } {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const claims = JSON.parse(json) as { groups?: string[]; sub?: string; upn?: string; exp?: number; org?: string };
  return { roles: claims.groups ?? [], subject: claims.upn ?? claims.sub ?? '', expiresAt: claims.exp, organisation: claims.org };
}

/** Whether a user with these roles may approve plans and record events (officers and administrators). */
export function canWrite(roles: string[]): boolean {
  return roles.includes('LOGISTICS_OFFICER') || roles.includes('ADMIN');
}

/** Whether a user with these roles may register stock receipts (donors for their own organisation). */
export function canReceive(roles: string[]): boolean {
  return canWrite(roles) || roles.includes('DONOR');
}

/** Whether the token is only a donor's: it reads stock, not incidents, plans or shipments. */
export function donorOnly(roles: string[]): boolean {
  return roles.includes('DONOR') && !roles.some((r) => r === 'LOGISTICS_OFFICER' || r === 'ADMIN' || r === 'DASHBOARD');
}

/** The role shown in the header: the most powerful one the token carries. */
export function mainRole(roles: string[]): string {
  for (const r of ['ADMIN', 'LOGISTICS_OFFICER', 'DONOR', 'DASHBOARD']) if (roles.includes(r)) return r;
  return roles[0] ?? '';
}

let current: Session | null = null;

export function loadSession(storage: Storage = sessionStorage, now = Date.now()): Session | null {
  const raw = storage.getItem(KEY);
  if (!raw) return null;
  try {
    const token = (JSON.parse(raw) as { token: string }).token;
    const { roles, subject, expiresAt, organisation } = decodeToken(token);
    if (expiresAt !== undefined && expiresAt * 1000 <= now) {
      storage.removeItem(KEY);
      return null;
    }
    current = { token, roles, subject, organisation };
    return current;
  } catch {
    storage.removeItem(KEY);
    return null;
  }
}

export function startSession(token: string, storage: Storage = sessionStorage): Session {
  const { roles, subject, organisation } = decodeToken(token);
  current = { token, roles, subject, organisation };
  storage.setItem(KEY, JSON.stringify({ token }));
  return current;
}

export function endSession(storage: Storage = sessionStorage): void {
  current = null;
  storage.removeItem(KEY);
}

export function session(): Session | null {
  return current;
}

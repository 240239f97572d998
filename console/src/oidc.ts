// The OpenID Connect sign-in's effects: fetching the discovery document, leaving for the provider, and on the
// way back checking the state and exchanging the code. The checks themselves are in logic/oidc.ts.
import { authorizationUrl, checkCallback, checkDiscovery, codeChallenge, discoveryUrl, endSessionUrl, PENDING_KEY, randomString, refreshDelay, refreshRequestBody, tokenAnswer, tokenRequestBody, type Pending, type Tokens } from './logic/oidc';
import { decodeToken, endSession, session, startSession } from './session';

/** The refresh token and ID token of this tab's sign-in (sessionStorage, like the access token). */
const TOKENS_KEY = 'corridor.oidc.tokens';

/** The page's configuration for a provider (config.json: {"signIn": "oidc", "issuer": ..., "clientId": ...}). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  scope?: string;
}

async function discover(issuer: string) {
  const r = await fetch(discoveryUrl(issuer), { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`the provider's discovery document answered HTTP ${r.status}`);
  return checkDiscovery(issuer, await r.json());
}

/** The redirect URI registered at the provider: the page's own address, without query or hash. */
export function redirectUri(): string {
  return `${location.origin}${location.pathname}`;
}

/** Starts the authorization-code flow: stores state and verifier in this tab, then leaves for the provider. */
export async function beginOidc(config: OidcConfig): Promise<void> {
  const d = await discover(config.issuer);
  const pending: Pending = { state: randomString(), verifier: randomString(), redirectUri: redirectUri(), returnTo: location.hash };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(authorizationUrl(d, { clientId: config.clientId, redirectUri: pending.redirectUri, state: pending.state, challenge: await codeChallenge(pending.verifier), scope: config.scope }));
}

/**
 * Finishes the flow on the provider's redirect: checks the state, exchanges the code (with the verifier) for
 * tokens and signs in with the access token. The query is removed from the address whatever happens, and the
 * stored state is used once only.
 */
export async function completeOidc(config: OidcConfig): Promise<void> {
  const search = location.search;
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  history.replaceState(null, '', `${location.pathname}${pending?.returnTo ?? ''}`);
  const code = checkCallback(search, pending);
  const d = await discover(config.issuer);
  const r = await fetch(d.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: tokenRequestBody(code, pending!, config.clientId),
  });
  keep(tokenAnswer(r.status, await r.json().catch(() => null)));
}

/** Signs in with the answer's access token and keeps the refresh and ID tokens for later. */
function keep(tokens: Tokens): void {
  const before = stored();
  startSession(tokens.accessToken);
  // a provider that does not rotate refresh tokens answers a refresh without one: the old one stays valid
  sessionStorage.setItem(TOKENS_KEY, JSON.stringify({ refreshToken: tokens.refreshToken ?? before.refreshToken, idToken: tokens.idToken ?? before.idToken }));
}

function stored(): { refreshToken?: string; idToken?: string } {
  try {
    return JSON.parse(sessionStorage.getItem(TOKENS_KEY) ?? '{}') as { refreshToken?: string; idToken?: string };
  } catch {
    return {};
  }
}

let refreshTimer: number | undefined;

/**
 * Refreshes the access token with the refresh token shortly before it expires (logic/oidc.ts refreshDelay), and
 * again before the new one expires. Without a refresh token, or when the provider refuses it, nothing happens:
 * the token runs out and the page asks the user to sign in again. `onRefreshed` lets the page re-render.
 */
export function scheduleRefresh(config: OidcConfig, onRefreshed: () => void = () => {}): void {
  window.clearTimeout(refreshTimer);
  const s = session();
  const { refreshToken } = stored();
  if (!s || !refreshToken) return;
  const exp = decodeToken(s.token).expiresAt;
  if (exp === undefined) return;
  refreshTimer = window.setTimeout(async () => {
    try {
      const d = await discover(config.issuer);
      const r = await fetch(d.token_endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: refreshRequestBody(refreshToken, config.clientId),
      });
      keep(tokenAnswer(r.status, await r.json().catch(() => null)));
      onRefreshed();
      scheduleRefresh(config, onRefreshed);
    } catch {
      // refused or unreachable: the current token stays until it expires
      sessionStorage.removeItem(TOKENS_KEY);
    }
  }, refreshDelay(exp * 1000, Date.now()));
}

/**
 * Signs out: forgets the tokens of this tab and, when the provider has an end_session_endpoint, ends the
 * provider's session too (the browser comes back to the page's own address). Returns false when the page stays.
 */
export async function signOutOidc(config: OidcConfig): Promise<boolean> {
  window.clearTimeout(refreshTimer);
  const { idToken } = stored();
  sessionStorage.removeItem(TOKENS_KEY);
  endSession();
  try {
    const url = endSessionUrl(await discover(config.issuer), { clientId: config.clientId, postLogoutRedirectUri: redirectUri(), idToken });
    if (!url) return false;
    location.assign(url);
    return true;
  } catch {
    return false;
  }
}

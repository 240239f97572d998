// The OpenID Connect sign-in's effects: fetching the discovery document, leaving for the provider, and on the
// way back checking the state and exchanging the code. The checks themselves are in logic/oidc.ts.
import { accessToken, authorizationUrl, checkCallback, checkDiscovery, codeChallenge, discoveryUrl, PENDING_KEY, randomString, tokenRequestBody, type Pending } from './logic/oidc';
import { startSession } from './session';

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
  startSession(accessToken(r.status, await r.json().catch(() => null)));
}

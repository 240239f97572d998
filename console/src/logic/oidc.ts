// OpenID Connect sign-in in the browser: the authorization-code flow with PKCE (RFC 7636, S256), as a public
// client (no secret: a page cannot keep one). Pure functions here, so that the URL, the state check and the
// token answer are tested without a provider; views/signin.ts and main.ts do the redirects and the fetches.

/** What the page needs from /.well-known/openid-configuration. */
export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  /** RP-Initiated Logout 1.0: where to send the browser to end the provider's session, when it offers one. */
  end_session_endpoint?: string;
}

/** What is kept in sessionStorage between leaving for the provider and coming back. */
export interface Pending {
  state: string;
  verifier: string;
  redirectUri: string;
  /** The view to return to after signing in (the hash when Sign in was pressed). */
  returnTo: string;
}

export const PENDING_KEY = 'corridor.oidc';

/**
 * Whether config.json names a provider to sign in with: "oidc" with both the issuer and the client id. Anything
 * less keeps the other sign-ins (the local run's role picker, or a pasted token).
 */
export function usesOidc<C extends { signIn?: string; issuer?: string; clientId?: string }>(config: C): config is C & { issuer: string; clientId: string } {
  return config.signIn === 'oidc' && !!config.issuer && !!config.clientId;
}

/** The discovery document's address for an issuer (OpenID Connect Discovery 1.0, section 4). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/**
 * Checks a discovery document: it must name the configured issuer (a document served for another issuer
 * would send the user's code elsewhere) and both endpoints the flow uses.
 */
export function checkDiscovery(issuer: string, doc: unknown): Discovery {
  const d = (doc ?? {}) as Partial<Discovery>;
  if (typeof d.issuer !== 'string' || d.issuer.replace(/\/+$/, '') !== issuer.replace(/\/+$/, '')) {
    throw new Error(`the provider's discovery document names issuer ${String(d.issuer)}, not ${issuer}`);
  }
  if (typeof d.authorization_endpoint !== 'string' || typeof d.token_endpoint !== 'string') {
    throw new Error('the provider\'s discovery document has no authorization or token endpoint');
  }
  return {
    issuer: d.issuer, authorization_endpoint: d.authorization_endpoint, token_endpoint: d.token_endpoint,
    ...(typeof d.end_session_endpoint === 'string' ? { end_session_endpoint: d.end_session_endpoint } : {}),
  };
}

/** base64url without padding (RFC 4648 section 5), as PKCE and JWTs use it. */
export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string of 32 bytes (43 characters): the state and the code verifier. */
export function randomString(random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  return base64url(random(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The address the browser is sent to: the provider's authorization endpoint with the request's parameters. */
export function authorizationUrl(d: Discovery, p: { clientId: string; redirectUri: string; state: string; challenge: string; scope?: string }): string {
  const url = new URL(d.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('scope', p.scope ?? 'openid');
  url.searchParams.set('state', p.state);
  url.searchParams.set('code_challenge', p.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/** Whether the page was opened by the provider's redirect (a code or an error, with a state). */
export function isCallback(search: string): boolean {
  const q = new URLSearchParams(search);
  return q.has('state') && (q.has('code') || q.has('error'));
}

/**
 * The authorization code of a redirect back to the page, after checking it answers the request this tab
 * made: the state must be the one stored before leaving (else it is a forged or replayed redirect).
 */
export function checkCallback(search: string, pending: Pending | null): string {
  const q = new URLSearchParams(search);
  if (!pending) throw new Error('no sign-in was started in this tab');
  if (q.get('state') !== pending.state) throw new Error('the answer does not match the sign-in this tab started (state)');
  const error = q.get('error');
  if (error) throw new Error(q.get('error_description') ?? error);
  const code = q.get('code');
  if (!code) throw new Error('the provider answered without an authorization code');
  return code;
}

/** The token request's form body (RFC 6749 section 4.1.3 with the PKCE verifier). */
export function tokenRequestBody(code: string, pending: Pending, clientId: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: clientId,
    code_verifier: pending.verifier,
  });
}

/**
 * The access token of the token endpoint's answer: the bearer token the services verify. An error answer
 * (RFC 6749 section 5.2) becomes its description; an answer without a bearer access token is refused.
 */
export function accessToken(status: number, body: unknown): string {
  return tokenAnswer(status, body).accessToken;
}

/** What the page keeps of a token answer: the bearer token, and for later the refresh token and the ID token. */
export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
}

/**
 * The token endpoint's answer (to the code, or to a refresh): as {@link accessToken} checks it, with the refresh
 * token (absent when the provider issues none, or keeps the old one on a refresh) and the ID token.
 */
export function tokenAnswer(status: number, body: unknown): Tokens {
  const b = (body ?? {}) as { access_token?: unknown; token_type?: unknown; error?: unknown; error_description?: unknown; refresh_token?: unknown; id_token?: unknown };
  if (status < 200 || status >= 300 || typeof b.error === 'string') {
    const why = typeof b.error_description === 'string' ? b.error_description : typeof b.error === 'string' ? b.error : `HTTP ${status}`;
    throw new Error(`the provider refused the code: ${why}`);
  }
  if (typeof b.access_token !== 'string' || b.access_token === '') throw new Error('the provider answered without an access token');
  if (typeof b.token_type !== 'string' || b.token_type.toLowerCase() !== 'bearer') {
    throw new Error(`the provider answered a ${String(b.token_type)} token, not a bearer token`);
  }
  return {
    accessToken: b.access_token,
    ...(typeof b.refresh_token === 'string' && b.refresh_token ? { refreshToken: b.refresh_token } : {}),
    ...(typeof b.id_token === 'string' && b.id_token ? { idToken: b.id_token } : {}),
  };
}

/** The refresh request's form body (RFC 6749 section 6; a public client names itself, with no secret). */
export function refreshRequestBody(refreshToken: string, clientId: string): URLSearchParams {
  return new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
}

/**
 * How long to wait before refreshing a token that expires at `expiresAtMs`: until `marginMs` (one minute) before
 * it expires, or half its remaining time when less than two margins remain (a short-lived token is refreshed
 * halfway, never after expiry); at once when it has expired or expires within a second.
 */
export function refreshDelay(expiresAtMs: number, nowMs: number, marginMs = 60_000): number {
  const left = expiresAtMs - nowMs;
  if (left <= 1000) return 0;
  return Math.round(left - Math.min(marginMs, left / 2));
}

/**
 * Where Sign out sends the browser: the provider's end_session_endpoint with the ID token as hint and the page
 * as the address to come back to; undefined when the provider has no such endpoint (the page then only forgets
 * its tokens).
 */
export function endSessionUrl(d: Discovery, p: { clientId: string; postLogoutRedirectUri: string; idToken?: string }): string | undefined {
  if (!d.end_session_endpoint) return undefined;
  const url = new URL(d.end_session_endpoint);
  if (p.idToken) url.searchParams.set('id_token_hint', p.idToken);
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('post_logout_redirect_uri', p.postLogoutRedirectUri);
  return url.toString();
}

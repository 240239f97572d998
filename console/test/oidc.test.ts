import { describe, expect, it } from 'vitest';
import { accessToken, authorizationUrl, endSessionUrl, refreshDelay, refreshRequestBody, tokenAnswer, base64url, checkCallback, checkDiscovery, codeChallenge, discoveryUrl, isCallback, randomString, usesOidc, tokenRequestBody, type Pending } from '../src/logic/oidc';

const issuer = 'https://id.example.org/realms/corridor';
const discovery = { issuer, authorization_endpoint: `${issuer}/protocol/openid-connect/auth`, token_endpoint: `${issuer}/protocol/openid-connect/token` };
const pending: Pending = { state: 'st4te', verifier: 'v'.repeat(43), redirectUri: 'https://corridor.example.org/', returnTo: '#/plans' };

describe('OpenID Connect sign-in', () => {
  it('is used only when config.json names the issuer and the client id', () => {
    expect(usesOidc({ signIn: 'oidc', issuer, clientId: 'corridor-console' })).toBe(true);
    expect(usesOidc({ signIn: 'oidc', issuer })).toBe(false);
    expect(usesOidc({ signIn: 'oidc', clientId: 'corridor-console' })).toBe(false);
    expect(usesOidc({ signIn: 'local', issuer, clientId: 'corridor-console' })).toBe(false);
    expect(usesOidc({ signIn: 'token' })).toBe(false);
  });

  it('finds the discovery document under the issuer, with or without a trailing slash', () => {
    expect(discoveryUrl(issuer)).toBe(`${issuer}/.well-known/openid-configuration`);
    expect(discoveryUrl(`${issuer}/`)).toBe(`${issuer}/.well-known/openid-configuration`);
  });

  it('refuses a discovery document of another issuer or without endpoints', () => {
    expect(checkDiscovery(issuer, discovery)).toEqual(discovery);
    expect(() => checkDiscovery(issuer, { ...discovery, issuer: 'https://evil.example' })).toThrow(/names issuer https:\/\/evil.example/);
    expect(() => checkDiscovery(issuer, { issuer })).toThrow(/no authorization or token endpoint/);
    expect(() => checkDiscovery(issuer, null)).toThrow();
  });

  it('builds the authorization request of the code flow with an S256 challenge', () => {
    const url = new URL(authorizationUrl(discovery, { clientId: 'corridor-console', redirectUri: pending.redirectUri, state: 'st4te', challenge: 'ch&l' }));
    expect(`${url.origin}${url.pathname}`).toBe(discovery.authorization_endpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code', client_id: 'corridor-console', redirect_uri: 'https://corridor.example.org/', scope: 'openid',
      state: 'st4te', code_challenge: 'ch&l', code_challenge_method: 'S256',
    });
  });

  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(await codeChallenge('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  it('makes random strings of 43 URL-safe characters, each different', () => {
    const a = randomString();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomString()).not.toBe(a);
    expect(base64url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('takes the code of a redirect only when its state is the one this tab stored', () => {
    expect(isCallback('?code=abc&state=st4te')).toBe(true);
    expect(isCallback('?error=access_denied&state=st4te')).toBe(true);
    expect(isCallback('?code=abc')).toBe(false);
    expect(isCallback('')).toBe(false);
    expect(checkCallback('?code=abc&state=st4te', pending)).toBe('abc');
    expect(() => checkCallback('?code=abc&state=other', pending)).toThrow(/state/);
    expect(() => checkCallback('?code=abc&state=st4te', null)).toThrow(/no sign-in was started/);
    expect(() => checkCallback('?error=access_denied&error_description=User+cancelled&state=st4te', pending)).toThrow('User cancelled');
    expect(() => checkCallback('?state=st4te', pending)).toThrow(/without an authorization code/);
  });

  it('exchanges the code with the verifier and the same redirect URI', () => {
    expect(Object.fromEntries(tokenRequestBody('abc', pending, 'corridor-console'))).toEqual({
      grant_type: 'authorization_code', code: 'abc', redirect_uri: 'https://corridor.example.org/', client_id: 'corridor-console', code_verifier: pending.verifier,
    });
  });

  it('keeps the bearer access token of the answer and says why a refusal failed', () => {
    expect(accessToken(200, { access_token: 'a.b.c', token_type: 'Bearer', id_token: 'x', expires_in: 300 })).toBe('a.b.c');
    expect(accessToken(200, { access_token: 'a.b.c', token_type: 'bearer' })).toBe('a.b.c');
    expect(() => accessToken(400, { error: 'invalid_grant', error_description: 'Code not valid' })).toThrow('the provider refused the code: Code not valid');
    expect(() => accessToken(400, { error: 'invalid_grant' })).toThrow(/invalid_grant/);
    expect(() => accessToken(502, null)).toThrow(/HTTP 502/);
    expect(() => accessToken(200, { token_type: 'Bearer' })).toThrow(/without an access token/);
    expect(() => accessToken(200, { access_token: 'a.b.c', token_type: 'DPoP' })).toThrow(/not a bearer token/);
  });

  it('keeps the refresh token and the ID token when the provider gives them', () => {
    expect(tokenAnswer(200, { access_token: 'a.b.c', token_type: 'Bearer', refresh_token: 'r1', id_token: 'i.d.t' })).toEqual({ accessToken: 'a.b.c', refreshToken: 'r1', idToken: 'i.d.t' });
    expect(tokenAnswer(200, { access_token: 'a.b.c', token_type: 'Bearer', refresh_token: '' })).toEqual({ accessToken: 'a.b.c' });
    expect(() => tokenAnswer(400, { error: 'invalid_grant', error_description: 'Token is not active' })).toThrow('Token is not active');
  });

  it('refreshes with the refresh token as a public client', () => {
    expect(Object.fromEntries(refreshRequestBody('r1', 'corridor-console'))).toEqual({ grant_type: 'refresh_token', refresh_token: 'r1', client_id: 'corridor-console' });
  });

  it('refreshes a minute before expiry, halfway for a short token, at once when expired', () => {
    const now = 1_000_000;
    expect(refreshDelay(now + 300_000, now)).toBe(240_000);
    expect(refreshDelay(now + 120_000, now)).toBe(60_000);
    expect(refreshDelay(now + 60_000, now)).toBe(30_000);
    expect(refreshDelay(now + 10_000, now)).toBe(5_000);
    expect(refreshDelay(now + 1_000, now)).toBe(0);
    expect(refreshDelay(now - 5_000, now)).toBe(0);
    expect(refreshDelay(now + 300_000, now, 30_000)).toBe(270_000);
  });

  it('signs out at the provider when it has an end_session_endpoint', () => {
    const withLogout = checkDiscovery(issuer, { ...discovery, end_session_endpoint: `${issuer}/protocol/openid-connect/logout` });
    const url = new URL(endSessionUrl(withLogout, { clientId: 'corridor-console', postLogoutRedirectUri: 'https://corridor.example.org/', idToken: 'i.d.t' })!);
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer}/protocol/openid-connect/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ id_token_hint: 'i.d.t', client_id: 'corridor-console', post_logout_redirect_uri: 'https://corridor.example.org/' });
    expect(endSessionUrl(checkDiscovery(issuer, discovery), { clientId: 'corridor-console', postLogoutRedirectUri: 'https://corridor.example.org/' })).toBeUndefined();
    expect(checkDiscovery(issuer, { ...discovery, end_session_endpoint: 42 })).toEqual(discovery);
  });
});

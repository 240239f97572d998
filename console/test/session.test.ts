// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { canWrite, decodeToken, loadSession, mainRole, startSession } from '../src/session';
import { statusGroup, countByGroup } from '../src/logic/shipments';
import { problemDetail } from '../src/api';

const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: object) => `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`;

describe('session', () => {
  it('reads the roles and subject a token claims', () => {
    expect(decodeToken(jwt({ groups: ['DASHBOARD'], upn: 'wall' }))).toMatchObject({ roles: ['DASHBOARD'], subject: 'wall' });
  });

  it('lets officers and administrators write, never a dashboard or a donor', () => {
    expect(canWrite(['LOGISTICS_OFFICER'])).toBe(true);
    expect(canWrite(['ADMIN'])).toBe(true);
    expect(canWrite(['DASHBOARD'])).toBe(false);
    expect(canWrite(['DONOR'])).toBe(false);
    expect(mainRole(['DASHBOARD', 'LOGISTICS_OFFICER'])).toBe('LOGISTICS_OFFICER');
  });

  it('forgets an expired token', () => {
    const now = Date.now();
    startSession(jwt({ groups: ['DASHBOARD'], exp: Math.floor(now / 1000) + 60 }), sessionStorage);
    expect(loadSession(sessionStorage, now)?.roles).toEqual(['DASHBOARD']);
    expect(loadSession(sessionStorage, now + 120_000)).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});

describe('shipment status groups and problems', () => {
  it('groups statuses for the map and the lists', () => {
    expect(statusGroup('PLANNED')).toBe('planned');
    expect(statusGroup('CUSTOMS_HOLD')).toBe('held');
    expect(statusGroup('IN_TRANSIT')).toBe('moving');
    expect(statusGroup('LOST')).toBe('failed');
    expect(countByGroup(['PLANNED', 'PLANNED', 'DELIVERED'])).toMatchObject({ planned: 2, delivered: 1, failed: 0 });
  });

  it('shows a problem\'s detail, or a sentence when there is none', () => {
    expect(problemDetail(409, { title: 'Conflict', detail: 'Plan is stale' })).toBe('Plan is stale');
    expect(problemDetail(502, '<html>')).toBe('The server answered 502.');
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { daysUntil, expiryState, pager } from '../src/logic/stock';
import { canReceive, decodeToken, donorOnly } from '../src/session';

const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

describe('stock', () => {
  const today = new Date('2026-12-05T16:00:00Z');

  it('marks lots expiring within 30 days, and expired ones', () => {
    expect(daysUntil('2026-12-05', today)).toBe(0);
    expect(daysUntil('2027-01-04', today)).toBe(30);
    expect(expiryState('2027-01-04', today)).toBe('soon');
    expect(expiryState('2027-01-05', today)).toBe('ok');
    expect(expiryState('2026-12-04', today)).toBe('expired');
    expect(expiryState(undefined, today)).toBe('none');
  });

  it('pages through the lots', () => {
    expect(pager(0, 20, 45)).toEqual({ prev: false, next: true, pages: 3 });
    expect(pager(2, 20, 45)).toEqual({ prev: true, next: false, pages: 3 });
    expect(pager(0, 20, 0)).toEqual({ prev: false, next: false, pages: 1 });
  });

  it('reads the organisation a donor acts for, and what a donor may do', () => {
    const token = `${b64({ alg: 'RS256' })}.${b64({ groups: ['DONOR'], sub: 'd', org: 'org-1' })}.sig`;
    expect(decodeToken(token)).toMatchObject({ roles: ['DONOR'], organisation: 'org-1' });
    expect(donorOnly(['DONOR'])).toBe(true);
    expect(donorOnly(['DONOR', 'DASHBOARD'])).toBe(false);
    expect(canReceive(['DONOR'])).toBe(true);
    expect(canReceive(['LOGISTICS_OFFICER'])).toBe(true);
    expect(canReceive(['DASHBOARD'])).toBe(false);
  });
});

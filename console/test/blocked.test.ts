import { describe, expect, it } from 'vitest';
import { blockedRoutes, inForce, rulesBlockingMaterials } from '../src/logic/blocked';

const now = new Date('2026-12-05T12:00:00Z');
const embargo = { id: 'r1', originCountryCode: 'USA', destinationCountryCode: 'SYR', appliesTo: 'ALL', reason: 'sanctions', validFrom: '2020-01-01T00:00:00Z', modes: ['AIR', 'ROAD', 'SEA'] };

describe('access rules on the map', () => {
  it('is in force from validFrom until (not at) validUntil', () => {
    expect(inForce(embargo, now)).toBe(true);
    expect(inForce({ ...embargo, validFrom: '2026-12-06T00:00:00Z' }, now)).toBe(false);
    expect(inForce({ ...embargo, validUntil: '2026-12-05T12:00:00Z' }, now)).toBe(false);
    expect(inForce({ ...embargo, validUntil: '2026-12-05T12:00:01Z' }, now)).toBe(true);
    expect(inForce({ ...embargo, validUntil: null }, now)).toBe(true);
  });

  it('leaves out rules for teams only and rules not in force', () => {
    const teams = { ...embargo, id: 'r2', appliesTo: 'TEAMS' };
    const old = { ...embargo, id: 'r3', validUntil: '2025-01-01T00:00:00Z' };
    const mats = { ...embargo, id: 'r4', appliesTo: 'MATERIALS' };
    expect(rulesBlockingMaterials([embargo, teams, old, mats], now).map((r) => r.id)).toEqual(['r1', 'r4']);
  });

  it('blocks every route from a depot of the origin country to a site of the destination country', () => {
    const depots = [{ id: 'd-us', countryCode: 'USA' }, { id: 'd-tr', countryCode: 'TUR' }, { id: 'd-us2', countryCode: 'USA' }];
    const sites = [{ id: 's-sy', countryCode: 'SYR' }, { id: 's-tr', countryCode: 'TUR' }];
    const routes = blockedRoutes([embargo, { ...embargo, id: 'r5', appliesTo: 'TEAMS', originCountryCode: 'TUR' }], depots, sites, now);
    expect(routes.map((r) => `${r.depot.id}->${r.site.id}:${r.rule.id}`)).toEqual(['d-us->s-sy:r1', 'd-us2->s-sy:r1']);
    expect(blockedRoutes([], depots, sites, now)).toEqual([]);
  });
});

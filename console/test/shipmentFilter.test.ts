import { describe, expect, it } from 'vitest';
import { changeFilter, parseShipmentsHash, shipmentsHash, shipmentsQuery } from '../src/logic/shipmentFilter';

describe('shipment list filters in the hash', () => {
  it('reads the filter and the opened shipment from the hash', () => {
    expect(parseShipmentsHash('#/shipments')).toEqual({ selected: undefined, filter: { page: 0 } });
    expect(parseShipmentsHash('#/shipments/s1?status=DISPATCHED&siteId=x&page=2')).toEqual({ selected: 's1', filter: { status: 'DISPATCHED', siteId: 'x', page: 2 } });
  });

  it('ignores an unknown status and a bad page', () => {
    expect(parseShipmentsHash('#/shipments?status=FLYING&page=-3').filter).toEqual({ page: 0 });
    expect(parseShipmentsHash('#/shipments?page=abc').filter).toEqual({ page: 0 });
  });

  it('writes a hash that reads back as the same filter', () => {
    const f = { status: 'IN_TRANSIT', incidentId: 'i1', page: 3 };
    const hash = shipmentsHash(f, 's9');
    expect(hash).toBe('#/shipments/s9?status=IN_TRANSIT&incidentId=i1&page=3');
    expect(parseShipmentsHash(hash)).toEqual({ selected: 's9', filter: f });
    expect(shipmentsHash({ page: 0 })).toBe('#/shipments');
  });

  it('goes back to the first page when a filter changes', () => {
    expect(changeFilter({ status: 'PLANNED', page: 4 }, { status: 'DISPATCHED' })).toEqual({ status: 'DISPATCHED', page: 0 });
    expect(changeFilter({ status: 'PLANNED', page: 4 }, { status: '' })).toEqual({ page: 0 });
  });

  it('drops the site when another incident is chosen', () => {
    expect(changeFilter({ incidentId: 'i1', siteId: 's1', page: 1 }, { incidentId: 'i2' })).toEqual({ incidentId: 'i2', page: 0 });
    expect(changeFilter({ incidentId: 'i1', siteId: 's1', page: 1 }, { siteId: 's2' })).toEqual({ incidentId: 'i1', siteId: 's2', page: 0 });
  });

  it('asks the service for the filtered page', () => {
    expect(shipmentsQuery({ status: 'LOST', page: 2 }, 50)).toEqual({ status: 'LOST', incidentId: undefined, siteId: undefined, page: 2, size: 50 });
  });
});

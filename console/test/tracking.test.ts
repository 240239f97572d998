import { describe, expect, it } from 'vitest';
import { awaitsProof, fromUtcInput, lineProblem, nextEvents, proofBody, toUtcInput } from '../src/logic/tracking';

describe('recording a shipment\'s progress', () => {
  it('offers the events the service says its state machine accepts next, DELIVERED only as a proof', () => {
    // the shipment's allowedEvents as shipment-service answers them
    expect(nextEvents({ allowedEvents: ['DISPATCHED', 'CANCELLED'] })).toEqual(['DISPATCHED', 'CANCELLED']);
    expect(awaitsProof({ allowedEvents: ['DISPATCHED', 'CANCELLED'] })).toBe(false);
    expect(nextEvents({ allowedEvents: ['CUSTOMS_RELEASED', 'CANCELLED', 'LOST'] })).toEqual(['CUSTOMS_RELEASED', 'CANCELLED', 'LOST']);
    // ARRIVED: DELIVERED only through a proof of delivery
    expect(nextEvents({ allowedEvents: ['DELIVERED'] })).toEqual([]);
    expect(awaitsProof({ allowedEvents: ['DELIVERED'] })).toBe(true);
    // terminal statuses (and an answer without the field) offer nothing
    expect(nextEvents({ allowedEvents: [] })).toEqual([]);
    expect(nextEvents({})).toEqual([]);
    expect(awaitsProof({})).toBe(false);
  });

  it('reads and writes the UTC time fields', () => {
    expect(toUtcInput(new Date('2026-12-05T16:04:09.123Z'))).toBe('2026-12-05T16:04:09');
    expect(fromUtcInput('2026-12-05T16:04:09')).toBe('2026-12-05T16:04:09Z');
    expect(fromUtcInput('2026-12-05T16:04')).toBe('2026-12-05T16:04:00Z');
    expect(fromUtcInput('yesterday')).toBeNull();
    expect(fromUtcInput('2026-13-45T16:04')).toBeNull();
  });

  it('checks each line of a proof of delivery', () => {
    const shipped = { itemCode: 'TENT', lotId: 'l1', quantity: 120 };
    expect(lineProblem(shipped, { accepted: 120, rejected: 0, reason: '' })).toBeNull();
    expect(lineProblem(shipped, { accepted: 100, rejected: 20, reason: 'Water damage' })).toBeNull();
    expect(lineProblem(shipped, { accepted: 100, rejected: 10, reason: 'x' })).toBe('pod.err.sum');
    expect(lineProblem(shipped, { accepted: 100, rejected: 20, reason: '  ' })).toBe('pod.err.reason');
    expect(lineProblem(shipped, { accepted: -1, rejected: 121, reason: 'x' })).toBe('pod.err.number');
    expect(lineProblem(shipped, { accepted: 119.5, rejected: 0.5, reason: 'x' })).toBe('pod.err.number');
  });

  it('sends a reason only with a rejection', () => {
    const body = proofBody(' Ayşe Demir ', '2026-12-05T16:00:00Z', [{ itemCode: 'A', lotId: 'l1', quantity: 10 }, { itemCode: 'B', lotId: 'l2', quantity: 5 }],
      [{ accepted: 8, rejected: 2, reason: ' Wet ' }, { accepted: 5, rejected: 0, reason: 'ignored' }]);
    expect(body).toEqual({
      receivedBy: 'Ayşe Demir', receivedAt: '2026-12-05T16:00:00Z',
      lines: [{ itemCode: 'A', lotId: 'l1', accepted: 8, rejected: 2, rejectionReason: 'Wet' }, { itemCode: 'B', lotId: 'l2', accepted: 5, rejected: 0, rejectionReason: undefined }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { approve, type PlanState } from '../src/logic/approval';

const noSleep = async () => {};

describe('approving a plan', () => {
  it('is done at once on a 200, with the shipments it created', async () => {
    const r = await approve(async () => ({ status: 200, body: { shipments: [1, 2, 3] } }), async () => { throw new Error('not polled'); }, noSleep);
    expect(r).toEqual({ kind: 'approved', shipments: 3 });
  });

  it('polls the plan after a 202 until it is APPROVED', async () => {
    const states: PlanState[] = [{ status: 'APPROVING' }, { status: 'APPROVING' }, { status: 'APPROVED', shipmentIds: ['a', 'b'] }];
    let reads = 0;
    const r = await approve(async () => ({ status: 202 }), async () => states[reads++], noSleep);
    expect(r).toEqual({ kind: 'approved', shipments: 2 });
    expect(reads).toBe(3);
  });

  it('reports the approvalError when the plan falls back to SOLVED', async () => {
    const r = await approve(async () => ({ status: 202 }), async () => ({ status: 'SOLVED', approvalError: { detail: 'Lot 7 is short by 20 units' } }), noSleep);
    expect(r).toEqual({ kind: 'failed', detail: 'Lot 7 is short by 20 units' });
  });

  it('shows the problem detail of a refusal', async () => {
    const r = await approve(async () => ({ status: 409, body: { detail: 'The plan is stale: its first departure is 7 h past' } }), async () => ({}), noSleep);
    expect(r).toEqual({ kind: 'failed', detail: 'The plan is stale: its first departure is 7 h past' });
  });

  it('gives up after its time-out', async () => {
    let clock = 0;
    const r = await approve(async () => ({ status: 202 }), async () => ({ status: 'APPROVING' }), async (ms) => { clock += ms; }, { intervalMs: 1000, timeoutMs: 5000, now: () => clock });
    expect(r).toEqual({ kind: 'failed', detail: 'timeout' });
  });
});

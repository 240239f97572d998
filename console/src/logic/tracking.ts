// Recording a shipment's progress: which events the tracker offers (the shipment's `allowedEvents`, which
// shipment-service computes from its own state machine, so the page holds no copy of it), the UTC time fields,
// and the proof of delivery's per-line checks. Pure, so that it is unit tested.

/** What the tracker needs of a shipment: the events its state machine accepts next. */
export interface Allowing {
  allowedEvents?: string[];
}

/** Events an officer may record next as an event; DELIVERED is recorded only through a proof of delivery. */
export function nextEvents(s: Allowing): string[] {
  return (s.allowedEvents ?? []).filter((e) => e !== 'DELIVERED');
}

/** Whether the shipment waits for its proof of delivery (the service accepts DELIVERED next). */
export function awaitsProof(s: Allowing): boolean {
  return (s.allowedEvents ?? []).includes('DELIVERED');
}

/** A UTC instant as the value of an `<input type="datetime-local" step="1">` that the form labels as UTC. */
export function toUtcInput(d: Date): string {
  return d.toISOString().slice(0, 19);
}

/** The ISO instant of such an input's value ("2026-12-05T16:04" or with seconds), or null when it is not one. */
export function fromUtcInput(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}${m[2] ?? ':00'}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

export interface ShippedLine {
  itemCode?: string;
  lotId?: string;
  quantity?: number;
}

export interface ReceivedLine {
  accepted: number;
  rejected: number;
  reason: string;
}

/** What is wrong with one line of a proof of delivery, as a catalogue key, or null when it is fine. */
export type LineProblem = 'pod.err.number' | 'pod.err.sum' | 'pod.err.reason' | null;

export function lineProblem(shipped: ShippedLine, got: ReceivedLine): LineProblem {
  const ok = (n: number) => Number.isInteger(n) && n >= 0;
  if (!ok(got.accepted) || !ok(got.rejected)) return 'pod.err.number';
  if (got.accepted + got.rejected !== (shipped.quantity ?? 0)) return 'pod.err.sum';
  if (got.rejected > 0 && got.reason.trim() === '') return 'pod.err.reason';
  return null;
}

/** The body of POST /shipments/{id}/proof-of-delivery: one entry per shipped line, a reason only with a rejection. */
export function proofBody(receivedBy: string, receivedAt: string, shipped: ShippedLine[], got: ReceivedLine[]) {
  return {
    receivedBy: receivedBy.trim(),
    receivedAt,
    lines: shipped.map((s, i) => ({
      itemCode: s.itemCode ?? '',
      lotId: s.lotId ?? '',
      accepted: got[i].accepted,
      rejected: got[i].rejected,
      rejectionReason: got[i].rejected > 0 ? got[i].reason.trim() : undefined,
    })),
  };
}

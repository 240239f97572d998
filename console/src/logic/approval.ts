// Approving a plan: POST /plans/{id}/approval answers 200 (done) or 202 (under way: poll the plan until it
// is APPROVED, or SOLVED with approvalError). The HTTP calls are passed in, so the flow is unit tested.

export type Outcome =
  | { kind: 'approved'; shipments: number }
  | { kind: 'failed'; detail: string };

export interface PlanState {
  status?: string;
  shipmentIds?: string[];
  approvalError?: { detail?: string; title?: string };
}

export interface ApprovalAnswer {
  status: number;
  body?: { shipments?: unknown[]; status?: string; detail?: string } | null;
}

export async function approve(
  post: () => Promise<ApprovalAnswer>,
  getPlan: () => Promise<PlanState>,
  sleep: (ms: number) => Promise<void>,
  opts: { intervalMs?: number; timeoutMs?: number; now?: () => number } = {},
): Promise<Outcome> {
  const interval = opts.intervalMs ?? 1000;
  const timeout = opts.timeoutMs ?? 180_000;
  const now = opts.now ?? Date.now;
  const answer = await post();
  if (answer.status === 200) {
    return { kind: 'approved', shipments: answer.body?.shipments?.length ?? 0 };
  }
  if (answer.status !== 202) {
    return { kind: 'failed', detail: answer.body?.detail ?? `HTTP ${answer.status}` };
  }
  const end = now() + timeout;
  while (now() < end) {
    await sleep(interval);
    const plan = await getPlan();
    if (plan.status === 'APPROVED') return { kind: 'approved', shipments: plan.shipmentIds?.length ?? 0 };
    if (plan.status === 'SOLVED' && plan.approvalError) {
      return { kind: 'failed', detail: plan.approvalError.detail ?? plan.approvalError.title ?? '' };
    }
    if (plan.status !== 'APPROVING' && plan.status !== 'SOLVED') {
      return { kind: 'failed', detail: `${plan.status}` };
    }
  }
  return { kind: 'failed', detail: 'timeout' };
}

// The typed client of the public API, generated from the services' OpenAPI documents (scripts/gen-api.mjs).
// Every call goes to this page's own origin: /api/v1/... is routed to the owning service by local-run's
// ConsoleServer locally and by the Ingress in a cluster.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as InventoryPaths, components as InventoryComponents } from './api/generated/inventory';
import type { paths as AllocationPaths, components as AllocationComponents } from './api/generated/allocation';
import type { paths as ShipmentPaths, components as ShipmentComponents } from './api/generated/shipment';
import { session } from './session';
import { t } from './i18n';

export type Depot = InventoryComponents['schemas']['Depot'];
export type StockLot = InventoryComponents['schemas']['StockLot'];
export type Incident = AllocationComponents['schemas']['Incident'];
export type Site = AllocationComponents['schemas']['Site'];
export type Need = AllocationComponents['schemas']['Need'];
export type Plan = AllocationComponents['schemas']['Plan'];
export type PlanSummary = AllocationComponents['schemas']['PlanSummary'];
export type LineChange = AllocationComponents['schemas']['PlanLineChange'];
export type AccessRule = AllocationComponents['schemas']['AccessRule'];
export type Shipment = ShipmentComponents['schemas']['Shipment'];
export type ShipmentEvent = ShipmentComponents['schemas']['ShipmentEvent'];

/** An API answer that is not a success: what the user sees is the problem's `detail`. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly detail: string, readonly title?: string) {
    super(detail);
  }
}

/** The detail of an RFC 9457 problem body, or a plain sentence when the body is not one. */
export function problemDetail(status: number, body: unknown): string {
  if (body && typeof body === 'object' && 'detail' in body && typeof (body as { detail: unknown }).detail === 'string') {
    return (body as { detail: string }).detail;
  }
  if (status === 0) return t('error.network');
  return t('error.status', { status });
}

const auth: Middleware = {
  onRequest({ request }) {
    const s = session();
    if (s) request.headers.set('Authorization', `Bearer ${s.token}`);
    return request;
  },
};

function client<P extends {}>() {
  const c = createClient<P>({ baseUrl: '' });
  c.use(auth);
  return c;
}

export const inventory = client<InventoryPaths>();
export const allocation = client<AllocationPaths>();
export const shipment = client<ShipmentPaths>();

/** The result of a conditional read: `data` is undefined when the server answered 304 (nothing changed). */
export interface Read<T> {
  data?: T;
  etag?: string;
}

/**
 * Unwraps an openapi-fetch answer: the data, or an ApiError carrying the problem's detail. A 304 is not an
 * error: it means the copy the caller holds is still current.
 */
export function unwrap<T>(res: { data?: T; error?: unknown; response: Response }): Read<T> {
  const etag = res.response.headers.get('ETag') ?? undefined;
  if (res.response.status === 304) return { etag };
  if (!res.response.ok || res.data === undefined) {
    throw new ApiError(res.response.status, problemDetail(res.response.status, res.error), (res.error as { title?: string })?.title);
  }
  return { data: res.data, etag };
}

/** Turns a failed fetch (network down) into an ApiError, so that every view shows errors one way. */
export async function call<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Read<T>> {
  try {
    return unwrap(await p);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, t('error.network'));
  }
}

// Reads shared by the views, each kept with its ETag so that polling sends If-None-Match and a 304
// costs neither a body nor a re-render.
import { allocation, call, inventory, shipment, type Depot, type Incident, type Need, type Shipment } from './api';

interface Entry { etag?: string; data: unknown; json: string }
const cache = new Map<string, Entry>();

/** A read through the cache: `changed` is false when the server answered 304 or the body is the same. */
export async function cached<T>(key: string, read: (headers: Record<string, string>) => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data: T; changed: boolean }> {
  const prev = cache.get(key);
  const headers: Record<string, string> = prev?.etag ? { 'If-None-Match': prev.etag } : {};
  const res = await call(read(headers));
  if (res.data === undefined && prev) return { data: prev.data as T, changed: false };
  // reads without an ETag (incidents, depots) are compared by content: an equal body re-renders nothing
  const json = JSON.stringify(res.data);
  if (prev && prev.json === json) {
    prev.etag = res.etag;
    return { data: prev.data as T, changed: false };
  }
  cache.set(key, { etag: res.etag, data: res.data, json });
  return { data: res.data as T, changed: true };
}

export function clearCache(): void {
  cache.clear();
}

export async function openIncidents(): Promise<{ data: Incident[]; changed: boolean }> {
  const r = await cached('incidents', (headers) => allocation.GET('/api/v1/incidents', { params: { query: { status: 'OPEN', size: 50 } }, headers }));
  return { data: r.data.items ?? [], changed: r.changed };
}

export async function needs(incidentId: string): Promise<{ data: Need[]; changed: boolean }> {
  const r = await cached(`needs:${incidentId}`, (headers) => allocation.GET('/api/v1/incidents/{id}/needs', { params: { path: { id: incidentId }, query: { size: 500 } }, headers: { ...headers, Accept: 'application/json' } }));
  return { data: jsonPage(r.data).items ?? [], changed: r.changed };
}

export async function depots(): Promise<{ data: Depot[]; changed: boolean }> {
  const r = await cached('depots', (headers) => inventory.GET('/api/v1/depots', { params: { query: { size: 500 } }, headers }));
  return { data: r.data.items ?? [], changed: r.changed };
}

export async function shipments(): Promise<{ data: Shipment[]; changed: boolean }> {
  const r = await cached('shipments', (headers) => shipment.GET('/api/v1/shipments', { params: { query: { size: 500 } }, headers: { ...headers, Accept: 'application/json' } }));
  return { data: jsonPage(r.data).items ?? [], changed: r.changed };
}

/** A list also offered as CSV (for spreadsheets): the console asks for, and reads, its JSON page. */
function jsonPage<P extends object>(data: string | P): P {
  if (typeof data === 'string') throw new Error('expected a JSON page, got text');
  return data;
}

/** Open incidents with the needs of each, read together. */
export async function crisis(): Promise<{ incidents: Incident[]; needs: Need[]; changed: boolean }> {
  const inc = await openIncidents();
  const all = await Promise.all(inc.data.map((i) => needs(i.id!)));
  return { incidents: inc.data, needs: all.flatMap((n) => n.data), changed: inc.changed || all.some((n) => n.changed) };
}

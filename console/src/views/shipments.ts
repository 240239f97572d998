// (4) Shipment tracker: every shipment, one shipment's tracking events and, for officers, the forms that record
// its progress (POST /shipments/{id}/events) and its proof of delivery (POST /shipments/{id}/proof-of-delivery).
import { ApiError, call, problemDetail, shipment, type Shipment, type ShipmentEvent } from '../api';
import { crisis, depots as readDepots, oneShipment, shipmentPage } from '../data';
import { frame, h, showError, table } from '../dom';
import { fmtNumber, fmtTime, label, t, type MessageKey } from '../i18n';
import { statusGroup } from '../logic/shipments';
import { changeFilter, parseShipmentsHash, SHIPMENT_STATUSES, shipmentsHash, type ShipmentFilter } from '../logic/shipmentFilter';
import { pager } from '../logic/stock';
import { awaitsProof, fromUtcInput, lineProblem, nextEvents, proofBody, toUtcInput, type ReceivedLine } from '../logic/tracking';
import { Poller } from '../poller';
import { canWrite, session } from '../session';

function badge(status: string | undefined): HTMLElement {
  return h('span', { class: `badge g-${statusGroup(status)}` }, label('status', status ?? ''));
}

/** A labelled field: the label names the input by its id. */
function field(id: string, text: string, input: HTMLElement): HTMLElement {
  return h('p', { class: 'field' }, h('label', { for: id }, text), input);
}

/** Shipments a page of the list shows. */
const PAGE = 50;

export function mountShipments(container: HTMLElement, selected?: string): () => void {
  const f = frame(t('shipments.title'), t('shipments.description'));
  let filter: ShipmentFilter = parseShipmentsHash(location.hash).filter;
  const list = h('div', { class: 'table-box' });
  // filters: the ones the service applies (status, incident, site); a change goes back to page 1 and is written
  // to the address (replaceState: no hashchange, so the view and the keyboard focus stay where they are)
  const setFilter = (next: ShipmentFilter) => {
    filter = next;
    history.replaceState(null, '', shipmentsHash(filter, selected));
    list.replaceChildren();
    void poller.now();
  };
  const statusSel = h('select', { id: 'f-status', onchange: () => setFilter(changeFilter(filter, { status: statusSel.value })) },
    h('option', { value: '' }, t('filter.any')), ...SHIPMENT_STATUSES.map((st) => h('option', { value: st, selected: st === filter.status }, label('status', st))));
  const incidentSel = h('select', { id: 'f-incident', onchange: () => setFilter(changeFilter(filter, { incidentId: incidentSel.value })) }, h('option', { value: '' }, t('filter.any')));
  const siteSel = h('select', { id: 'f-site', onchange: () => setFilter(changeFilter(filter, { siteId: siteSel.value })) }, h('option', { value: '' }, t('filter.any')));
  const filters = h('div', { class: 'filters', role: 'group', 'aria-label': t('shipments.filters') },
    field('f-status', t('shipments.status'), statusSel), field('f-incident', t('map.incident'), incidentSel), field('f-site', t('map.site'), siteSel));
  const pageInfo = h('span', { class: 'page-info', 'data-testid': 'shipments-page' });
  const prev = h('button', { type: 'button', onclick: () => setFilter({ ...filter, page: filter.page - 1 }) }, t('stock.prev'));
  const next = h('button', { type: 'button', onclick: () => setFilter({ ...filter, page: filter.page + 1 }) }, t('stock.next'));
  let options = '';
  /** The incident and site choices, from the open incidents (rebuilt only when they change). */
  const fillChoices = async () => {
    const c = await crisis();
    const sites = c.incidents.flatMap((i) => (i.sites ?? []).filter(() => !filter.incidentId || i.id === filter.incidentId));
    const key = JSON.stringify([c.incidents.map((i) => i.id), sites.map((x) => x.id), filter.incidentId, filter.siteId]);
    if (key === options) return;
    options = key;
    incidentSel.replaceChildren(h('option', { value: '' }, t('filter.any')), ...c.incidents.map((i) => h('option', { value: i.id!, selected: i.id === filter.incidentId }, i.name ?? '')));
    siteSel.replaceChildren(h('option', { value: '' }, t('filter.any')), ...sites.map((x) => h('option', { value: x.id!, selected: x.id === filter.siteId }, x.name ?? '')));
  };
  const events = h('div', { class: 'events' });
  const record = h('div', { class: 'record' });
  const outcome = h('p', { class: 'outcome', role: 'status', 'aria-live': 'polite' });
  // the selected shipment's events first, above the list, so that opening one shows them without scrolling
  f.body.append(events, record, filters, list, h('div', { class: 'pager' }, prev, pageInfo, next));
  container.replaceChildren(f.root);
  let eventsEtag: string | undefined;
  let formFor = '';
  let busy = false;
  // a refused write keeps its problem on screen until the next write (a poll does not wipe it)
  let writeError = false;
  // after a recorded write the form is rebuilt for the new status: the keyboard focus goes to its first field
  let refocus = false;
  const writer = canWrite(session()?.roles ?? []);

  /** A mistake the form finds itself (before asking the service), shown like a problem's detail. */
  const refuse = (detail: string) => {
    writeError = true;
    showError(f.error, detail);
  };

  const submit = async (what: () => Promise<{ response: Response; error?: unknown }>, done: MessageKey) => {
    if (busy) return;
    busy = true;
    outcome.textContent = t('track.saving');
    try {
      const r = await what();
      if (!r.response.ok) {
        writeError = true;
        showError(f.error, problemDetail(r.response.status, r.error));
        outcome.textContent = t('track.failed');
      } else {
        writeError = false;
        showError(f.error, null);
        outcome.textContent = t(done);
        formFor = '';
        refocus = true;
        eventsEtag = undefined;
      }
    } catch {
      writeError = true;
      showError(f.error, t('error.network'));
      outcome.textContent = t('track.failed');
    } finally {
      busy = false;
      await poller.now();
    }
  };

  const eventForm = (one: Shipment): HTMLElement => {
    const type = h('select', { id: 'event-type', required: true }, ...nextEvents(one).map((e) => h('option', { value: e }, label('status', e))));
    const at = h('input', { id: 'event-at', type: 'datetime-local', step: 1, required: true, value: toUtcInput(new Date()) });
    const location = h('input', { id: 'event-location', type: 'text', maxlength: 200, autocomplete: 'off' });
    const note = h('input', { id: 'event-note', type: 'text', maxlength: 1000, autocomplete: 'off' });
    return h('form', { class: 'track-form', 'aria-labelledby': 'record-event-title', onsubmit: (e: Event) => {
      e.preventDefault();
      const when = fromUtcInput(at.value);
      if (!when) { refuse(t('track.badTime')); return; }
      void submit(() => shipment.POST('/api/v1/shipments/{id}/events', {
        params: { path: { id: one.id! }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: { type: type.value as 'DISPATCHED', at: when, location: location.value.trim() || undefined, note: note.value.trim() || undefined },
      }), 'track.recorded');
    } },
    h('h3', { id: 'record-event-title' }, t('track.eventTitle')),
    h('div', { class: 'fields' },
      field('event-type', t('track.type'), type), field('event-at', t('track.at'), at),
      field('event-location', t('track.location'), location), field('event-note', t('track.note'), note)),
    h('button', { type: 'submit', class: 'primary' }, t('track.record')));
  };

  const proofForm = (one: Shipment): HTMLElement => {
    const lines = one.lines ?? [];
    const by = h('input', { id: 'pod-by', type: 'text', required: true, maxlength: 200, autocomplete: 'name' });
    const at = h('input', { id: 'pod-at', type: 'datetime-local', step: 1, required: true, value: toUtcInput(new Date()) });
    const inputs = lines.map((l, i) => ({
      accepted: h('input', { id: `pod-accepted-${i}`, type: 'number', min: 0, step: 1, required: true, value: l.quantity ?? 0, 'aria-label': `${t('pod.accepted')}: ${l.itemCode}` }),
      rejected: h('input', { id: `pod-rejected-${i}`, type: 'number', min: 0, step: 1, required: true, value: 0, 'aria-label': `${t('pod.rejected')}: ${l.itemCode}` }),
      reason: h('input', { id: `pod-reason-${i}`, type: 'text', maxlength: 500, 'aria-label': `${t('pod.reason')}: ${l.itemCode}` }),
    }));
    return h('form', { class: 'pod-form', 'aria-labelledby': 'record-pod-title', onsubmit: (e: Event) => {
      e.preventDefault();
      const when = fromUtcInput(at.value);
      if (!when) { refuse(t('track.badTime')); return; }
      const got: ReceivedLine[] = inputs.map((x) => ({ accepted: Number(x.accepted.value), rejected: Number(x.rejected.value), reason: x.reason.value }));
      for (let i = 0; i < lines.length; i++) {
        const p = lineProblem(lines[i], got[i]);
        if (p) { refuse(t(p, { item: lines[i].itemCode ?? '', shipped: fmtNumber(lines[i].quantity ?? 0) })); return; }
      }
      void submit(() => shipment.POST('/api/v1/shipments/{id}/proof-of-delivery', {
        params: { path: { id: one.id! }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: proofBody(by.value, when, lines, got),
      }), 'pod.recorded');
    } },
    h('h3', { id: 'record-pod-title' }, t('pod.title')),
    h('div', { class: 'fields' }, field('pod-by', t('pod.by'), by), field('pod-at', t('pod.at'), at)),
    h('table', { class: 'pod-lines' },
      h('caption', {}, t('pod.lines')),
      h('thead', {}, h('tr', {}, ...[t('pod.item'), t('pod.lot'), t('pod.shipped'), t('pod.accepted'), t('pod.rejected'), t('pod.reason')].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...lines.map((l, i) => h('tr', {},
        h('th', { scope: 'row' }, l.itemCode ?? ''), h('td', {}, h('code', {}, (l.lotId ?? '').slice(0, 8))), h('td', { class: 'num' }, fmtNumber(l.quantity ?? 0)),
        h('td', {}, inputs[i].accepted), h('td', {}, inputs[i].rejected), h('td', {}, inputs[i].reason))))),
    h('button', { type: 'submit', class: 'primary' }, t('pod.record')));
  };

  /** What was received, once the proof is recorded: the lines' accepted and rejected units. */
  const received = (one: Shipment): HTMLElement => table(t('pod.received'), [t('pod.item'), t('pod.shipped'), t('pod.accepted'), t('pod.rejected'), t('pod.reason')],
    (one.lines ?? []).map((l) => [l.itemCode ?? '', fmtNumber(l.quantity ?? 0), fmtNumber(l.accepted ?? 0), fmtNumber(l.rejected ?? 0), l.rejectionReason ?? '']), 'received-table');

  const renderRecord = (one: Shipment | undefined) => {
    const key = `${one?.id}:${one?.status}`;
    if (!one || key === formFor) return;
    formFor = key;
    const parts: HTMLElement[] = [];
    if (one.status === 'DELIVERED') parts.push(received(one));
    if (writer) {
      if (awaitsProof(one)) parts.push(proofForm(one));
      else if (nextEvents(one).length > 0) parts.push(eventForm(one));
    }
    parts.push(outcome);
    record.replaceChildren(...parts);
    if (refocus) {
      refocus = false;
      (record.querySelector('select, input') as HTMLElement | null ?? document.getElementById('events-title'))?.focus();
    }
  };

  const load = async () => {
    try {
      const [s, d] = await Promise.all([shipmentPage(filter, PAGE), readDepots(), fillChoices()]);
      const depotName = new Map(d.data.map((x) => [x.id, `${x.name} (${x.countryCode})`]));
      const p = pager(filter.page, PAGE, s.data.total);
      prev.disabled = !p.prev;
      next.disabled = !p.next;
      pageInfo.textContent = t('shipments.page', { page: filter.page + 1, pages: p.pages, total: fmtNumber(s.data.total) });
      pageInfo.dataset.total = String(s.data.total);
      if (s.changed || d.changed || list.childElementCount === 0) {
        const filtered = !!(filter.status || filter.incidentId || filter.siteId);
        list.replaceChildren(s.data.items.length === 0 ? h('p', {}, t(filtered ? 'shipments.noMatch' : 'shipments.empty')) : table(t('shipments.title'),
          [t('shipments.status'), t('shipments.mode'), t('shipments.from'), t('shipments.to'), t('shipments.lines'), t('shipments.departure'), t('shipments.arrival'), ''],
          s.data.items.map((x) => [badge(x.status), x.mode ?? '', depotName.get(x.originDepotId) ?? x.originCountryCode ?? '', x.siteName ?? x.destinationCountryCode ?? '', fmtNumber(x.lines?.length ?? 0), fmtTime(x.plannedDeparture), fmtTime(x.estimatedArrival),
            h('a', { href: shipmentsHash(filter, x.id), 'aria-current': x.id === selected ? 'true' : undefined, 'aria-label': `${t('shipments.open')}: ${x.siteName ?? ''} ${fmtTime(x.plannedDeparture)}` }, t('shipments.open'))]), 'shipments-table'));
      }
      if (selected) {
        const one = s.data.items.find((x) => x.id === selected) ?? (await oneShipment(selected)).data;
        const r = await call(shipment.GET('/api/v1/shipments/{id}/events', { params: { path: { id: selected } }, headers: eventsEtag ? { 'If-None-Match': eventsEtag } : {} }));
        if (r.data) {
          eventsEtag = r.etag;
          const items: ShipmentEvent[] = r.data.items ?? [];
          events.replaceChildren(h('h2', { id: 'events-title' }, `${t('shipments.events')}: ${one?.siteName ?? selected.slice(0, 8)}`),
            h('p', { class: 'current' }, t('track.current'), ' ', badge(one?.status)),
            items.length === 0 ? h('p', {}, t('shipments.noEvents')) : table(t('shipments.events'), [t('shipments.event'), t('shipments.at'), t('shipments.location'), t('shipments.note')],
              items.map((e) => [label('status', e.toStatus ?? e.type ?? ''), fmtTime(e.at), e.location ?? '', e.note ?? '']), 'events-table'));
        }
        renderRecord(one);
      }
      if (!writeError) showError(f.error, null);
    } catch (e) {
      showError(f.error, e instanceof ApiError ? e.detail : String(e));
      throw e;
    }
  };
  const poller = new Poller(load, f.status);
  return () => poller.stop();
}

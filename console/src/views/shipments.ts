// (4) Shipment tracker: every shipment, and one shipment's tracking events.
import { ApiError, call, shipment, type ShipmentEvent } from '../api';
import { depots as readDepots, shipments as readShipments } from '../data';
import { frame, h, showError, table } from '../dom';
import { fmtNumber, fmtTime, label, t } from '../i18n';
import { statusGroup } from '../logic/shipments';
import { Poller } from '../poller';

function badge(status: string | undefined): HTMLElement {
  return h('span', { class: `badge g-${statusGroup(status)}` }, label('status', status ?? ''));
}

export function mountShipments(container: HTMLElement, selected?: string): () => void {
  const f = frame(t('shipments.title'), t('shipments.description'));
  const list = h('div', { class: 'table-box' });
  const events = h('div', { class: 'events' });
  // the selected shipment's events first, above the list, so that opening one shows them without scrolling
  f.body.append(events, list);
  container.replaceChildren(f.root);
  let eventsEtag: string | undefined;

  const load = async () => {
    try {
      const [s, d] = await Promise.all([readShipments(), readDepots()]);
      const depotName = new Map(d.data.map((x) => [x.id, `${x.name} (${x.countryCode})`]));
      if (s.changed || d.changed || list.childElementCount === 0) {
        list.replaceChildren(s.data.length === 0 ? h('p', {}, t('shipments.empty')) : table(t('shipments.title'),
          [t('shipments.status'), t('shipments.mode'), t('shipments.from'), t('shipments.to'), t('shipments.lines'), t('shipments.departure'), t('shipments.arrival'), ''],
          s.data.map((x) => [badge(x.status), x.mode ?? '', depotName.get(x.originDepotId) ?? x.originCountryCode ?? '', x.siteName ?? x.destinationCountryCode ?? '', fmtNumber(x.lines?.length ?? 0), fmtTime(x.plannedDeparture), fmtTime(x.estimatedArrival),
            h('a', { href: `#/shipments/${x.id}`, 'aria-current': x.id === selected ? 'true' : undefined, 'aria-label': `${t('shipments.open')}: ${x.siteName ?? ''} ${fmtTime(x.plannedDeparture)}` }, t('shipments.open'))]), 'shipments-table'));
      }
      if (selected) {
        const one = s.data.find((x) => x.id === selected);
        const r = await call(shipment.GET('/api/v1/shipments/{id}/events', { params: { path: { id: selected } }, headers: eventsEtag ? { 'If-None-Match': eventsEtag } : {} }));
        if (r.data) {
          eventsEtag = r.etag;
          const items: ShipmentEvent[] = r.data.items ?? [];
          events.replaceChildren(h('h2', { id: 'events-title' }, `${t('shipments.events')}: ${one?.siteName ?? selected.slice(0, 8)}`),
            items.length === 0 ? h('p', {}, t('shipments.noEvents')) : table(t('shipments.events'), [t('shipments.event'), t('shipments.at'), t('shipments.location'), t('shipments.note')],
              items.map((e) => [label('status', e.toStatus ?? e.type ?? ''), fmtTime(e.at), e.location ?? '', e.note ?? '']), 'events-table'));
        }
      }
      showError(f.error, null);
    } catch (e) {
      showError(f.error, e instanceof ApiError ? e.detail : String(e));
      throw e;
    }
  };
  const poller = new Poller(load, f.status);
  return () => poller.stop();
}

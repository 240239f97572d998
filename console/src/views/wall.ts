// (7) Wall display: a read-only overview for coordination-centre screens: key counts, the crisis map and the
// coverage totals, refreshed by the shared poller (If-None-Match, "updated N s ago", slower while the tab is
// hidden). Every box has a fixed size, so a refresh never moves anything.
import { ApiError } from '../api';
import { crisisMap, type CrisisMapData } from '../data';
import { frame, h, showError } from '../dom';
import { fmtNumber, label, t } from '../i18n';
import { add, emptyTotals, segments } from '../logic/coverage';
import { countByGroup, type StatusGroup } from '../logic/shipments';
import { Poller } from '../poller';
import { crisisSvg } from './map';

const GROUP_STATUS: Record<Exclude<StatusGroup, 'failed'>, string> = { planned: 'PLANNED', moving: 'IN_TRANSIT', held: 'CUSTOMS_HOLD', arrived: 'ARRIVED', delivered: 'DELIVERED' };

function tile(key: string, name: string, value: string): HTMLElement {
  return h('div', { class: 'tile', 'data-key': key }, h('dt', {}, name), h('dd', {}, value));
}

export function mountWall(container: HTMLElement): () => void {
  const f = frame(t('wall.title'), t('wall.description'));
  f.root.classList.add('wall');
  const counts = h('dl', { class: 'tiles', 'aria-label': t('wall.counts') });
  const figure = h('figure', { class: 'map wall-map' });
  const summary = h('p', { class: 'map-summary', id: 'wall-map-summary' });
  const totalsBox = h('div', { class: 'wall-totals' });
  f.body.append(counts, h('div', { class: 'wall-grid' }, h('div', {}, figure, summary), totalsBox));
  container.replaceChildren(f.root);

  let data: CrisisMapData = { incidents: [], needs: [], depotList: [], shipmentList: [], rules: [] };

  const draw = () => {
    const { map, sites } = crisisSvg({ ...data, rules: [] }, 'wall-map-title', 'wall-map-summary');
    figure.replaceChildren(map);
    const tot = data.needs.reduce((acc, n) => add(acc, n), emptyTotals());
    const groups = countByGroup(data.shipmentList.map((s) => s.status));
    summary.textContent = t('map.siteCount', { n: sites.length, d: data.depotList.length, s: data.shipmentList.length });
    counts.replaceChildren(
      tile('incidents', t('wall.incidents'), fmtNumber(data.incidents.length)),
      tile('sites', t('map.sites'), fmtNumber(sites.length)),
      tile('shipments', t('map.shipments'), fmtNumber(data.shipmentList.length)),
      ...(['moving', 'held', 'delivered'] as const).map((g) => tile(g, label('status', GROUP_STATUS[g]), fmtNumber(groups[g]))),
      tile('failed', t('wall.failed'), fmtNumber(groups.failed)));
    const share = tot.requested > 0 ? Math.round(((tot.requested - tot.unmet) / tot.requested) * 100) : 0;
    const bar = h('div', { class: 'bar wall-bar', role: 'img', 'aria-label': t('wall.bar', { share }) });
    for (const s of segments(tot)) {
      const seg = h('span', { class: `seg s-${s.kind}` });
      seg.style.width = `${s.percent}%`;
      bar.append(seg);
    }
    totalsBox.replaceChildren(
      h('h2', {}, t('wall.coverage')),
      h('p', { class: 'wall-share', 'data-testid': 'wall-share' }, t('wall.bar', { share })),
      bar,
      h('dl', { class: 'facts' },
        ...([['coverage.requested', tot.requested], ['coverage.approved', tot.approved], ['coverage.dispatched', tot.dispatched], ['coverage.delivered', tot.delivered], ['coverage.lostRejected', tot.lostRejected], ['coverage.unmet', tot.unmet]] as const)
          .flatMap(([k, v]) => [h('dt', {}, h('span', { class: `swatch seg s-${k.split('.')[1]}`, 'aria-hidden': 'true' }), t(k)), h('dd', { class: 'num' }, fmtNumber(v))])));
  };

  const load = async () => {
    try {
      const r = await crisisMap(data.land ? data : undefined);
      data = r.data;
      showError(f.error, null);
      if (r.changed) draw();
    } catch (e) {
      showError(f.error, e instanceof ApiError ? e.detail : String(e));
      throw e;
    }
  };
  draw();
  const poller = new Poller(load, f.status);
  return () => poller.stop();
}

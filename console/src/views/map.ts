// (1) The crisis map: incident sites coloured by coverage, depots, shipments as lines coloured by status.
// Drawn with d3-geo over Natural Earth's countries (world-atlas, served with the page: no tile server).
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { ApiError } from '../api';
import { crisisMap, type CrisisMapData } from '../data';
import { frame, h, showError, table } from '../dom';
import { fmtNumber, label, t, type MessageKey } from '../i18n';
import { blockedRoutes } from '../logic/blocked';
import { bySite, coveredShare, coverageState, emptyTotals, type CoverageState } from '../logic/coverage';
import { countByGroup, statusGroup, type StatusGroup } from '../logic/shipments';
import { Poller } from '../poller';
import { svg, svgTitle } from './svg';

const W = 960;
const H = 540;

/**
 * The projection that shows the sites: their bounding box, widened to at least 20 degrees of longitude so that
 * the region's depots and borders are in view. Depots far away (global hubs) fall outside; their shipments' lines
 * run in from the map's edge, and the summary says how many depots are off the map.
 */
export function fit(sites: Array<[number, number]>): GeoProjection {
  const p = geoMercator();
  if (sites.length === 0) return p.center([35, 37]).scale(1200).translate([W / 2, H / 2]);
  const span = 20;
  const lons = sites.map((s) => s[0]);
  const lats = sites.map((s) => s[1]);
  const cx = (Math.min(...lons) + Math.max(...lons)) / 2;
  const cy = (Math.min(...lats) + Math.max(...lats)) / 2;
  const halfLon = Math.max(span / 2, (Math.max(...lons) - Math.min(...lons)) / 2 + 2);
  const halfLat = Math.max(span / 4, (Math.max(...lats) - Math.min(...lats)) / 2 + 1);
  const box: Array<[number, number]> = [[cx - halfLon, cy - halfLat], [cx + halfLon, cy + halfLat]];
  return p.fitExtent([[20, 20], [W - 20, H - 20]], { type: 'MultiPoint', coordinates: box });
}

function inView(p: [number, number] | null): p is [number, number] {
  return !!p && p[0] >= 0 && p[0] <= W && p[1] >= 0 && p[1] <= H;
}

const STATES: CoverageState[] = ['uncovered', 'partial', 'covered', 'delivered', 'none'];
const GROUPS: StatusGroup[] = ['planned', 'moving', 'held', 'arrived', 'delivered', 'failed'];
const GROUP_STATUS: Record<StatusGroup, string> = { planned: 'PLANNED', moving: 'IN_TRANSIT', held: 'CUSTOMS_HOLD', arrived: 'ARRIVED', delivered: 'DELIVERED', failed: 'LOST' };

/** What the map draws; the world may still be loading. */
export type CrisisData = Omit<CrisisMapData, 'rules'> & { rules?: CrisisMapData['rules'] };

/** A rule's modes as the legend names them ("ROAD, AIR"). */
export function modesText(modes: string[] | undefined): string {
  return (modes ?? []).join(', ');
}

/** The crisis drawn as an SVG (sites by coverage, depots, shipments by status): the map view's and the wall's. */
export function crisisSvg({ land, incidents, needs, depotList, shipmentList, rules = [] }: CrisisData, titleId: string, describedBy: string) {
  const sites = incidents.flatMap((i) => (i.sites ?? []).map((s) => ({ ...s, incident: i.name ?? '' })));
  const totals = bySite(needs);
  const located = depotList.filter((d) => d.latitude !== undefined && d.longitude !== undefined);
  const proj = fit(sites.map((s) => [s.longitude!, s.latitude!] as [number, number]));
  const shownDepots = located.filter((d) => inView(proj([d.longitude!, d.latitude!])));
  const path = geoPath(proj);
  const depotById = new Map(depotList.map((d) => [d.id, d]));
  const siteById = new Map(sites.map((s) => [s.id, s]));

  const map = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId, 'aria-describedby': describedBy, class: 'map-svg' });
  const title = svgTitle(t('map.title'));
  title.id = titleId;
  map.append(title, svg('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }));
  if (land) map.append(svg('path', { d: path(land) ?? '', class: 'land' }));

  // blocked routes first, under the shipments: dotted dark red, each titled with its rule's reason and modes
  const blocked = blockedRoutes(rules, located, sites, new Date());
  const blockedLayer = svg('g', { class: 'blocked-routes' });
  for (const b of blocked) {
    const a = proj([b.depot.longitude!, b.depot.latitude!]);
    const z = proj([b.site.longitude!, b.site.latitude!]);
    if (!a || !z) continue;
    blockedLayer.append(svg('line', { x1: a[0], y1: a[1], x2: z[0], y2: z[1], class: 'blocked', 'data-rule-id': b.rule.id ?? '' },
      svgTitle(t('map.blockedTitle', { depot: b.depot.name ?? '', site: b.site.name ?? '', reason: b.rule.reason ?? '', modes: modesText(b.rule.modes) }))));
  }
  const lines = svg('g', { class: 'shipments' });
  for (const s of shipmentList) {
    const d = depotById.get(s.originDepotId);
    const site = siteById.get(s.siteId);
    if (!d || !site) continue;
    const a = proj([d.longitude!, d.latitude!]);
    const b = proj([site.longitude!, site.latitude!]);
    if (!a || !b) continue;
    lines.append(svg('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: `shipment g-${statusGroup(s.status)}`, 'data-status': s.status ?? '' },
      svgTitle(`${d.name} → ${s.siteName ?? site.name}: ${label('status', s.status ?? '')}`)));
  }
  const depotLayer = svg('g', { class: 'depots' });
  for (const d of shownDepots) {
    const p = proj([d.longitude!, d.latitude!])!;
    depotLayer.append(svg('rect', { x: p[0] - 5, y: p[1] - 5, width: 10, height: 10, class: 'depot' }, svgTitle(`${d.name} (${d.countryCode})`)));
  }
  const siteLayer = svg('g', { class: 'sites' });
  for (const s of sites) {
    const p = proj([s.longitude!, s.latitude!]);
    if (!p) continue;
    const tot = totals.get(s.id!) ?? emptyTotals();
    const state = coverageState(tot);
    const r = 6 + Math.min(6, Math.sqrt((s.affectedPopulation ?? 0) / 50000));
    siteLayer.append(svg('circle', { cx: p[0], cy: p[1], r, class: `site c-${state}`, 'data-site-id': s.id ?? '', 'data-coverage': state },
      svgTitle(`${s.name}: ${t(`coverage.state.${state}` as MessageKey)} (${Math.round(coveredShare(tot) * 100)} %)`)));
    const text = svg('text', { x: p[0] + r + 3, y: p[1] + 4, class: 'site-label' });
    text.textContent = s.name ?? '';
    siteLayer.append(text);
  }
  map.append(blockedLayer, lines, depotLayer, siteLayer);
  return { map, sites, totals, located, shownDepots, blocked };
}

export function mountMap(container: HTMLElement): () => void {
  const f = frame(t('map.title'), t('map.description'));
  const figure = h('figure', { class: 'map' });
  const summary = h('p', { class: 'map-summary', id: 'map-summary' });
  const legend = h('div', { class: 'legend', 'aria-label': t('map.legend'), role: 'group' });
  const blockedBox = h('div', { class: 'blocked-box' });
  const tableBox = h('div', { class: 'table-box' });
  f.body.append(figure, summary, legend, blockedBox, tableBox);
  container.replaceChildren(f.root);

  let data: CrisisMapData | undefined;

  const draw = () => {
    const shipmentList = data?.shipmentList ?? [];
    const { map, sites, totals, located, shownDepots, blocked } = crisisSvg(data ?? { incidents: [], needs: [], depotList: [], shipmentList: [], rules: [] }, 'map-title', 'map-summary');
    figure.replaceChildren(map);
    summary.textContent = t('map.siteCount', { n: sites.length, d: shownDepots.length, s: shipmentList.length })
      + (located.length > shownDepots.length ? `. ${t('map.offMap', { n: located.length - shownDepots.length })}` : '');

    const counts = countByGroup(shipmentList.map((s) => s.status));
    legend.replaceChildren(
      h('h2', {}, t('map.legend')),
      h('ul', { class: 'legend-list' },
        ...STATES.map((st) => h('li', {}, h('span', { class: `swatch dot c-${st}`, 'aria-hidden': 'true' }), t(`coverage.state.${st}` as MessageKey))),
        h('li', {}, h('span', { class: 'swatch square', 'aria-hidden': 'true' }), t('map.depots')),
        h('li', {}, h('span', { class: 'swatch blocked-swatch', 'aria-hidden': 'true' }), `${t('map.blocked')} (${blocked.length})`)),
      h('ul', { class: 'legend-list' },
        ...GROUPS.map((g) => h('li', {}, h('span', { class: `swatch bar g-${g}`, 'aria-hidden': 'true' }), `${label('status', GROUP_STATUS[g])} (${counts[g]})`))));

    // the rules behind the blocked routes, one row per rule, naming the routes it blocks
    const byRule = new Map<string, { rule: (typeof blocked)[number]['rule']; routes: string[] }>();
    for (const b of blocked) {
      const key = b.rule.id ?? '';
      const e = byRule.get(key) ?? { rule: b.rule, routes: [] };
      e.routes.push(`${b.depot.name} → ${b.site.name}`);
      byRule.set(key, e);
    }
    blockedBox.replaceChildren(h('h2', {}, t('map.blockedList')),
      byRule.size === 0 ? h('p', {}, t('map.noBlocked')) : table(t('map.blockedCaption'), [t('map.rule'), t('map.ruleCountries'), t('map.ruleModes'), t('map.ruleRoutes')],
        [...byRule.values()].map(({ rule, routes }) => [rule.reason ?? '', `${rule.originCountryCode} → ${rule.destinationCountryCode}`, modesText(rule.modes), routes.join('; ')]), 'blocked-table'));

    tableBox.replaceChildren(table(t('map.table'), [t('map.site'), t('map.incident'), t('map.population'), t('map.covered')],
      sites.map((s) => {
        const tot = totals.get(s.id!) ?? emptyTotals();
        const state = coverageState(tot);
        return [s.name ?? '', s.incident, fmtNumber(s.affectedPopulation ?? 0),
          h('span', {}, h('span', { class: `swatch dot c-${state}`, 'aria-hidden': 'true' }), `${t(`coverage.state.${state}` as MessageKey)} (${Math.round(coveredShare(tot) * 100)} %)`)];
      }), 'sites-table'));
    if (sites.length > 0 && !performance.getEntriesByName('crisis-visible').length) performance.mark('crisis-visible');
  };

  const load = async () => {
    try {
      const r = await crisisMap(data);
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

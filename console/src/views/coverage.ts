// (2) Needs coverage: per site and item, bars of delivered / dispatched / approved / unmet units.
import { ApiError } from '../api';
import { crisis } from '../data';
import { frame, h, showError } from '../dom';
import { fmtNumber, t, type MessageKey } from '../i18n';
import { bySiteAndItem, segments, type Totals } from '../logic/coverage';
import { Poller } from '../poller';

function bar(item: string, tot: Totals): HTMLElement {
  const text = t('coverage.bar', { item, delivered: fmtNumber(tot.delivered), dispatched: fmtNumber(tot.dispatched), approved: fmtNumber(tot.approved), unmet: fmtNumber(tot.unmet), requested: fmtNumber(tot.requested) });
  const el = h('div', { class: 'bar', role: 'img', 'aria-label': text, title: text });
  for (const s of segments(tot)) {
    const seg = h('span', { class: `seg s-${s.kind}` });
    seg.style.width = `${s.percent}%`;
    el.append(seg);
  }
  return el;
}

export function mountCoverage(container: HTMLElement): () => void {
  const f = frame(t('coverage.title'), t('coverage.description'));
  const keys: MessageKey[] = ['coverage.delivered', 'coverage.dispatched', 'coverage.approved', 'coverage.unmet'];
  const legend = h('ul', { class: 'legend-list bar-legend' }, ...['delivered', 'dispatched', 'approved', 'unmet'].map((k, i) =>
    h('li', {}, h('span', { class: `swatch seg s-${k}`, 'aria-hidden': 'true' }), t(keys[i]))));
  const list = h('div', { class: 'coverage-list' });
  f.body.append(legend, list);
  container.replaceChildren(f.root);

  const load = async () => {
    try {
      const c = await crisis();
      showError(f.error, null);
      if (!c.changed && list.childElementCount > 0) return;
      const bySite = bySiteAndItem(c.needs);
      const sections: HTMLElement[] = [];
      for (const inc of c.incidents) {
        for (const site of inc.sites ?? []) {
          const items = bySite.get(site.id!);
          if (!items) continue;
          const rows = [...items].map(([item, tot]) => h('tr', { 'data-item': item },
            h('th', { scope: 'row' }, item),
            h('td', { class: 'num' }, fmtNumber(tot.requested)),
            h('td', { class: 'num' }, fmtNumber(tot.approved)),
            h('td', { class: 'num' }, fmtNumber(tot.dispatched)),
            h('td', { class: 'num' }, fmtNumber(tot.delivered)),
            h('td', { class: 'num' }, fmtNumber(tot.unmet)),
            h('td', { class: 'bar-cell' }, bar(item, tot))));
          sections.push(h('section', { class: 'site-coverage', 'data-site-id': site.id ?? '' },
            h('h2', {}, `${site.name} · ${inc.countryCode}`),
            h('table', { class: 'coverage' },
              h('caption', { class: 'visually-hidden' }, `${t('coverage.title')}: ${site.name}`),
              h('thead', {}, h('tr', {}, ...[t('coverage.item'), t('coverage.requested'), t('coverage.approved'), t('coverage.dispatched'), t('coverage.delivered'), t('coverage.unmet'), ''].map((x) => h('th', { scope: 'col' }, x)))),
              h('tbody', {}, ...rows))));
        }
      }
      list.replaceChildren(...(sections.length ? sections : [h('p', {}, t('coverage.empty'))]));
    } catch (e) {
      showError(f.error, e instanceof ApiError ? e.detail : String(e));
      throw e;
    }
  };
  const poller = new Poller(load, f.status);
  return () => poller.stop();
}

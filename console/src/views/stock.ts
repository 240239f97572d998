// (5) Stock: totals by country, item or depot (GET /stock/summary), the lots with filters, page by page (GET /stock),
// lots expiring within 30 days marked in words, and the receipt form (POST /depots/{id}/receipts). A DONOR's token
// reads only the lots it donated (the service filters) and registers receipts only as its own organisation.
import { ApiError, inventory, problemDetail } from '../api';
import { cached } from '../data';
import { frame, h, showError, table } from '../dom';
import { fmtNumber, t, type MessageKey } from '../i18n';
import { daysUntil, expiryState, pager } from '../logic/stock';
import { Poller } from '../poller';
import { canReceive, donorOnly, session } from '../session';

const PAGE = 20;
type Group = 'country' | 'item' | 'depot';

function field(id: string, text: string, input: HTMLElement): HTMLElement {
  return h('p', { class: 'field' }, h('label', { for: id }, text), input);
}

function expiryCell(expiresOn: string | undefined): Node {
  if (!expiresOn) return document.createTextNode('–');
  const today = new Date();
  const state = expiryState(expiresOn, today);
  const days = daysUntil(expiresOn, today);
  const note: Record<string, string> = {
    expired: t('stock.expired'),
    soon: t('stock.expiresIn', { n: days }),
  };
  return h('span', { class: `expiry e-${state}` }, expiresOn, note[state] ? h('strong', { class: 'expiry-note' }, ` ${note[state]}`) : null);
}

export function mountStock(container: HTMLElement): () => void {
  const f = frame(t('stock.title'), t('stock.description'));
  const s = session();
  const roles = s?.roles ?? [];
  const donor = donorOnly(roles);
  const groupSel = h('select', { id: 'stock-group' }, ...(['country', 'item', 'depot'] as Group[]).map((g) => h('option', { value: g }, t(`stock.by.${g}` as MessageKey))));
  const summary = h('div', { class: 'table-box summary-box' });
  const depotSel = h('select', { id: 'filter-depot' }, h('option', { value: '' }, t('stock.all')));
  const itemSel = h('select', { id: 'filter-item' }, h('option', { value: '' }, t('stock.all')));
  const country = h('input', { id: 'filter-country', type: 'text', maxlength: 3, size: 4, autocomplete: 'off', placeholder: 'TUR' });
  const available = h('input', { id: 'filter-available', type: 'checkbox' });
  const lots = h('div', { class: 'table-box lots-box' });
  const pageInfo = h('span', { class: 'page-info', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', onclick: () => { page--; void poller.now(); } }, t('stock.prev'));
  const next = h('button', { type: 'button', onclick: () => { page++; void poller.now(); } }, t('stock.next'));
  const receipt = h('div', { class: 'receipt' });
  const outcome = h('p', { class: 'outcome', role: 'status', 'aria-live': 'polite' });
  let page = 0;
  let writeError = false;
  const refilter = () => { page = 0; void poller.now(); };
  for (const el of [depotSel, itemSel, available]) el.addEventListener('change', refilter);
  country.addEventListener('change', refilter);
  groupSel.addEventListener('change', () => void poller.now());

  f.body.append(
    donor ? h('p', { class: 'note', 'data-testid': 'donor-note' }, t('stock.donorOnly')) : '',
    h('h2', { id: 'summary-title' }, t('stock.summary')),
    field('stock-group', t('stock.groupBy'), groupSel), summary,
    h('h2', { id: 'lots-title' }, t('stock.lots')),
    h('div', { class: 'filters', role: 'group', 'aria-labelledby': 'lots-title' },
      field('filter-country', t('stock.country'), country), field('filter-item', t('stock.item'), itemSel), field('filter-depot', t('stock.depot'), depotSel),
      h('p', { class: 'field check' }, available, h('label', { for: 'filter-available' }, t('stock.availableOnly')))),
    lots, h('div', { class: 'pager' }, prev, pageInfo, next),
    receipt);
  container.replaceChildren(f.root);

  let orgName = new Map<string, string>();
  let formBuilt = false;

  const buildReceipt = (depots: Array<{ id?: string; code?: string; name?: string; countryCode?: string }>, items: Array<{ code?: string; name?: string; shelfLifeDays?: number | null }>, orgs: Array<{ id?: string; name?: string }>) => {
    const depot = h('select', { id: 'receipt-depot', required: true }, ...depots.map((d) => h('option', { value: d.id ?? '' }, `${d.code} · ${d.name} (${d.countryCode})`)));
    const item = h('select', { id: 'receipt-item', required: true }, ...items.map((i) => h('option', { value: i.code ?? '' }, `${i.code} · ${i.name}`)));
    const qty = h('input', { id: 'receipt-quantity', type: 'number', min: 1, step: 1, required: true });
    const lotCode = h('input', { id: 'receipt-lot', type: 'text', maxlength: 60, required: true, autocomplete: 'off' });
    const expires = h('input', { id: 'receipt-expiry', type: 'date' });
    const note = h('input', { id: 'receipt-note', type: 'text', maxlength: 500, autocomplete: 'off' });
    const own = s?.organisation;
    const donorField = donor
      ? h('p', { class: 'field' }, h('span', { class: 'label' }, t('stock.donor')), h('strong', { 'data-testid': 'receipt-donor' }, orgName.get(own ?? '') ?? own ?? ''))
      : field('receipt-donor', t('stock.donor'), h('select', { id: 'receipt-donor', required: true }, ...orgs.map((o) => h('option', { value: o.id ?? '' }, o.name ?? ''))));
    const form = h('form', { class: 'receipt-form', 'aria-labelledby': 'receipt-title', onsubmit: async (e: Event) => {
      e.preventDefault();
      const donorId = donor ? own : (document.getElementById('receipt-donor') as HTMLSelectElement).value;
      outcome.textContent = t('track.saving');
      try {
        const r = await inventory.POST('/api/v1/depots/{id}/receipts', {
          params: { path: { id: depot.value }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { itemCode: item.value, quantity: Number(qty.value), lotCode: lotCode.value.trim(), expiresOn: expires.value || undefined, donorOrganisationId: donorId ?? '', note: note.value.trim() || undefined },
        });
        if (!r.response.ok || !r.data) {
          writeError = true;
          showError(f.error, problemDetail(r.response.status, r.error));
          outcome.textContent = t('track.failed');
          return;
        }
        writeError = false;
        showError(f.error, null);
        outcome.textContent = t('stock.received', { lot: r.data.lotCode ?? '', n: fmtNumber(r.data.onHand ?? 0), item: r.data.itemCode ?? '', depot: r.data.depotCode ?? '' });
        lotCode.value = '';
      } catch {
        writeError = true;
        showError(f.error, t('error.network'));
        outcome.textContent = t('track.failed');
      }
      await poller.now();
    } },
    h('h2', { id: 'receipt-title' }, t('stock.receiptTitle')),
    h('div', { class: 'fields' },
      donorField, field('receipt-depot', t('stock.depot'), depot), field('receipt-item', t('stock.item'), item),
      field('receipt-quantity', t('stock.quantity'), qty), field('receipt-lot', t('stock.lotCode'), lotCode),
      field('receipt-expiry', t('stock.expiryOptional'), expires), field('receipt-note', t('track.note'), note)),
    h('button', { type: 'submit', class: 'primary' }, t('stock.register')));
    receipt.replaceChildren(form, outcome);
  };

  const load = async () => {
    try {
      const group = groupSel.value as Group;
      const [sum, dep, itm, org] = await Promise.all([
        cached(`stock-summary:${group}`, (headers) => inventory.GET('/api/v1/stock/summary', { params: { query: { groupBy: group } }, headers: { ...headers, Accept: 'application/json' } })),
        cached('depots', (headers) => inventory.GET('/api/v1/depots', { params: { query: { size: 500 } }, headers })),
        cached('items', (headers) => inventory.GET('/api/v1/items', { params: { query: { size: 500 } }, headers })),
        cached('organisations', (headers) => inventory.GET('/api/v1/organisations', { params: { query: { size: 200 } }, headers })),
      ]);
      const depots = dep.data.items ?? [];
      const items = itm.data.items ?? [];
      orgName = new Map((org.data.items ?? []).map((o) => [o.id ?? '', o.name ?? '']));
      if (dep.changed || depotSel.options.length === 1) depotSel.replaceChildren(h('option', { value: '' }, t('stock.all')), ...depots.map((d) => h('option', { value: d.id ?? '', selected: d.id === depotSel.value }, `${d.code} · ${d.name}`)));
      if (itm.changed || itemSel.options.length === 1) itemSel.replaceChildren(h('option', { value: '' }, t('stock.all')), ...items.map((i) => h('option', { value: i.code ?? '', selected: i.code === itemSel.value }, i.code ?? '')));
      const sumData = typeof sum.data === 'string' ? undefined : sum.data;
      if (sum.changed || summary.childElementCount === 0) {
        const groups = sumData?.groups ?? [];
        summary.replaceChildren(groups.length === 0 ? h('p', {}, t('stock.empty')) : table(t(`stock.by.${group}` as MessageKey),
          [t('stock.group'), t('stock.lotCount'), t('stock.onHand'), t('stock.reserved'), t('stock.available')],
          groups.map((g) => [g.label ?? g.key ?? '', fmtNumber(g.lots ?? 0), fmtNumber(g.onHand ?? 0), fmtNumber(g.reserved ?? 0), fmtNumber(g.available ?? 0)]), 'summary-table'));
      }
      const query = { countryCode: country.value.trim().toUpperCase() || undefined, itemCode: itemSel.value || undefined, depotId: depotSel.value || undefined, availableOnly: available.checked, page, size: PAGE };
      const lot = await cached(`stock:${JSON.stringify(query)}`, (headers) => inventory.GET('/api/v1/stock', { params: { query }, headers: { ...headers, Accept: 'application/json' } }));
      const lotPage = typeof lot.data === 'string' ? undefined : lot.data;
      if (lot.changed || lots.childElementCount === 0 || lots.dataset.query !== JSON.stringify(query)) {
        lots.dataset.query = JSON.stringify(query);
        const rows = lotPage?.items ?? [];
        lots.replaceChildren(rows.length === 0 ? h('p', {}, t('stock.noLots')) : h('table', { class: 'lots-table' },
          h('caption', {}, t('stock.lots')),
          h('thead', {}, h('tr', {}, ...[t('stock.depot'), t('stock.item'), t('stock.lotCode'), t('stock.expiry'), t('stock.donor'), t('stock.onHand'), t('stock.reserved'), t('stock.available')].map((x) => h('th', { scope: 'col' }, x)))),
          h('tbody', {}, ...rows.map((l) => h('tr', { class: `lot e-${expiryState(l.expiresOn, new Date())}`, 'data-donor': l.donorOrganisationId ?? '' },
            h('td', {}, `${l.depotCode} (${l.countryCode})`), h('td', {}, l.itemCode ?? ''), h('td', {}, l.lotCode ?? ''), h('td', {}, expiryCell(l.expiresOn)),
            h('td', {}, l.donorName ?? ''), h('td', { class: 'num' }, fmtNumber(l.onHand ?? 0)), h('td', { class: 'num' }, fmtNumber(l.reserved ?? 0)), h('td', { class: 'num' }, fmtNumber(l.available ?? 0)))))));
        const p = pager(page, PAGE, lotPage?.total ?? 0);
        prev.disabled = !p.prev;
        next.disabled = !p.next;
        pageInfo.textContent = t('stock.page', { page: page + 1, pages: p.pages, total: fmtNumber(lotPage?.total ?? 0) });
      }
      if (canReceive(roles) && !formBuilt) {
        formBuilt = true;
        buildReceipt(depots, items, org.data.items ?? []);
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

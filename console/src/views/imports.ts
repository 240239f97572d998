// (6) Bulk receipt import (POST /receipt-imports): a donor or an officer picks a CSV or .xlsx file, the page checks
// it first (?dryRun=true: "N rows OK", or every bad row with its column and the service's message, nothing
// written), then Import sends the same file with one Idempotency-Key per chosen file (a retry cannot import it
// twice) and lists the lots created. The template to fill in is the header and HXL rows the service reads.
import { inventory, problemDetail, type StockLot } from '../api';
import { frame, h, showError, table } from '../dom';
import { fmtNumber, t } from '../i18n';
import { badRowCount, importMediaType, rowErrors, templateCsv } from '../logic/imports';
import { canReceive, donorOnly, session } from '../session';

async function send(file: File, dryRun: boolean, key?: string) {
  const type = importMediaType(file.name)!;
  return inventory.POST('/api/v1/receipt-imports', {
    params: { query: { dryRun }, header: key ? { 'Idempotency-Key': key } : {} },
    headers: { 'Content-Type': type },
    // the file as it is: the service reads CSV or .xlsx bytes
    body: file as unknown as string,
    bodySerializer: (b: unknown) => b as BodyInit,
  });
}

export function mountImports(container: HTMLElement): () => void {
  const f = frame(t('import.title'), t('import.description'));
  f.status.remove();
  container.replaceChildren(f.root);
  const roles = session()?.roles ?? [];
  const template = h('a', {
    href: `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`, download: 'corridor-receipts-template.csv', id: 'import-template',
  }, t('import.template'));
  f.body.append(h('p', {}, template, ` ${t('import.templateHint')}`));
  if (!canReceive(roles)) {
    f.body.append(h('p', { class: 'note' }, t('import.readOnly')));
    return () => {};
  }
  if (donorOnly(roles)) f.body.append(h('p', { class: 'note' }, t('import.donorOwn', { org: session()?.organisation ?? '' })));

  const input = h('input', { id: 'import-file', type: 'file', accept: '.csv,.xlsx,text/csv', required: true });
  const check = h('button', { type: 'submit', class: 'primary', id: 'import-check' }, t('import.check'));
  const doImport = h('button', { type: 'button', class: 'primary', id: 'import-run', disabled: true }, t('import.run'));
  const outcome = h('p', { class: 'outcome', role: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'import-result' });
  let key = '';
  let checked: File | null = null;

  const reset = () => {
    key = crypto.randomUUID();
    checked = null;
    doImport.disabled = true;
    outcome.textContent = '';
    result.replaceChildren();
    showError(f.error, null);
  };
  input.addEventListener('change', reset);

  /** Shows a refusal: the table of bad rows for a 422 naming them, else the problem's detail. */
  const refused = (status: number, body: unknown) => {
    const errors = rowErrors(body);
    showError(f.error, problemDetail(status, body));
    if (errors.length === 0) {
      outcome.textContent = t('import.failed');
      return;
    }
    const bad = badRowCount(errors);
    outcome.textContent = bad === 1 ? t('import.badRow') : t('import.badRows', { n: fmtNumber(bad) });
    result.replaceChildren(table(t('import.errorsCaption'), [t('import.row'), t('import.column'), t('import.message')],
      errors.map((e) => [String(e.row), e.column || '–', e.message]), 'import-errors'));
  };

  const form = h('form', { class: 'import-form', 'aria-labelledby': 'view-title', onsubmit: async (e: Event) => {
    e.preventDefault();
    const file = input.files?.[0];
    reset();
    if (!file) return;
    if (!importMediaType(file.name)) {
      showError(f.error, t('import.notCsv', { name: file.name }));
      return;
    }
    outcome.textContent = t('import.checking');
    try {
      const r = await send(file, true);
      if (!r.response.ok || !r.data) return refused(r.response.status, r.error);
      checked = file;
      doImport.disabled = false;
      outcome.textContent = r.data.rows === 1 ? t('import.rowOk') : t('import.rowsOk', { n: fmtNumber(r.data.rows ?? 0) });
    } catch {
      showError(f.error, t('error.network'));
      outcome.textContent = t('import.failed');
    }
  } },
  h('p', { class: 'field' }, h('label', { for: 'import-file' }, t('import.file')), input),
  h('div', { class: 'actions' }, check, doImport));

  doImport.addEventListener('click', async () => {
    if (!checked) return;
    doImport.disabled = true;
    outcome.textContent = t('track.saving');
    try {
      const r = await send(checked, false, key);
      if (!r.response.ok || !r.data) {
        doImport.disabled = false;
        return refused(r.response.status, r.error);
      }
      showError(f.error, null);
      const lots: StockLot[] = r.data.lots ?? [];
      outcome.textContent = lots.length === 1 ? t('import.doneOne') : t('import.done', { n: fmtNumber(lots.length) });
      result.replaceChildren(table(t('import.lotsCaption'), [t('stock.depot'), t('stock.item'), t('stock.lotCode'), t('stock.expiry'), t('stock.donor'), t('stock.onHand')],
        lots.map((l) => [l.depotCode ?? '', l.itemCode ?? '', l.lotCode ?? '', l.expiresOn ?? '–', l.donorName ?? '', fmtNumber(l.onHand ?? 0)]), 'import-lots'),
      h('p', {}, h('a', { href: '#/stock' }, t('import.toStock'))));
      checked = null;
    } catch {
      doImport.disabled = false;
      showError(f.error, t('error.network'));
      outcome.textContent = t('import.failed');
    }
  });
  f.body.append(form, outcome, result);
  return () => {};
}

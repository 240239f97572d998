// (6) Attention: per open incident, what changed since its last approved plan (GET /incidents/{id}/attention: lost,
// rejected and cancelled units, forbidden lines, new needs, new stock...), whether a re-plan is advised, and for
// officers the Re-plan action from that approved plan.
import { allocation, ApiError, call } from '../api';
import { openIncidents } from '../data';
import { frame, h, showError, table } from '../dom';
import { fmtTime, label, t } from '../i18n';
import { Poller } from '../poller';
import { canWrite, session } from '../session';
import { replanButton } from './replan';

export function mountAttention(container: HTMLElement): () => void {
  const f = frame(t('attention.title'), t('attention.description'));
  const list = h('div', { class: 'attention-list' });
  f.body.append(list);
  container.replaceChildren(f.root);
  const writer = canWrite(session()?.roles ?? []);
  const etags = new Map<string, string>();
  const shown = new Map<string, HTMLElement>();

  const load = async () => {
    try {
      const inc = await openIncidents();
      for (const i of inc.data) {
        const id = i.id!;
        const tag = etags.get(id);
        const r = await call(allocation.GET('/api/v1/incidents/{id}/attention', { params: { path: { id } }, headers: tag ? { 'If-None-Match': tag } : {} }));
        if (!r.data) continue;
        if (r.etag) etags.set(id, r.etag);
        const a = r.data;
        const items = a.items ?? [];
        const section = h('section', { class: 'incident-attention', 'data-incident-id': id, 'aria-labelledby': `att-${id}` },
          h('h2', { id: `att-${id}` }, `${i.name ?? id.slice(0, 8)} · ${i.countryCode ?? ''}`),
          h('p', { class: `advice ${a.replanAdvised ? 'advised' : 'calm'}`, 'data-testid': 'replan-advice' },
            h('strong', {}, a.replanAdvised ? t('attention.advised') : t('attention.notAdvised')), ' ',
            a.lastApprovedPlanId ? h('a', { href: `#/plans/${a.lastApprovedPlanId}` }, t('attention.lastApproved', { at: fmtTime(a.lastApprovedAt) })) : t('attention.noApproved')),
          items.length === 0 ? h('p', {}, t('attention.nothing')) : table(t('attention.items'), [t('attention.kind'), t('attention.reason'), t('attention.helps')],
            items.map((x) => [h('span', { class: `kind k-${(x.kind ?? '').toLowerCase()}` }, label('kind', x.kind ?? '')), x.reason ?? '', x.replanHelps ? t('plans.yes') : t('plans.no')]), 'attention-table'),
          (a.notChecked ?? []).length ? h('ul', { class: 'not-checked' }, ...(a.notChecked ?? []).map((n) => h('li', {}, n))) : '',
          writer && a.lastApprovedPlanId ? replanButton(a.lastApprovedPlanId, (detail) => showError(f.error, detail)) : '');
        const old = shown.get(id);
        if (old) old.replaceWith(section); else list.append(section);
        shown.set(id, section);
      }
      if (inc.data.length === 0) list.replaceChildren(h('p', {}, t('attention.noIncidents')));
      showError(f.error, null);
    } catch (e) {
      showError(f.error, e instanceof ApiError ? e.detail : String(e));
      throw e;
    }
  };
  const poller = new Poller(load, f.status);
  return () => poller.stop();
}

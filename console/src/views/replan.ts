// The Re-plan action (officers): from an APPROVED plan, POST /plans with its incidents and basePlanId, then open
// the new plan's review, which shows its changes against the base before Approve.
import { allocation, call, problemDetail, ApiError } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { replanRequest } from '../logic/replan';

let seq = 0;

export function replanButton(basePlanId: string, onError: (detail: string) => void): HTMLElement {
  const id = `release-${++seq}`;
  const release = h('input', { id, type: 'checkbox' });
  const btn = h('button', { type: 'button', class: 'primary replan', onclick: async () => {
    btn.disabled = true;
    btn.textContent = t('replan.starting');
    try {
      const base = await call(allocation.GET('/api/v1/plans/{id}', { params: { path: { id: basePlanId } } }));
      const r = await allocation.POST('/api/v1/plans', {
        params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: replanRequest(base.data ?? {}, release.checked),
      });
      if (!r.response.ok || !r.data?.id) {
        onError(problemDetail(r.response.status, r.error));
        return;
      }
      location.hash = `#/plans/${r.data.id}`;
    } catch (e) {
      onError(e instanceof ApiError ? e.detail : (e as Error).message);
    } finally {
      btn.disabled = false;
      btn.textContent = t('replan.action');
    }
  } }, t('replan.action'));
  return h('div', { class: 'replan-box' }, btn, h('p', { class: 'field check' }, release, h('label', { for: id }, t('replan.release'))));
}

// Sign-in. In the local run (config.json says "local") a role is chosen and local-run's ConsoleServer signs a
// token for it; that page exists only there. In a deployment the token comes from the organisation's identity
// provider: with config.json naming the issuer and client id ("oidc"), Sign in runs the authorization-code flow
// with PKCE (src/oidc.ts); without them ("token") a bearer token is pasted.
import { problemDetail } from '../api';
import { beginOidc } from '../oidc';
import { usesOidc } from '../logic/oidc';
import { frame, h, showError } from '../dom';
import { label, t } from '../i18n';
import { startSession } from '../session';

export interface Config {
  signIn: 'local' | 'token' | 'oidc';
  roles?: string[];
  /** OpenID Connect ("oidc"): the provider's issuer URL, the console's client id, optionally the scopes. */
  issuer?: string;
  clientId?: string;
  scope?: string;
}

export { usesOidc };

export function mountSignIn(container: HTMLElement, config: Config, done: () => void, failure?: string): () => void {
  const oidc = usesOidc(config);
  const f = frame(t('signin.title'), config.signIn === 'local' ? t('signin.local') : oidc ? t('signin.oidc') : t('signin.token'));
  f.status.remove();
  container.replaceChildren(f.root);
  if (failure) showError(f.error, t('signin.failed', { detail: failure }));
  if (oidc) {
    const button: HTMLButtonElement = h('button', { type: 'button', class: 'primary', id: 'oidc-sign-in', onclick: async () => {
      button.disabled = true;
      try {
        await beginOidc(config);
      } catch (e) {
        button.disabled = false;
        showError(f.error, t('signin.failed', { detail: (e as Error).message }));
      }
    } }, t('signin.submit'));
    f.body.append(button);
  } else if (config.signIn === 'local') {
    const signIn = async (role: string, organisationId?: string) => {
        try {
          const r = await fetch('/local/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role, organisationId }) });
          const body = await r.json().catch(() => null);
          if (!r.ok) throw new Error(problemDetail(r.status, body));
          startSession((body as { token: string }).token);
          done();
        } catch (e) {
          showError(f.error, t('signin.failed', { detail: (e as Error).message }));
        }
    };
    // a DONOR acts for one organisation: the local server lists them, the chosen one goes into the token
    const donorBox = h('div', { class: 'donor-pick', id: 'donor-pick', hidden: true });
    const pickOrganisation = async (btn: HTMLButtonElement) => {
      btn.setAttribute('aria-expanded', 'true');
      donorBox.hidden = false;
      try {
        const r = await fetch('/local/organisations', { headers: { Accept: 'application/json' } });
        const body = await r.json().catch(() => null) as { items?: Array<{ id: string; name: string }> } | null;
        if (!r.ok) throw new Error(problemDetail(r.status, body));
        const select = h('select', { id: 'donor-org' }, ...(body?.items ?? []).map((o) => h('option', { value: o.id }, o.name)));
        donorBox.replaceChildren(h('label', { for: 'donor-org' }, t('signin.organisation')), select,
          h('button', { type: 'button', class: 'primary', id: 'donor-sign-in', onclick: () => void signIn('DONOR', select.value) }, t('signin.asDonor')));
        select.focus();
      } catch (e) {
        showError(f.error, t('signin.failed', { detail: (e as Error).message }));
      }
    };
    const buttons = (config.roles ?? []).map((role) => {
      const b: HTMLButtonElement = h('button', {
        type: 'button', class: 'role', 'data-role': role, 'aria-controls': role === 'DONOR' ? 'donor-pick' : undefined, 'aria-expanded': role === 'DONOR' ? 'false' : undefined,
        onclick: () => void (role === 'DONOR' ? pickOrganisation(b) : signIn(role)),
      }, label('role', role));
      return b;
    });
    f.body.append(h('div', { class: 'roles' }, ...buttons), donorBox);
  } else {
    const input = h('textarea', { id: 'token', rows: 4, required: true, autocomplete: 'off', spellcheck: 'false' });
    const form = h('form', {
      onsubmit: (e: Event) => {
        e.preventDefault();
        try {
          startSession(input.value.trim());
          done();
        } catch (err) {
          showError(f.error, t('signin.failed', { detail: (err as Error).message }));
        }
      },
    }, h('label', { for: 'token' }, t('signin.tokenLabel')), input, h('button', { type: 'submit', class: 'primary' }, t('signin.submit')));
    f.body.append(form);
  }
  return () => {};
}

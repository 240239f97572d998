// The console's shell: header (navigation, language, who is signed in), hash routing, one view at a time.
import './style.css';
import { clearCache } from './data';
import { h } from './dom';
import { currentLang, initialLang, label, setLang, t, type Lang } from './i18n';
import { canReceive, donorOnly, endSession, loadSession, mainRole, session } from './session';
import { mountAttention } from './views/attention';
import { mountCoverage } from './views/coverage';
import { mountMap } from './views/map';
import { mountPlan, mountPlans } from './views/plans';
import { mountShipments } from './views/shipments';
import { mountSignIn, usesOidc, type Config } from './views/signin';
import { completeOidc, scheduleRefresh, signOutOidc } from './oidc';
import { isCallback } from './logic/oidc';
import { mountImports } from './views/imports';
import { mountStock } from './views/stock';
import { mountWall } from './views/wall';

const app = document.getElementById('app')!;
let config: Config = { signIn: 'token' };
let stopView: () => void = () => {};
/** Why the last OpenID Connect sign-in failed, shown once on the sign-in page. */
let signInFailure: string | undefined;

const NAV: Array<[string, Parameters<typeof t>[0]]> = [['#/map', 'nav.map'], ['#/coverage', 'nav.coverage'], ['#/plans', 'nav.plans'], ['#/shipments', 'nav.shipments'],
  ['#/attention', 'nav.attention'], ['#/stock', 'nav.stock'], ['#/imports', 'nav.imports'], ['#/wall', 'nav.wall']];
/** A donor reads stock only (incidents, plans and shipments are not theirs to read) and imports its receipts. */
const DONOR_NAV = NAV.filter(([href]) => href === '#/stock' || href === '#/imports');
/** The import view is for those who may register receipts. */
const navFor = (roles: string[]) => (donorOnly(roles) ? DONOR_NAV : NAV.filter(([href]) => href !== '#/imports' || canReceive(roles)));

function home(): string {
  const s = session();
  return s && donorOnly(s.roles) ? '#/stock' : '#/map';
}

function header(): HTMLElement {
  const s = session();
  // a view's filters follow a '?' in the hash (#/shipments?status=DISPATCHED): not part of the route
  const view = location.hash.split('?')[0].split('/').slice(0, 2).join('/');
  const here = s && donorOnly(s.roles) && view !== '#/imports' ? '#/stock' : view || home();
  const nav = s ? navFor(s.roles) : NAV;
  const lang = h('select', { id: 'lang', onchange: (e: Event) => {
    const l = (e.target as HTMLSelectElement).value as Lang;
    localStorage.setItem('corridor.lang', l);
    setLang(l);
    render();
  } }, ...(['en', 'fr'] as Lang[]).map((l) => h('option', { value: l, selected: l === currentLang() }, l === 'en' ? 'English' : 'Français')));
  return h('header', { class: 'top' },
    h('a', { class: 'skip', href: '#main', onclick: (e: Event) => { e.preventDefault(); document.getElementById('view-title')?.focus(); } }, t('app.skip')),
    h('p', { class: 'brand' }, t('app.title')),
    s ? h('nav', { 'aria-label': t('nav.label') }, h('ul', {}, ...nav.map(([href, key]) => h('li', {}, h('a', { href, 'aria-current': href === here ? 'page' : undefined }, t(key)))))) : null,
    h('div', { class: 'tools' },
      h('label', { for: 'lang' }, t('lang.label')), lang,
      s ? h('span', { class: 'who', 'data-role': mainRole(s.roles) }, t('session.as', { role: label('role', mainRole(s.roles)) })) : null,
      s ? h('button', { type: 'button', onclick: () => void signOut() }, t('session.signOut')) : null));
}

/** Sign out: at the provider too when the page signed in with OpenID Connect and the provider has a logout. */
async function signOut(): Promise<void> {
  clearCache();
  if (usesOidc(config) && await signOutOidc(config)) return;
  endSession();
  render();
}

function render(): void {
  stopView();
  document.documentElement.lang = currentLang();
  document.title = t('app.title');
  const main = h('main', { id: 'main' });
  app.replaceChildren(header(), main);
  if (!session()) {
    stopView = mountSignIn(main, config, () => { if (!location.hash || donorOnly(session()?.roles ?? [])) location.hash = home(); render(); }, signInFailure);
    signInFailure = undefined;
    return;
  }
  const [, view, id] = location.hash.split('?')[0].split('/');
  if (donorOnly(session()!.roles) && view !== 'stock' && view !== 'imports') {
    stopView = mountStock(main);
    return;
  }
  switch (view) {
    case 'attention': stopView = mountAttention(main); break;
    case 'stock': stopView = mountStock(main); break;
    case 'imports': stopView = mountImports(main); break;
    case 'wall': stopView = mountWall(main); break;
    case 'coverage': stopView = mountCoverage(main); break;
    case 'plans': stopView = id ? mountPlan(main, id) : mountPlans(main); break;
    case 'shipments': stopView = mountShipments(main, id); break;
    default: stopView = mountMap(main);
  }
}

async function start(): Promise<void> {
  setLang(initialLang(localStorage.getItem('corridor.lang'), navigator.language));
  try {
    const r = await fetch('/config.json', { cache: 'no-store' });
    if (r.ok) config = await r.json() as Config;
  } catch {
    // no configuration: a deployment without the local sign-in
  }
  if (usesOidc(config) && isCallback(location.search)) {
    try {
      await completeOidc(config);
    } catch (e) {
      signInFailure = (e as Error).message;
    }
  }
  loadSession();
  // the view reads the new token at its next request: nothing to re-render
  if (usesOidc(config)) scheduleRefresh(config);
  window.addEventListener('hashchange', () => {
    render();
    document.getElementById('view-title')?.focus();
  });
  render();
}

void start();

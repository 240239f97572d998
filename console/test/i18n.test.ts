import { describe, expect, it } from 'vitest';
import { catalogues, initialLang, label, setLang, t } from '../src/i18n';

describe('message catalogue', () => {
  it('has every English message in French, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(catalogues.en)) {
      const fr = (catalogues.fr as Record<string, string>)[key];
      expect(fr, key).toBeTruthy();
      expect(placeholders(fr), key).toEqual(placeholders(text));
    }
    expect(Object.keys(catalogues.fr).length).toBe(Object.keys(catalogues.en).length);
  });

  it('fills placeholders and follows the chosen language', () => {
    setLang('en');
    expect(t('poll.updated', { s: 3 })).toBe('Updated 3 s ago');
    setLang('fr');
    expect(t('poll.updated', { s: 3 })).toBe('Mis à jour il y a 3 s');
    expect(label('status', 'APPROVED')).toBe('Approuvé');
    expect(label('status', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    setLang('en');
  });

  it('starts in the saved language, else the browser\'s', () => {
    expect(initialLang('fr', 'en-GB')).toBe('fr');
    expect(initialLang(null, 'fr-CA')).toBe('fr');
    expect(initialLang(null, 'de-DE')).toBe('en');
  });
});

import { describe, expect, it } from 'vitest';
import { newToken } from '../auth/tokens.ts';
import { MASK, redactSecrets } from './redact.ts';

describe('redactSecrets', () => {
  it('masks the token of password and unsubscribe links, wherever a secret rides in a link', () => {
    const token = newToken();
    const encoded = encodeURIComponent(`${newToken()}+/=`);
    const text = [
      `Ouvrez ce lien : http://localhost:3000/reinitialiser-mot-de-passe#jeton=${token}`,
      `Désabonnement : https://magistere.example.fr/offres/desabonnement#jeton=${encoded}.`,
      `Autre : https://x.example/confirmer?token=court&page=2`,
      `Chemin : https://x.example/invitation/${token}/accepter`,
      `Requête : https://x.example/a?x=${token}`,
      `Hexadécimal : https://x.example/v/${'ab12'.repeat(16)}`,
      `Hors lien : jeton = ${token}`,
      `Seul : ${token}`,
    ].join('\n');
    const shown = redactSecrets(text);
    expect(shown).not.toContain(token);
    expect(shown).not.toContain(encoded);
    expect(shown).not.toContain('ab12ab12ab12');
    expect(shown).not.toContain('court');
    expect(shown).toContain(`http://localhost:3000/reinitialiser-mot-de-passe#jeton=${MASK}`);
    expect(shown).toContain(`https://magistere.example.fr/offres/desabonnement#jeton=${MASK}`);
    expect(shown).toContain(`https://x.example/confirmer?token=${MASK}&page=2`);
    expect(shown).toContain(`https://x.example/invitation/${MASK}/accepter`);
    expect(shown).toContain(`jeton = ${MASK}`);
    expect(shown).toContain(`Seul : ${MASK}`);
  });

  it('leaves what the log needs: words, addresses, ids and ordinary links', () => {
    const text = [
      'Bonjour Léa Bernard,',
      'Le parcours « Mémoire et apprentissages — session 2026-2027 » commence demain.',
      'http://localhost:3000/parcours/0b6f1c2e-8d4a-4f7b-9c1e-2a3b4c5d6e7f',
      'https://magistere.example.fr/f123 et https://magistere.example.fr/offres?q=mathematiques&page=2',
      'Écrire à participant@magistere.test — code de la formation : 25A0120034',
    ].join('\n');
    expect(redactSecrets(text)).toBe(text);
  });
});

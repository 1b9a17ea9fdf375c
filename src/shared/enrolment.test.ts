import { describe, expect, it } from 'vitest';
import { isEmail, parseRole, splitEmailList, visibleToGroups } from './enrolment.ts';

describe('pasted lists of addresses', () => {
  it('splits on , ; | and new lines, trims, lower-cases and keeps the line of each address', () => {
    const text =
      ' Alice@Exemple.fr , bob@exemple.fr;carole@exemple.fr\r\n\n  david@exemple.fr | ELODIE@exemple.fr  \n;;\n';
    expect(splitEmailList(text)).toEqual([
      { line: 1, email: 'alice@exemple.fr' },
      { line: 1, email: 'bob@exemple.fr' },
      { line: 1, email: 'carole@exemple.fr' },
      { line: 3, email: 'david@exemple.fr' },
      { line: 3, email: 'elodie@exemple.fr' },
    ]);
  });

  it('keeps the address of "Name <address>" as mail clients copy it, and drops a BOM', () => {
    expect(splitEmailList('\uFEFFJeanne Martin <Jeanne.Martin@ac-aix-marseille.fr>; x@y.fr')).toEqual([
      { line: 1, email: 'jeanne.martin@ac-aix-marseille.fr' },
      { line: 1, email: 'x@y.fr' },
    ]);
  });

  it('keeps what is not an address, for the report to point at it', () => {
    expect(splitEmailList('jean@\nbonjour')).toEqual([
      { line: 1, email: 'jean@' },
      { line: 2, email: 'bonjour' },
    ]);
  });

  it('tells plausible addresses from the rest', () => {
    expect(isEmail('prenom.nom@ac-bordeaux.fr')).toBe(true);
    for (const bad of ['jean@', '@exemple.fr', 'jean@exemple', 'jean dupont@exemple.fr', 'a@b@c.fr', ''])
      expect(isEmail(bad), bad).toBe(false);
  });
});

describe('role names', () => {
  it('understands English and French names, either gender, any case or accent', () => {
    expect(parseRole('participant')).toBe('participant');
    expect(parseRole(' Participante ')).toBe('participant');
    expect(parseRole('FORMATEUR')).toBe('trainer');
    expect(parseRole('formatrice')).toBe('trainer');
    expect(parseRole('Trainer')).toBe('trainer');
    expect(parseRole('tuteur')).toBe('tutor');
    expect(parseRole('Tutrice')).toBe('tutor');
    expect(parseRole('tutor')).toBe('tutor');
    expect(parseRole('directeur')).toBeNull();
    expect(parseRole('')).toBeNull();
  });
});

describe('visibleToGroups', () => {
  const groupings = new Map([
    ['premier-degre', ['A', 'B']],
    ['second-degre', ['C']],
  ]);

  it('shows an activity without audience to everyone, even people in no group', () => {
    expect(visibleToGroups(null, [], groupings)).toBe(true);
    expect(visibleToGroups(undefined, ['A'], groupings)).toBe(true);
  });

  it('shows a restricted activity to members of one of its groups only', () => {
    const audience = { groupIds: ['A'], groupingIds: [] };
    expect(visibleToGroups(audience, ['A', 'C'], groupings)).toBe(true);
    expect(visibleToGroups(audience, ['B'], groupings)).toBe(false);
    expect(visibleToGroups(audience, [], groupings)).toBe(false);
  });

  it('shows it to members of any group of its groupings, with a map or a plain object', () => {
    const audience = { groupIds: [], groupingIds: ['premier-degre'] };
    expect(visibleToGroups(audience, ['B'], groupings)).toBe(true);
    expect(visibleToGroups(audience, ['C'], groupings)).toBe(false);
    expect(visibleToGroups(audience, new Set(['A']), { 'premier-degre': ['A'] })).toBe(true);
  });

  it('matches no one through a group or grouping that no longer exists, nor with an empty audience', () => {
    expect(visibleToGroups({ groupIds: ['Z'], groupingIds: ['inconnu'] }, ['A', 'B', 'C'], groupings)).toBe(
      false,
    );
    expect(visibleToGroups({ groupIds: [], groupingIds: [] }, ['A'], groupings)).toBe(false);
  });
});

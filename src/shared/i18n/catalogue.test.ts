import { describe, expect, it } from 'vitest';
import { enNamespaces } from './en.ts';
import { frNamespaces } from './fr.ts';
import { resources } from './index.ts';
import { NAMESPACES } from './namespaces.ts';

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

const fr = leaves(resources.fr.translation as unknown as Tree);
const en = new Map(leaves(resources.en.translation as unknown as Tree));

describe('i18n catalogue', () => {
  it('has every French key in English too', () => {
    expect(fr.filter(([key]) => !en.has(key)).map(([key]) => key)).toEqual([]);
  });

  it('has the same keys in French and English, namespace by namespace', () => {
    for (const name of NAMESPACES) {
      const frKeys = leaves(frNamespaces[name] as unknown as Tree).map(([key]) => key);
      const enKeys = leaves(enNamespaces[name] as unknown as Tree).map(([key]) => key);
      expect({ name, keys: enKeys.sort() }).toEqual({ name, keys: frKeys.sort() });
    }
  });

  it('names no placeholder `context`, which i18next reads as the context of the key', () => {
    expect(fr.filter(([, text]) => text.includes('{{context}}')).map(([key]) => key)).toEqual([]);
  });

  it('follows French typography: a non-breaking space before « : ; ! ? », curly apostrophes', () => {
    // JavaScript's \s includes the non-breaking spaces: name the ordinary ones.
    const offenders = fr.filter(([, text]) => /[ \t\n][;:!?]/.test(text) || /\w'\w/.test(text));
    expect(offenders).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const mismatched = fr.filter(
      ([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(en.get(key) ?? '')),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});

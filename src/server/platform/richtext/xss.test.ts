/**
 * XSS corpus for the rich-text sanitiser. Each payload is sanitised, then the output is re-parsed with
 * parse5 — the WHATWG-conformant parser, i.e. the way a browser will actually read it (foster parenting,
 * foreign content, raw-text elements…) — and the resulting tree is checked against the allow-list.
 */
import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { HttpUrl, hostAllowed, LinkUrl, safeHttpUrl, safeLinkUrl } from '../../../shared/urls.ts';
import { LINK_REL, sanitizePlainText, sanitizeRichText } from './sanitize.ts';
import {
  elements,
  isElement,
  type Node,
  XSS_PAYLOADS as PAYLOADS,
  textOf,
  richTextViolations as violations,
} from './testing.ts';

describe('sanitizeRichText — XSS corpus', () => {
  it('has a substantial corpus', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PAYLOADS.map((p) => [p]))('neutralises %s', (payload) => {
    const out = sanitizeRichText(payload);
    expect(violations(out)).toEqual([]);
    // No executable leftovers even as text the browser would re-interpret.
    expect(out).not.toMatch(/<\s*script/i);
    expect(out.toLowerCase()).not.toContain('javascript:');
    expect(out).not.toContain('\u0000');
    // Idempotent: a second pass changes nothing (no mutation between serialisation and re-parse).
    expect(sanitizeRichText(out)).toBe(out);
  });

  it('keeps template-injection strings as inert text', () => {
    const out = sanitizeRichText("<p>{{constructor.constructor('alert(1)')()}}</p>");
    const fragment = parseFragment(out);
    expect(elements(fragment).map((e) => e.tagName)).toEqual(['p']);
    expect(textOf(fragment)).toBe("{{constructor.constructor('alert(1)')()}}");
  });

  it('keeps the text of a refused link but drops the link', () => {
    expect(sanitizeRichText('<p><a href="javascript:alert(1)">cliquez</a></p>')).toBe('<p>cliquez</p>');
  });

  it('drops images without an acceptable source', () => {
    expect(sanitizeRichText('<p>a<img src="data:image/png;base64,AAAA" alt="x">b</p>')).toBe('<p>ab</p>');
  });

  it('escapes text that looks like markup', () => {
    const out = sanitizeRichText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(out).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(elements(parseFragment(out)).map((e) => e.tagName)).toEqual(['p']);
  });
});

/** Canonical form of a fragment for equivalence checks: parse and re-serialise via parse5. */
function canonical(html: string): string {
  const normaliseStyle = (s: string) => s.replace(/\s+/g, '').replace(/;$/, '');
  const walk = (node: Node): string => {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
    if (!isElement(node)) return 'childNodes' in node ? node.childNodes.map(walk).join('') : '';
    const attrs = [...node.attrs]
      .map(({ name, value }) => `${name}=${name === 'style' ? normaliseStyle(value) : value}`)
      .sort()
      .join(' ');
    return `<${node.tagName} ${attrs}>${node.childNodes.map(walk).join('')}</${node.tagName}>`;
  };
  return walk(parseFragment(html));
}

describe('sanitizeRichText — legitimate TipTap output', () => {
  const TIPTAP: Record<string, string> = {
    headings:
      '<h2>Objectifs</h2><h3 style="text-align: center">Séance 1</h3><h4>Ressources</h4><p>Texte <strong>gras</strong>, <em>italique</em>, <u>souligné</u>, <s>barré</s>, <code>code</code> et <mark>surligné</mark>.</p>',
    lists:
      '<ul><li><p>un</p></li><li><p>deux</p><ol start="3"><li><p>trois</p></li></ol></li></ul><blockquote><p>Citation</p></blockquote><hr><pre><code class="language-typescript">const a = 1 &lt; 2;</code></pre>',
    links:
      '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://eduscol.education.fr/">Éduscol</a> — <a target="_blank" rel="noopener noreferrer nofollow" href="mailto:formation@ac-bordeaux.fr">nous écrire</a> — <a target="_blank" rel="noopener noreferrer nofollow" href="/formations/42#plan">le parcours</a></p>',
    images:
      '<p><img src="https://www.education.gouv.fr/logo.png" alt="Logo du ministère"><img src="/api/files/0b9d2c3e-1f4a-4a5b-9c8d-7e6f5a4b3c2d" alt="" width="320" height="200"></p>',
    table:
      '<table><tbody><tr><th colspan="1" rowspan="1"><p>Jour</p></th><th colspan="2" rowspan="1"><p>Activité</p></th></tr><tr><td colspan="1" rowspan="1"><p>Lundi</p></td><td colspan="1" rowspan="2"><p>Atelier</p></td><td colspan="1" rowspan="1"><p>Synthèse</p></td></tr></tbody></table>',
    alignment:
      '<p style="text-align: left">g</p><p style="text-align: center">c</p><p style="text-align: right">d</p><p style="text-align: justify">j</p><p>Ligne<br>suivante</p>',
  };

  it.each(Object.entries(TIPTAP))('keeps %s', (_name, html) => {
    const out = sanitizeRichText(html);
    expect(canonical(out)).toBe(canonical(html));
    expect(violations(out)).toEqual([]);
  });

  it('forces rel on links and keeps only target=_blank', () => {
    expect(sanitizeRichText('<a href="https://a.fr/x" rel="opener" target="_top">x</a>')).toBe(
      `<a href="https://a.fr/x" rel="${LINK_REL}">x</a>`,
    );
    expect(sanitizeRichText('<a href="https://a.fr/x" target="_blank">x</a>')).toBe(
      `<a href="https://a.fr/x" target="_blank" rel="${LINK_REL}">x</a>`,
    );
  });

  it('maps h1 and h5/h6 to the allowed heading levels and drops unknown CSS and classes', () => {
    expect(
      sanitizeRichText(
        '<h1 class="x">A</h1><h6 style="color:red">B</h6><p class="fr-callout" style="color:red">C</p>',
      ),
    ).toBe('<h2>A</h2><h4>B</h4><p>C</p>');
  });

  it('drops table layout extras TipTap can regenerate (colgroup, widths)', () => {
    const out = sanitizeRichText(
      '<table style="min-width: 50px"><colgroup><col style="min-width: 25px"></colgroup><tbody><tr><td colspan="1" rowspan="1" colwidth="120"><p>a</p></td></tr></tbody></table>',
    );
    expect(out).toBe('<table><tbody><tr><td colspan="1" rowspan="1"><p>a</p></td></tr></tbody></table>');
  });
});

describe('sanitizePlainText', () => {
  it('strips tags, script content, controls and bidi overrides, decodes entities', () => {
    expect(sanitizePlainText('  <b>Tom &amp; Jerry</b>\u202E <script>alert(1)</script>\u0000 &lt;3 ')).toBe(
      'Tom & Jerry <3',
    );
  });
  it('collapses whitespace and normalises to NFC', () => {
    expect(sanitizePlainText('Le\t\tre\u0301seau\n\n des  formateurs')).toBe('Le réseau des formateurs');
  });
  it('truncates on code points', () => {
    expect(sanitizePlainText('Formation 🎓🎓🎓', 12)).toBe('Formation 🎓🎓');
    expect(sanitizePlainText('abc def', 4)).toBe('abc');
  });
  it('returns an empty string for markup-only input', () => {
    expect(sanitizePlainText('<img src=x onerror=alert(1)><style>p{}</style>')).toBe('');
  });
});

describe('safeHttpUrl / safeLinkUrl', () => {
  const ACCEPTED: [string, string][] = [
    ['https://eduscol.education.fr', 'https://eduscol.education.fr/'],
    ['  https://eduscol.education.fr/a?b=c#d  ', 'https://eduscol.education.fr/a?b=c#d'],
    ['HTTPS://EDUSCOL.Education.FR/Page', 'https://eduscol.education.fr/Page'],
    ['http://localhost:8080/x', 'http://localhost:8080/x'],
    ['https://exemple.fr/chemin avec espace', 'https://exemple.fr/chemin%20avec%20espace'],
    ['https://académie.fr/', 'https://xn--acadmie-eya.fr/'],
  ];
  it.each(ACCEPTED)('accepts %s', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
    expect(safeLinkUrl(input)).toBe(expected);
  });

  const REFUSED = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    '\u0000https://ok.example/',
    '&#x6A;avascript:alert(1)',
    '%6A%61%76%61%73%63%72%69%70%74:alert(1)',
    'javascript%3Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://ftp.example/',
    'https://user:pass@evil.example/',
    'https://user@evil.example/',
    'https:\\\\evil.example',
    '\\\\evil.example',
    '//evil.example/',
    'evil.example',
    '',
    '   ',
    `https://a.fr/${'a'.repeat(2100)}`,
  ];
  it.each(REFUSED.map((s) => [s]))('refuses %j', (input) => {
    expect(safeHttpUrl(input)).toBeNull();
    expect(safeLinkUrl(input)).toBeNull();
  });

  it('accepts mailto: and in-app paths only in links', () => {
    expect(safeLinkUrl('mailto:formation@ac-lyon.fr')).toBe('mailto:formation@ac-lyon.fr');
    expect(safeLinkUrl('MAILTO:formation@ac-lyon.fr?subject=Inscription')).toBe(
      'mailto:formation@ac-lyon.fr?subject=Inscription',
    );
    expect(safeLinkUrl('mailto:')).toBeNull();
    expect(safeLinkUrl('/formations/42?onglet=plan#s1')).toBe('/formations/42?onglet=plan#s1');
    expect(safeLinkUrl('/a/../b/./c')).toBe('/b/c');
    expect(safeHttpUrl('mailto:formation@ac-lyon.fr')).toBeNull();
    expect(safeHttpUrl('/formations/42')).toBeNull();
  });

  it('refuses paths that a browser would read as another origin', () => {
    expect(safeLinkUrl('//evil.example')).toBeNull();
    expect(safeLinkUrl('/\\evil.example')).toBeNull();
    expect(safeLinkUrl('/..//evil.example')).toBeNull();
    expect(safeLinkUrl('/%2e%2e//evil.example')).toBeNull();
    expect(safeLinkUrl('/\t/evil.example')).toBeNull();
  });
});

describe('hostAllowed', () => {
  const LIST = ['peertube.fr', 'Tube.AC-Bordeaux.fr', '.apps.education.fr'];
  const CASES: [string, boolean][] = [
    ['https://peertube.fr/w/abc', true],
    ['https://video.peertube.fr/w/abc', true],
    ['https://a.b.peertube.fr/', true],
    ['https://PEERTUBE.FR./x', true],
    ['http://peertube.fr:8443/x', true],
    ['https://tube.ac-bordeaux.fr/videos', true],
    ['https://portail.apps.education.fr/', true],
    ['https://evilpeertube.fr/', false],
    ['https://peertube.fr.evil.com/', false],
    ['https://peertube.fr@evil.com/', false],
    ['https://evil.com/?u=https://peertube.fr/', false],
    ['https://evil.com/#peertube.fr', false],
    ['https://ac-bordeaux.fr/', false],
    ['javascript://peertube.fr/%0Aalert(1)', false],
    ['//peertube.fr/', false],
    ['https://peertube.fr\\@evil.com/', false],
    ['ftp://peertube.fr/', false],
    ['not a url', false],
  ];
  it.each(CASES)('%s → %s', (url, expected) => {
    expect(hostAllowed(url, LIST)).toBe(expected);
  });

  it('accepts URL objects and ignores malformed allow-list entries', () => {
    expect(hostAllowed(new URL('https://video.peertube.fr/'), LIST)).toBe(true);
    expect(hostAllowed('https://evil.com/', ['', ' ', 'evil.com/path', 'a@evil.com'])).toBe(false);
    expect(hostAllowed('https://peertube.fr/', [])).toBe(false);
  });
});

describe('zod schemas', () => {
  it('HttpUrl normalises accepted URLs and reports errors.unsafeUrl otherwise', () => {
    expect(HttpUrl.parse(' HTTPS://Example.fr ')).toBe('https://example.fr/');
    const result = HttpUrl.safeParse('javascript:alert(1)');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('errors.unsafeUrl');
    expect(HttpUrl.safeParse(`https://a.fr/${'a'.repeat(2100)}`).success).toBe(false);
  });
  it('LinkUrl also accepts mailto: and in-app paths', () => {
    expect(LinkUrl.parse('/formations/1')).toBe('/formations/1');
    expect(LinkUrl.parse('mailto:a@b.fr')).toBe('mailto:a@b.fr');
    expect(LinkUrl.safeParse('data:,x').success).toBe(false);
  });
});

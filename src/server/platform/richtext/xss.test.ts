/**
 * XSS corpus for the rich-text sanitiser. Each payload is sanitised, then the output is re-parsed with
 * parse5 — the WHATWG-conformant parser, i.e. the way a browser will actually read it (foster parenting,
 * foreign content, raw-text elements…) — and the resulting tree is checked against the allow-list.
 */
import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { HttpUrl, hostAllowed, LinkUrl, safeHttpUrl, safeLinkUrl } from '../../../shared/urls.ts';
import { LINK_REL, RICH_TEXT_TAGS, sanitizePlainText, sanitizeRichText } from './sanitize.ts';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;
type Element = DefaultTreeAdapterTypes.Element;

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const ALLOWED = new Set<string>(RICH_TEXT_TAGS);
const ALLOWED_ATTRS: Record<string, readonly string[]> = {
  a: ['href', 'target', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
  p: ['style'],
  h2: ['style'],
  h3: ['style'],
  h4: ['style'],
  span: ['style'],
  code: ['class'],
};

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function elements(node: Node, out: Element[] = []): Element[] {
  if (isElement(node)) out.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, out);
  // <template> content lives in a separate fragment.
  if (isElement(node) && node.tagName === 'template' && 'content' in node)
    elements(node.content as DefaultTreeAdapterTypes.DocumentFragment, out);
  return out;
}

function hasComment(node: Node): boolean {
  if (node.nodeName === '#comment') return true;
  return 'childNodes' in node && node.childNodes.some(hasComment);
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** Scheme check independent from the implementation under test. */
function urlOk(value: string, kind: 'href' | 'src'): boolean {
  const v = value.trim();
  if (v.startsWith('/')) {
    if (v.startsWith('//') || v.includes('\\')) return false;
    return kind === 'href' || v.startsWith('/api/files/');
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return false;
  }
  const schemes = kind === 'href' ? ['http:', 'https:', 'mailto:'] : ['http:', 'https:'];
  return schemes.includes(url.protocol) && url.username === '' && url.password === '';
}

/** Every violation of the allow-list found in `html` once parsed as a browser would. */
function violations(html: string): string[] {
  const problems: string[] = [];
  const fragment = parseFragment(html);
  if (hasComment(fragment)) problems.push('comment');
  for (const el of elements(fragment)) {
    if (el.namespaceURI !== HTML_NS) problems.push(`foreign element ${el.tagName}`);
    if (!ALLOWED.has(el.tagName)) problems.push(`element ${el.tagName}`);
    const allowedAttrs = ALLOWED_ATTRS[el.tagName] ?? [];
    for (const { name, value } of el.attrs) {
      if (name.toLowerCase().startsWith('on')) problems.push(`handler ${el.tagName}[${name}]`);
      if (!allowedAttrs.includes(name)) problems.push(`attribute ${el.tagName}[${name}]`);
      if ((name === 'href' || name === 'src') && !urlOk(value, name)) problems.push(`url ${name}=${value}`);
      if (name === 'style' && !/^text-align:\s*(left|center|right|justify);?$/.test(value))
        problems.push(`style ${value}`);
      if (name === 'class' && !/^language-[a-z0-9+#-]+$/.test(value)) problems.push(`class ${value}`);
      if (name === 'rel' && value !== LINK_REL) problems.push(`rel ${value}`);
      if (name === 'target' && value !== '_blank') problems.push(`target ${value}`);
    }
    if (el.tagName === 'a' && el.attrs.find((a) => a.name === 'rel')?.value !== LINK_REL)
      problems.push('link without forced rel');
  }
  return problems;
}

const PAYLOADS: readonly string[] = [
  // Scripts
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<script/xss src="https://xss.example/x.js"></script>',
  '<<script>alert(1);//<</script>',
  '<script>alert(1)',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  // Event handlers
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=x ONERROR="alert(1)">',
  '<img src="https://ok.example/a.png" onload="alert(1)">',
  '<img/src="x"/onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>x</details>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<p onclick="alert(1)" onmouseover="alert(1)">texte</p>',
  '<input autofocus onfocus=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  // Frames, objects, forms, document-level elements
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<form action="javascript:alert(1)"><button>Envoyer</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="import" href="https://evil.example/x.html">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  // javascript: links and their obfuscations
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="java&#10;script:alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  '<a href="&#x01;javascript:alert(1)">x</a>',
  '<a href="\u0001javascript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="%6A%61%76%61%73%63%72%69%70%74:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="file:///etc/passwd">x</a>',
  '<a href="//evil.example/">x</a>',
  '<a href="/\\evil.example/">x</a>',
  '<a href="https:\\\\evil.example">x</a>',
  '<a href="https://user:pass@evil.example/">x</a>',
  '<a href="/..//evil.example/">x</a>',
  '<a href=javascript:alert(1) target=_self>x</a>',
  '<a href="https://ok.example/" rel="opener" target="_parent">x</a>',
  // data: and script URLs in images
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<img src="javascript:alert(1)">',
  '<img src="//evil.example/pixel.gif">',
  '<img src="/api/files/../../admin/delete">',
  '<img srcset="javascript:alert(1) 1x" src="https://ok.example/a.png">',
  // CSS
  '<style>@import "https://evil.example/x.css";</style>',
  '<style>body{background:url("javascript:alert(1)")}</style><p>ok</p>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<p style="width: expression(alert(1))">x</p>',
  '<p style="text-align: center; background-image: url(https://evil.example/track)">x</p>',
  '<p style="text-align: expression(alert(1))">x</p>',
  '<span style="text-align:center;}</style><script>alert(1)</script>">x</span>',
  '<div style="-moz-binding:url(https://evil.example/xss.xml#xss)">x</div>',
  // Mutation XSS and parser differentials
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=1 onerror=alert(1)&gt;">',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<table><p><img src=x onerror=alert(1)></p></table>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<title><img src=x onerror=alert(1)></title>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<template><img src=x onerror=alert(1)></template>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<!-- --!><img src=x onerror=alert(1)> -->',
  '<p title="x"onmouseover="alert(1)">x</p>',
  '<img src="x` `<script>alert(1)</script>"` `>',
  '<img """><script>alert(1)</script>">',
  '<a href="https://ok.example/"" onclick="alert(1)">x</a>',
  '<p><b><i><u>non fermé',
  '<p>texte</p><img src=x onerror=alert(1)',
  '<scr\u0000ipt>alert(1)</scr\u0000ipt><img src=x o\u0000nerror=alert(1)>',
  '<a href="java\u0000script:alert(1)">x</a>',
  // Template injection: must remain inert text
  "<p>{{constructor.constructor('alert(1)')()}}</p>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is the literal text `${…}`.
  '<p>${alert(1)}</p><p>{{7*7}}</p>',
];

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

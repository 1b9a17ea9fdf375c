/**
 * The XSS corpus of the rich-text sanitiser and the check of its output, shared by the sanitiser's own test
 * and the API tests of the modules that store rich text. Each output is re-parsed with parse5 — the
 * WHATWG-conformant parser, i.e. the way a browser will actually read it (foster parenting, foreign
 * content, raw-text elements…) — and the resulting tree is checked against the allow-list.
 */
import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5';
import { LINK_REL, RICH_TEXT_TAGS } from './sanitize.ts';

export type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;
export type Element = DefaultTreeAdapterTypes.Element;

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

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function elements(node: Node, out: Element[] = []): Element[] {
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

export function textOf(node: Node): string {
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
export function richTextViolations(html: string): string[] {
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

/**
 * The XSS corpus: payloads every rich-text field must neutralise, here and through the API of each module
 * that stores rich text (a deposit's description, comments…).
 */
export const XSS_PAYLOADS: readonly string[] = [
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

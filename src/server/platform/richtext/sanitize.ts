/**
 * Server-side allow-list for rich text produced by the TipTap editor (StarterKit + Link + Image + Table
 * + Underline + TextAlign + Highlight). The browser's editor is never trusted: every HTML fragment is
 * re-sanitised here before it is stored, and the stored value is what gets rendered.
 *
 * Principle: only the elements and attributes TipTap emits survive; URLs are re-validated with the
 * shared helpers (`src/shared/urls.ts`) and written back in normalised form; CSS is limited to
 * `text-align`. Everything else — scripts, styles, iframes, forms, SVG, MathML, comments, event
 * handlers, unknown attributes — is dropped.
 */
import sanitizeHtml from 'sanitize-html';
import { safeHttpUrl, safeLinkUrl, safeRelativePath } from '../../../shared/urls.ts';

/** `rel` forced on every link: no `window.opener`, no referrer leak, no SEO endorsement. */
export const LINK_REL = 'noopener noreferrer nofollow';

/** Same-site prefix under which uploaded images are served. */
export const FILES_PATH_PREFIX = '/api/files/';

export const RICH_TEXT_TAGS = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'mark',
  'span',
] as const;

const TEXT_ALIGN = [/^(?:left|center|right|justify)$/];
const ALIGNABLE = ['p', 'h2', 'h3', 'h4', 'span'] as const;

/**
 * Elements whose *content* is dropped along with the element (the default only covers script, style,
 * textarea, option and xmp). Their text is never meaningful in a course page and often a payload.
 */
const NON_TEXT_TAGS = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'xmp',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'frame',
  'object',
  'template',
  'title',
  'head',
  'plaintext',
  'svg',
  'math',
];

/** A positive integer attribute (`width`, `colspan`…) within bounds, as a canonical string. */
function boundedInt(value: string | undefined, max: number): string | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (!/^\d{1,6}$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= max ? String(n) : null;
}

/** Image sources: absolute http(s), or an uploaded file served by this site under `/api/files/`. */
export function safeImageSrc(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.startsWith('/')) {
    const path = safeRelativePath(trimmed);
    return path?.startsWith(FILES_PATH_PREFIX) ? path : null;
  }
  return safeHttpUrl(trimmed);
}

type Attributes = sanitizeHtml.Attributes;
type Transform = (tagName: string, attribs: Attributes) => sanitizeHtml.Tag;

/** Copy of `attribs` limited to `names` (transforms must not let anything else through). */
function pick(attribs: Attributes, names: readonly string[]): Attributes {
  const out: Attributes = {};
  for (const name of names) {
    const value = attribs[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

const linkTransform: Transform = (_tag, attribs) => {
  const out: Attributes = {};
  const href = attribs.href === undefined ? null : safeLinkUrl(attribs.href);
  if (href !== null) out.href = href;
  if (attribs.target?.trim().toLowerCase() === '_blank') out.target = '_blank';
  out.rel = LINK_REL;
  return { tagName: 'a', attribs: out };
};

const imageTransform: Transform = (_tag, attribs) => {
  const out: Attributes = {};
  const src = attribs.src === undefined ? null : safeImageSrc(attribs.src);
  if (src !== null) out.src = src;
  out.alt = attribs.alt ?? '';
  if (attribs.title) out.title = attribs.title;
  for (const dim of ['width', 'height'] as const) {
    const v = boundedInt(attribs[dim], 10_000);
    if (v !== null) out[dim] = v;
  }
  return { tagName: 'img', attribs: out };
};

const cellTransform: Transform = (tagName, attribs) => {
  const out: Attributes = {};
  for (const span of ['colspan', 'rowspan'] as const) {
    const v = boundedInt(attribs[span], 1000);
    if (v !== null) out[span] = v;
  }
  return { tagName, attribs: out };
};

/** Headings outside h2–h4 are mapped to the nearest allowed level (h1 belongs to the page itself). */
const headingTo =
  (level: 'h2' | 'h4'): Transform =>
  (_tag, attribs) => ({ tagName: level, attribs: pick(attribs, ['style']) });

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_TAGS],
  allowedAttributes: {
    a: ['href', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
    ...Object.fromEntries(ALIGNABLE.map((tag) => [tag, ['style']])),
  },
  // Only the code-block language marker emitted by TipTap's CodeBlock (`<code class="language-js">`).
  allowedClasses: { code: [/^language-[a-z0-9+#-]{1,32}$/] },
  allowedStyles: Object.fromEntries(ALIGNABLE.map((tag) => [tag, { 'text-align': TEXT_ALIGN }])),
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  selfClosing: ['img', 'br', 'hr'],
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
  enforceHtmlBoundary: false,
  parseStyleAttributes: true,
  transformTags: {
    a: linkTransform,
    img: imageTransform,
    th: cellTransform,
    td: cellTransform,
    ol: (tagName, attribs) => {
      const start = boundedInt(attribs.start, 1_000_000);
      const out: Attributes = {};
      if (start !== null) out.start = start;
      return { tagName, attribs: out };
    },
    h1: headingTo('h2'),
    h5: headingTo('h4'),
    h6: headingTo('h4'),
  },
  exclusiveFilter: (frame) => {
    // An image without an acceptable source is removed entirely.
    if (frame.tag === 'img' && !frame.attribs.src) return true;
    // A link whose target was refused becomes plain text (its content is kept).
    if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
    return false;
  },
};

/**
 * C0 controls (except tab, LF, FF, CR) and DEL. Removed before parsing so that NUL bytes and friends
 * can neither reach the output nor be used to confuse the parser.
 */
function stripControlChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) continue;
    out += ch;
  }
  return out;
}

/** Sanitises rich-text HTML from the editor down to the TipTap allow-list. Idempotent. */
export function sanitizeRichText(html: string): string {
  if (typeof html !== 'string' || html === '') return '';
  return sanitizeHtml(stripControlChars(html), OPTIONS).trim();
}

const PLAIN_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
};

/** Bidirectional embeddings, overrides and isolates: used to visually spoof titles. */
function isBidiControl(c: number): boolean {
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * Plain text for titles and other single-line fields: tags removed (the content of script/style & co.
 * too), entities decoded, control and bidi-override characters removed, whitespace collapsed,
 * Unicode NFC, at most `maxLength` code points. The result is *text*, to be escaped when rendered.
 */
export function sanitizePlainText(input: string, maxLength = 200): string {
  if (typeof input !== 'string' || input === '') return '';
  const escaped = sanitizeHtml(input, PLAIN_OPTIONS);
  // sanitize-html decodes entities on input and re-escapes exactly &, <, > (and " in attributes) on output.
  const text = escaped
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
  let out = '';
  let pendingSpace = false;
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (/\s/u.test(ch)) {
      pendingSpace = out !== '';
      continue;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c) || c === 0xfeff) continue;
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += ch;
  }
  return Array.from(out).slice(0, Math.max(0, maxLength)).join('').trimEnd();
}

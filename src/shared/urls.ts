/**
 * URL hygiene shared by the server and the web app. Pure functions, no Node or DOM dependency beyond the
 * WHATWG `URL` class. Everything that ends up in an `href` or a `src` written by a user goes through here:
 * the value returned is the *normalised* href, i.e. exactly what a browser will act on, never the raw input.
 */
import { z } from 'zod';

/** Upper bound on URLs accepted from users (matches common browser and proxy limits). */
export const MAX_URL_LENGTH = 2048;

/** Message key (in the `errors` catalogue) used when a URL is refused. */
export const UNSAFE_URL_MESSAGE = 'errors.unsafeUrl';

/** A dummy origin used only to resolve in-app relative paths; never leaks into results. */
const PATH_BASE = 'https://relative.invalid';

/**
 * C0 controls, DEL, C1 controls and the backslash. The URL parser silently strips tabs and newlines
 * (`java\tscript:`) and treats `\` as `/` for special schemes (`https:\\evil.example`, `/\evil.example`):
 * inputs containing any of them are refused rather than "repaired".
 */
function hasForbiddenChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0x5c) return true;
  }
  return false;
}

function prepare(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const s = input.trim();
  if (s === '' || s.length > MAX_URL_LENGTH || hasForbiddenChars(s)) return null;
  return s;
}

function parseAbsolute(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

function checkHttp(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  return url.href;
}

/**
 * Accepts an absolute `http:`/`https:` URL without credentials and returns its normalised href
 * (lower-cased scheme and host, punycode, percent-encoding as the browser would send it).
 * Returns `null` for anything else: other schemes (`javascript:`, `data:`, `vbscript:`, `file:`…),
 * relative or protocol-relative URLs, control characters, backslashes, `user:pass@` credentials.
 */
export function safeHttpUrl(input: string): string | null {
  const s = prepare(input);
  if (s === null) return null;
  const url = parseAbsolute(s);
  return url ? checkHttp(url) : null;
}

/**
 * An in-app absolute path (`/formations/42?tab=1#plan`), normalised. Refuses protocol-relative
 * (`//evil.example`) and anything that normalises to one (`/..//evil.example`).
 */
export function safeRelativePath(input: string): string | null {
  const s = prepare(input);
  if (s === null || !s.startsWith('/') || s.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(s, PATH_BASE);
  } catch {
    return null;
  }
  if (url.origin !== PATH_BASE) return null;
  const out = `${url.pathname}${url.search}${url.hash}`;
  if (!out.startsWith('/') || out.startsWith('//')) return null;
  return out;
}

/**
 * For links (`<a href>`): what `safeHttpUrl` accepts, plus `mailto:` addresses and in-app
 * absolute paths (`/…`). Returns the normalised href or `null`.
 */
export function safeLinkUrl(input: string): string | null {
  const s = prepare(input);
  if (s === null) return null;
  if (s.startsWith('/')) return safeRelativePath(s);
  const url = parseAbsolute(s);
  if (!url) return null;
  if (url.protocol === 'mailto:') {
    // `mailto:` has an opaque path: require at least something after the colon.
    return url.pathname !== '' || url.search !== '' ? url.href : null;
  }
  return checkHttp(url);
}

/** Normalises an allow-list entry (`Video.PeerTube.fr.`, `.peertube.fr`, IDN) to an ASCII hostname. */
function normaliseHostEntry(entry: string): string | null {
  const e = entry.trim().replace(/^\.+/, '').replace(/\.+$/, '');
  if (e === '' || hasForbiddenChars(e) || /[/?#@:]/.test(e)) return null;
  try {
    return new URL(`https://${e}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * True when `url` is an acceptable http(s) URL (see `safeHttpUrl`) whose host is one of `allowList`
 * or a subdomain of one: `peertube.fr` allows `video.peertube.fr` but neither `evilpeertube.fr`
 * nor `peertube.fr.evil.com`. Comparison is on ASCII (punycode) host names, case-insensitive.
 */
export function hostAllowed(url: string | URL, allowList: readonly string[]): boolean {
  const href = safeHttpUrl(typeof url === 'string' ? url : url.href);
  if (href === null) return false;
  const host = new URL(href).hostname.replace(/\.$/, '');
  for (const entry of allowList) {
    const allowed = normaliseHostEntry(entry);
    if (allowed === null) continue;
    if (host === allowed || host.endsWith(`.${allowed}`)) return true;
  }
  return false;
}

/**
 * Zod schema for a user-supplied absolute http(s) URL. Output is the normalised href.
 * `.overwrite` (rather than `.transform`) keeps the schema representable in JSON Schema / OpenAPI.
 */
export const HttpUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine((s) => safeHttpUrl(s) !== null, { message: UNSAFE_URL_MESSAGE })
  .overwrite((s) => safeHttpUrl(s) ?? s);

/** Zod schema for a link target: http(s), `mailto:` or an in-app `/…` path. Output is normalised. */
export const LinkUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine((s) => safeLinkUrl(s) !== null, { message: UNSAFE_URL_MESSAGE })
  .overwrite((s) => safeLinkUrl(s) ?? s);

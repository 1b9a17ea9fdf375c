/**
 * What the platform's mail log may show of a message. A link that carries a secret (a password link, an
 * unsubscribe link) opens something for its recipient alone: whoever reads the log — an administrator,
 * or anyone who got hold of an administrator's session — must not be able to use it. Secrets are masked
 * when the log is served; the stored message (and the copy actually sent) keep them.
 */
export const MASK = '[masqué]';

const URL = /\bhttps?:\/\/[^\s<>"'«»]+/giu;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Parameter names that announce a secret, whatever their value looks like. */
const SECRET_NAME = /jeton|token|secret|key|cle|code|sig|pass|mdp|auth|ticket|nonce/i;
/** Anything after one of these words outside a link: `jeton : abc…`, `token=abc…`. */
const LABELLED = /\b(jeton|token|code|secret)(\s*[:=]\s*)([^\s<>"'«»]{8,})/giu;
/** A standalone run of URL-safe characters, long enough to be a random secret. */
const RUN = /[A-Za-z0-9_\-~%+/=]{20,}/g;

/**
 * Whether a value looks like a random secret rather than a word, a slug or an identifier: ours are 43
 * characters of base64url (mixed case and digits) or hexadecimal digests. UUIDs name things; by themselves
 * they open nothing, and the log needs them.
 */
export function looksSecret(value: string): boolean {
  if (UUID.test(value)) return false;
  if (/^[0-9a-f]{32,}$/i.test(value)) return true;
  return value.length >= 20 && /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value);
}

const maskRuns = (text: string) => text.replace(RUN, (run) => (looksSecret(run) ? MASK : run));

/** Masks every value of `name=value&…`: in a fragment, everything; in a query, what looks secret. */
function maskParams(params: string, all: boolean): string {
  return params
    .split('&')
    .map((pair) => {
      const at = pair.indexOf('=');
      if (at < 0) return all && pair ? MASK : maskRuns(pair);
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const secret = all || SECRET_NAME.test(name) || looksSecret(safeDecode(value));
      return `${name}=${secret && value ? MASK : value}`;
    })
    .join('&');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function maskUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  // A fragment never reaches a server: ours carry secrets there (`#jeton=…`), nothing the log needs.
  const fragment = hashAt < 0 ? '' : `#${maskParams(url.slice(hashAt + 1), true)}`;
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt < 0 ? '' : `?${maskParams(beforeHash.slice(queryAt + 1), false)}`;
  const [scheme = '', , host = '', ...segments] = path.split('/');
  const maskedPath = segments.map((segment) => (looksSecret(safeDecode(segment)) ? MASK : segment));
  return [scheme, '', host, ...maskedPath].join('/') + query + fragment;
}

const maskProse = (text: string) =>
  maskRuns(text.replace(LABELLED, (_all, label, separator) => `${label}${separator}${MASK}`));

/** The text with every secret-looking part of its links (and stray tokens) replaced by « [masqué] ». */
export function redactSecrets(text: string): string {
  let shown = '';
  let from = 0;
  for (const match of text.matchAll(URL)) {
    shown += maskProse(text.slice(from, match.index)) + maskUrl(match[0]);
    from = match.index + match[0].length;
  }
  return shown + maskProse(text.slice(from));
}

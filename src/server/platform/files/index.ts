import type { Readable } from 'node:stream';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import parseRange from 'range-parser';
import { ZipFile } from 'yazl';
import type { Db, Tx } from '../db/index.ts';
import { HttpProblem, problems } from '../http/problem.ts';
import type { Jobs } from '../jobs/index.ts';
import { blobs, type FileLink, fileLinks } from './schema.ts';
import {
  BlobNotFoundError,
  type BlobSource,
  type BlobStore,
  BlobTooLargeError,
  type ByteRange,
} from './store.ts';

export type { BlobRow, FileLink } from './schema.ts';
export { blobs, fileLinks } from './schema.ts';
export type { BlobSource, BlobStore, ByteRange, StagedBlob } from './store.ts';
export { BlobNotFoundError, BlobTooLargeError, LocalBlobStore } from './store.ts';

/** Who uses a file: an activity, a course (thumbnail), a submission… `id` is text so any key fits. */
export type Owner = { type: string; id: string };

/** What `send` and `zip` need of a link. */
export type Servable = Pick<FileLink, 'sha256' | 'filename' | 'mime' | 'size'> & { createdAt?: Date };

export type SaveUpload = {
  stream: BlobSource;
  filename: string;
  /** The type the client declared (multipart's mimetype); trusted only for text formats. */
  declaredMime?: string | undefined;
  owner: Owner;
  createdBy?: string | null | undefined;
  /** A tighter limit than the platform's, for this owner (e.g. a thumbnail). */
  maxBytes?: number | undefined;
  position?: number | undefined;
  /** The sha256 the content must have (an archive names its files by it); other bytes are never stored. */
  expectedSha256?: string | undefined;
};

/** The bytes of an upload are not those its sender announced: nothing was stored. */
export class BlobHashMismatchError extends Error {
  readonly expected: string;
  readonly actual: string;
  constructor(expected: string, actual: string) {
    super(`content hashes to ${actual}, not ${expected}`);
    this.name = 'BlobHashMismatchError';
    this.expected = expected;
    this.actual = actual;
  }
}

export const FILES_GC_JOB = 'files.collect-garbage';
const DAY_MS = 24 * 60 * 60 * 1000;

export function fileTooLarge() {
  return new HttpProblem(413, 'file_too_large', 'errors.fileTooLarge');
}

/**
 * The platform's file store, content-addressed: bytes are kept once per distinct content (a blob, named by
 * its sha256) and used through links (owner, filename, type). Modules call this service; they never touch
 * the disk.
 */
export class Files {
  readonly #db: Db;
  readonly #store: BlobStore;
  readonly #maxBytes: number;
  readonly #cacheMaxAge: number;

  constructor(options: { db: Db; store: BlobStore; maxBytes: number; cacheMaxAgeSeconds?: number }) {
    this.#db = options.db;
    this.#store = options.store;
    this.#maxBytes = options.maxBytes;
    this.#cacheMaxAge = options.cacheMaxAgeSeconds ?? 3600;
  }

  get store(): BlobStore {
    return this.#store;
  }

  get maxBytes(): number {
    return this.#maxBytes;
  }

  /**
   * Streams an upload into the store (size limit enforced while streaming: 413 problem, nothing left behind;
   * an announced hash checked before the bytes are kept: `BlobHashMismatchError`, nothing left behind either),
   * detects its real type from its first bytes, and links it to `owner` in the caller's transaction.
   *
   * The blob row is written outside that transaction, before the bytes are moved into place: the row lock
   * orders this upload against a concurrent garbage collection of the same content, and if the caller rolls
   * back, the unlinked blob is collected after the grace period.
   */
  async saveUpload(tx: Tx, input: SaveUpload): Promise<FileLink> {
    const limit = Math.min(input.maxBytes ?? this.#maxBytes, this.#maxBytes);
    let staged: Awaited<ReturnType<BlobStore['stage']>>;
    try {
      staged = await this.#store.stage(input.stream, { maxBytes: limit });
    } catch (error) {
      if (error instanceof BlobTooLargeError) throw fileTooLarge();
      throw error;
    }
    const filename = sanitizeFilename(input.filename);
    try {
      if (input.expectedSha256 !== undefined && staged.sha256 !== input.expectedSha256)
        throw new BlobHashMismatchError(input.expectedSha256, staged.sha256);
      const mime = await detectMime(staged.head, filename, input.declaredMime);
      await this.#db
        .insert(blobs)
        .values({ sha256: staged.sha256, size: staged.size, mime })
        .onConflictDoUpdate({ target: blobs.sha256, set: { createdAt: sql`now()` } });
      await staged.commit();
      return await this.link(tx, staged.sha256, input.owner, filename, mime, staged.size, {
        createdBy: input.createdBy ?? null,
        position: input.position,
      });
    } finally {
      await staged.discard();
    }
  }

  /** Another use of stored content (an import that found the same bytes, a copy). */
  async link(
    tx: Tx,
    sha256: string,
    owner: Owner,
    filename: string,
    mime: string,
    size: number,
    options: { createdBy?: string | null | undefined; position?: number | undefined } = {},
  ): Promise<FileLink> {
    const [row] = await tx
      .insert(fileLinks)
      .values({
        sha256,
        ownerType: owner.type,
        ownerId: owner.id,
        filename: sanitizeFilename(filename),
        mime,
        size,
        createdBy: options.createdBy ?? null,
        ...(options.position === undefined ? {} : { position: options.position }),
      })
      .returning();
    return row!;
  }

  /** Duplication: `to` gets a link to each of `from`'s blobs, same names, types and order; no byte is copied. */
  async copyLinks(tx: Tx, from: Owner, to: Owner, options: { createdBy?: string | null } = {}) {
    const links = await this.listLinks(tx, from);
    if (links.length === 0) return [];
    return tx
      .insert(fileLinks)
      .values(
        links.map((l) => ({
          sha256: l.sha256,
          ownerType: to.type,
          ownerId: to.id,
          filename: l.filename,
          mime: l.mime,
          size: l.size,
          position: l.position,
          createdBy: options.createdBy === undefined ? l.createdBy : options.createdBy,
        })),
      )
      .returning();
  }

  /** An owner's files in their order (position, then upload time). */
  listLinks(tx: Tx, owner: Owner): Promise<FileLink[]> {
    return tx
      .select()
      .from(fileLinks)
      .where(and(eq(fileLinks.ownerType, owner.type), eq(fileLinks.ownerId, owner.id)))
      .orderBy(asc(fileLinks.position), asc(fileLinks.createdAt), asc(fileLinks.id));
  }

  async getLink(tx: Tx, linkId: string): Promise<FileLink | undefined> {
    if (!UUID.test(linkId)) return undefined;
    const [row] = await tx.select().from(fileLinks).where(eq(fileLinks.id, linkId));
    return row;
  }

  /** Drops every link of an owner (the bytes go with the next garbage collection if nothing else uses them). */
  async unlinkOwner(tx: Tx, owner: Owner): Promise<number> {
    const rows = await tx
      .delete(fileLinks)
      .where(and(eq(fileLinks.ownerType, owner.type), eq(fileLinks.ownerId, owner.id)))
      .returning({ id: fileLinks.id });
    return rows.length;
  }

  async unlink(tx: Tx, linkId: string): Promise<boolean> {
    if (!UUID.test(linkId)) return false;
    const rows = await tx.delete(fileLinks).where(eq(fileLinks.id, linkId)).returning({ id: fileLinks.id });
    return rows.length > 0;
  }

  /**
   * Deletes blobs no link uses and not stored for `graceMs` (an upload between its blob row and its link is
   * left alone), from the table and the store, one transaction per blob: the row is deleted first (a link
   * committed meanwhile makes the foreign key refuse, and the blob stays), the bytes removed before commit
   * (an upload of the same content waits on the row lock, then puts the bytes back).
   */
  async collectGarbage(options: { graceMs?: number; now?: Date; batch?: number } = {}) {
    const graceMs = options.graceMs ?? DAY_MS;
    // Blobs are dated by the database (`created_at` defaults to its now()), so the job compares with the
    // machine's time, not the application's clock.
    const cutoff = new Date((options.now ?? new Date()).getTime() - graceMs);
    // Raw SQL for the correlation: it must name the outer row whatever the statement (SELECT or DELETE).
    const unused = and(
      lt(blobs.createdAt, cutoff),
      sql`NOT EXISTS (SELECT 1 FROM file_links l WHERE l.sha256 = blobs.sha256)`,
    );
    const result = { blobs: 0, bytes: 0, kept: 0, temporary: 0 };
    const seen = new Set<string>();
    for (;;) {
      const candidates = await this.#db
        .select({ sha256: blobs.sha256 })
        .from(blobs)
        .where(unused)
        .orderBy(asc(blobs.createdAt))
        .limit(options.batch ?? 500);
      const fresh = candidates.filter((c) => !seen.has(c.sha256));
      if (fresh.length === 0) break;
      for (const { sha256 } of fresh) {
        seen.add(sha256);
        try {
          const deleted = await this.#db.transaction(async (tx) => {
            const [row] = await tx
              .delete(blobs)
              .where(and(eq(blobs.sha256, sha256), unused))
              .returning({ size: blobs.size });
            if (row) await this.#store.delete(sha256);
            return row;
          });
          if (deleted) {
            result.blobs++;
            result.bytes += deleted.size;
          }
        } catch (error) {
          // 23503: a link arrived while we looked; the blob is in use again.
          if (pgCode(error) === '23503') result.kept++;
          else throw error;
        }
      }
    }
    result.temporary = await this.#store.sweepTemporary(graceMs);
    return result;
  }

  /**
   * Streams a link's content: type, length, a safe Content-Disposition (inline only when asked and the type
   * cannot run script), nosniff, private caching, the sha256 as ETag (304 on If-None-Match) and one byte
   * range (206; 416 when unsatisfiable; several ranges get the whole file).
   *
   * Mount download routes with `compress: false`: a gzipped body would make Content-Length, the strong
   * ETag and byte ranges describe different bytes.
   */
  async send(
    reply: FastifyReply,
    link: Servable,
    options: { inline?: boolean; maxAgeSeconds?: number } = {},
  ) {
    const request = reply.request;
    const etag = `"${link.sha256}"`;
    const common = {
      etag,
      'cache-control': `private, max-age=${options.maxAgeSeconds ?? this.#cacheMaxAge}`,
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
    };
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).headers(common).send();

    let range: ByteRange | undefined;
    const rangeHeader = request.headers.range;
    if (rangeHeader && ifRangeAllows(request.headers['if-range'], etag)) {
      const ranges = parseRange(link.size, rangeHeader, { combine: true });
      if (ranges === -1)
        return reply
          .code(416)
          .headers({ ...common, 'content-range': `bytes */${link.size}` })
          .send();
      if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) range = ranges[0];
    }

    let stream: Readable;
    try {
      stream = await this.#store.open(link.sha256, range);
    } catch (error) {
      if (error instanceof BlobNotFoundError) {
        request.log.error({ sha256: link.sha256 }, 'blob missing from the store');
        throw problems.notFound();
      }
      throw error;
    }
    const disposition = options.inline && isInlineSafe(link.mime) ? 'inline' : 'attachment';
    reply.headers({
      ...common,
      'content-type': link.mime,
      'content-disposition': contentDisposition(link.filename, disposition),
    });
    if (range)
      reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${link.size}`)
        .header('content-length', range.end - range.start + 1);
    else reply.header('content-length', link.size);
    return reply.send(stream);
  }

  /**
   * Streams a zip of several links (a folder download). Names are sanitised and made unique; `path` may
   * give a link a place in sub-folders. Already-compressed types are stored, the rest deflated.
   */
  zip(reply: FastifyReply, links: Array<Servable | { link: Servable; path: string }>, zipName: string) {
    const zipfile = new ZipFile();
    const output = zipfile.outputStream as Readable;
    zipfile.on('error', (error: Error) => output.destroy(error));
    const taken = new Set<string>();
    for (const item of links) {
      const link = 'link' in item ? item.link : item;
      const name = uniqueName(sanitizeZipPath('link' in item ? item.path : link.filename), taken);
      zipfile.addReadStreamLazy(
        name,
        {
          size: link.size,
          compress: isCompressible(link.mime),
          ...(link.createdAt ? { mtime: link.createdAt } : {}),
        },
        (callback) => {
          this.#store.open(link.sha256).then(
            (stream) => {
              stream.on('error', (error) => zipfile.emit('error', error));
              callback(null, stream);
            },
            (error: unknown) => callback(error, undefined as unknown as Readable),
          );
        },
      );
    }
    zipfile.end();
    const filename = sanitizeFilename(zipName.toLowerCase().endsWith('.zip') ? zipName : `${zipName}.zip`);
    return reply
      .headers({
        'content-type': 'application/zip',
        'content-disposition': contentDisposition(filename, 'attachment'),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      })
      .send(output);
  }
}

/** The hourly clean-up of unused blobs (and of temporary files a crashed upload left behind). */
export function defineFileJobs(jobs: Jobs, files: Files, options: { graceMs?: number } = {}) {
  jobs.define({
    name: FILES_GC_JOB,
    cron: '17 * * * *',
    handler: async () => {
      await files.collectGarbage({ graceMs: options.graceMs ?? DAY_MS });
    },
  });
}

// ——— names, types, headers ———

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A file name as a user sees it: no directory part, no control characters, NFC, at most 255 characters. */
export function sanitizeFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim();
  const trimmed = clean.replace(/^\.+$/, '');
  if (!trimmed) return 'fichier';
  if (trimmed.length <= 255) return trimmed;
  const dot = trimmed.lastIndexOf('.');
  const ext = dot > 0 && trimmed.length - dot <= 16 ? trimmed.slice(dot) : '';
  return trimmed.slice(0, 255 - ext.length) + ext;
}

/** A relative path inside a zip: each segment a sanitised name, no `..`, no absolute path, no drive. */
export function sanitizeZipPath(value: string): string {
  const segments = value
    .split(/[/\\]+/)
    .map((s) => s.replace(/\p{Cc}/gu, '').trim())
    .filter((s) => s !== '' && !/^\.+$/.test(s))
    .map((s) => sanitizeFilename(s.replace(/[:*?"<>|]/g, '_')));
  return segments.length ? segments.join('/') : 'fichier';
}

function uniqueName(name: string, taken: Set<string>): string {
  const slash = name.lastIndexOf('/');
  const dir = name.slice(0, slash + 1);
  const base = name.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot) : '';
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${dir}${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Text formats that no signature identifies: their type comes from the extension, else the declared one. */
const TEXT_TYPES: Record<string, string> = {
  txt: 'text/plain',
  text: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  md: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  xhtml: 'application/xhtml+xml',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
  ics: 'text/calendar',
  tex: 'application/x-tex',
  py: 'text/x-python',
  h5p: 'application/zip',
};

function baseType(mime: string): string {
  return mime.split(';')[0]!.trim().toLowerCase();
}

function isUtf8(head: Buffer): boolean {
  try {
    // `stream: true` tolerates a character cut at the end of the head.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The type stored for an upload: its signature when it has one (file-type), else — for text only — the
 * extension's or declared type, else application/octet-stream. Never the client's word for binary content.
 */
export async function detectMime(head: Buffer, filename: string, declaredMime?: string): Promise<string> {
  const sniffed = await fileTypeFromBuffer(head).catch(() => undefined);
  if (sniffed) return sniffed.mime;
  if (head.includes(0)) return 'application/octet-stream';
  const utf8 = isUtf8(head);
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
  const declared = declaredMime ? baseType(declaredMime) : '';
  const textual = new Set(Object.values(TEXT_TYPES));
  let mime = TEXT_TYPES[ext];
  if (!mime && (declared.startsWith('text/') || textual.has(declared))) mime = declared;
  if (!mime) mime = utf8 ? 'text/plain' : 'application/octet-stream';
  if (mime.startsWith('text/') && utf8) return `${mime}; charset=utf-8`;
  return mime;
}

/** Types a browser may render inline without running anything: images (not SVG), PDF, audio, video, plain text. */
export function isInlineSafe(mime: string): boolean {
  const type = baseType(mime);
  if (type === 'image/svg+xml') return false;
  return (
    type.startsWith('image/') ||
    type.startsWith('audio/') ||
    type.startsWith('video/') ||
    type === 'application/pdf' ||
    type === 'text/plain'
  );
}

function isCompressible(mime: string): boolean {
  const type = baseType(mime);
  if (type.startsWith('text/') || type === 'image/svg+xml' || type === 'image/bmp') return true;
  if (type.startsWith('image/') || type.startsWith('audio/') || type.startsWith('video/')) return false;
  return !/zip|compressed|gzip|x-7z|x-rar|x-bzip|x-xz|zstd|openxmlformats|opendocument|epub/.test(type);
}

/** RFC 6266 with the RFC 5987 UTF-8 name: `attachment; filename="Seance 1 _ diapos.pdf"; filename*=UTF-8''S%C3%A9ance…` */
export function contentDisposition(filename: string, type: 'inline' | 'attachment'): string {
  const name = sanitizeFilename(filename);
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return ascii === name
    ? `${type}; filename="${ascii}"`
    : `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** If-Range with our strong ETag: the range applies only if the client holds these very bytes. */
function ifRangeAllows(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return true;
  return String(header).trim() === etag;
}

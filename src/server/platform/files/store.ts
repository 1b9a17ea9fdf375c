import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Inclusive byte offsets, as `range-parser` and HTTP's Content-Range count them. */
export type ByteRange = { start: number; end: number };

export type BlobSource = Readable | NodeJS.ReadableStream | AsyncIterable<Uint8Array>;

export type StageOptions = {
  /** Past this many bytes the write stops and `BlobTooLargeError` is thrown; nothing is left behind. */
  maxBytes?: number;
  /** How many leading bytes to keep in `head`, for type detection (default 64 KiB). */
  peekBytes?: number;
};

/** Content written to a temporary object, hashed, not yet visible under its sha256. */
export type StagedBlob = {
  sha256: string;
  size: number;
  /** The first bytes of the content (at most `peekBytes`). */
  head: Buffer;
  /** Makes the content the blob named by its sha256; a no-op when that content is already stored. */
  commit(): Promise<void>;
  /** Removes the temporary object. Safe to call after commit. */
  discard(): Promise<void>;
};

export class BlobTooLargeError extends Error {
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
    this.maxBytes = maxBytes;
  }
}

export class BlobNotFoundError extends Error {
  readonly sha256: string;
  constructor(sha256: string) {
    super(`blob ${sha256} is missing from the store`);
    this.name = 'BlobNotFoundError';
    this.sha256 = sha256;
  }
}

/**
 * Where the bytes live, named by their sha256. Local disk today; an S3 driver implements the same
 * interface (staging as a multipart upload under a temporary key, commit as a copy to the final key).
 */
export interface BlobStore {
  /** Streams `source` to a temporary object, hashing and counting as it goes (never buffering it whole). */
  stage(source: BlobSource, options?: StageOptions): Promise<StagedBlob>;
  /** `stage` then `commit`: for callers that need no ordering between the two. */
  put(source: BlobSource, options?: StageOptions): Promise<{ sha256: string; size: number }>;
  /** A stream of the blob's bytes, or of one inclusive range of them; `BlobNotFoundError` when absent. */
  open(sha256: string, range?: ByteRange): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Removes the blob; no error when it is already gone. */
  delete(sha256: string): Promise<void>;
  /** Removes temporary objects older than `olderThanMs` that a crashed write left behind; returns how many. */
  sweepTemporary(olderThanMs: number): Promise<number>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
}

/** Hashes, counts and enforces the size limit on the bytes flowing through; keeps the first few. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  readonly #head: Buffer[] = [];
  #headSize = 0;
  readonly #maxBytes: number;
  readonly #peekBytes: number;

  constructor(maxBytes: number, peekBytes: number) {
    super();
    this.#maxBytes = maxBytes;
    this.#peekBytes = peekBytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.#maxBytes) {
      callback(new BlobTooLargeError(this.#maxBytes));
      return;
    }
    if (this.#headSize < this.#peekBytes) {
      const part = chunk.subarray(0, this.#peekBytes - this.#headSize);
      this.#head.push(Buffer.from(part));
      this.#headSize += part.length;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  get head(): Buffer {
    return Buffer.concat(this.#head);
  }
}

/**
 * Blobs on the local disk under `root/<ab>/<cd>/<sha256>`, Moodle's filedir layout; writes go to
 * `root/tmp/` first and are renamed into place (atomic on one file system) once complete and synced.
 */
export class LocalBlobStore implements BlobStore {
  readonly root: string;
  readonly #tmp: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.#tmp = path.join(this.root, 'tmp');
  }

  path(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** The directory of in-flight writes (for tests and operations). */
  get temporaryDir(): string {
    return this.#tmp;
  }

  async stage(source: BlobSource, options: StageOptions = {}): Promise<StagedBlob> {
    await mkdir(this.#tmp, { recursive: true });
    const tmp = path.join(this.#tmp, randomUUID());
    const meter = new Meter(options.maxBytes ?? Number.POSITIVE_INFINITY, options.peekBytes ?? 64 * 1024);
    const discard = () => rm(tmp, { force: true });
    try {
      // `flush` fsyncs before close: once renamed, the content survives a crash.
      await pipeline(
        source as AsyncIterable<Uint8Array>,
        meter,
        createWriteStream(tmp, { flags: 'wx', flush: true }),
      );
    } catch (error) {
      await discard();
      throw error;
    }
    const sha256 = meter.hash.digest('hex');
    const target = this.path(sha256);
    return {
      sha256,
      size: meter.size,
      head: meter.head,
      discard,
      commit: async () => {
        if (await this.exists(sha256)) return discard();
        await mkdir(path.dirname(target), { recursive: true });
        await rename(tmp, target);
      },
    };
  }

  async put(source: BlobSource, options: StageOptions = {}) {
    const staged = await this.stage(source, options);
    try {
      await staged.commit();
    } catch (error) {
      await staged.discard();
      throw error;
    }
    return { sha256: staged.sha256, size: staged.size };
  }

  async open(sha256: string, range?: ByteRange): Promise<Readable> {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(this.path(sha256), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(sha256);
      throw error;
    }
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async exists(sha256: string): Promise<boolean> {
    return (await stat(this.path(sha256)).catch(() => null))?.isFile() ?? false;
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.path(sha256), { force: true });
  }

  async sweepTemporary(olderThanMs: number): Promise<number> {
    const names = await readdir(this.#tmp).catch(() => [] as string[]);
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.#tmp, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs < cutoff) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/**
 * The course archive: a zip holding `manifest.json` (the course and its thumbnail, its sections and
 * activities with their settings, which files each uses, and what their kinds carry of their own —
 * `kindData`, through the activity contract's `exportData`) and `files/<sha256>` (each distinct content
 * once). Import reads it with limits on size, entries and paths, validates every kind's settings and data
 * through the activity contract, and writes the whole course in one transaction — or nothing, with a
 * report of every problem.
 */

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, asc, eq } from 'drizzle-orm';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { z } from 'zod';
import { CompletionRule } from '../../../shared/completion.ts';
import { CourseMetadata, type Stage } from '../../../shared/lifecycle.ts';
import { createContext } from '../../platform/access/contexts.ts';
import type { Tx } from '../../platform/db/index.ts';
import {
  BlobHashMismatchError,
  detectMime,
  type FileLink,
  type Files,
  fileTooLarge,
  type Owner,
} from '../../platform/files/index.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import type { FieldError } from '../../platform/http/types.ts';
import { sanitizePlainText, sanitizeRichText } from '../../platform/richtext/sanitize.ts';
import {
  type ArchiveFileRef,
  checkActivityData,
  completionModes,
  exportActivityData,
  importActivityData,
  prepareSettings,
} from '../activities/index.ts';
import { copyTitle, freeShortName } from './copy.ts';
import { cleanMetadata } from './metadata.ts';
import { activities, courses, sections } from './schema.ts';
import { THUMBNAIL_MAX_BYTES, THUMBNAIL_TYPES, thumbnailOf, thumbnailOwner } from './thumbnail.ts';

export const ARCHIVE_FORMAT = 'magistere-course';
const MAX_ENTRIES = 10_000;
const MAX_MANIFEST_BYTES = 10 * 1024 * 1024;
/** An entry inflating to more than this many times its compressed size is treated as a bomb. */
const MAX_RATIO = 200;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const ArchiveFile = z.object({
  sha256: Sha256,
  filename: z.string().min(1).max(255),
  mime: z.string().max(255),
  size: z.number().int().min(0),
});
const Visibility = z.enum(['visible', 'hidden']);
/** The course's completion criteria, naming activities by their place in the manifest (ids change). */
const ArchiveCriteria = z.object({
  activities: z.union([
    z.literal('all'),
    z
      .array(z.object({ section: z.number().int().min(0), activity: z.number().int().min(0) }))
      .min(1)
      .max(2000),
  ]),
});
const Manifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(1),
  course: z.object({
    title: z.string().min(1).max(255),
    shortName: z.string().min(1).max(100),
    summary: z.string().max(500_000),
    format: z.enum(['topics', 'modular']),
    visibility: Visibility,
    /** The course's thumbnail; archives made before thumbnails have none. */
    thumbnail: ArchiveFile.nullable().default(null),
    completionCriteria: ArchiveCriteria.optional(),
    /** The indexation; archives made before it have none. */
    metadata: CourseMetadata.default({}),
  }),
  files: z.array(ArchiveFile).max(1000),
  sections: z
    .array(
      z.object({
        title: z.string().min(1).max(255),
        description: z.string().max(500_000),
        visibility: Visibility,
        activities: z
          .array(
            z.object({
              kind: z.string().min(1).max(50),
              title: z.string().min(1).max(255),
              settings: z.record(z.string(), z.unknown()),
              visibility: Visibility,
              availableFrom: z.iso.datetime({ offset: true }).nullable(),
              completion: CompletionRule.optional(),
              files: z.array(ArchiveFile).max(1000),
              /**
               * What the kind owns beyond settings and files (`exportData`), checked by its `dataSchema`;
               * `files` are those its data names. Archives made before the contract had it have none.
               */
              kindData: z
                .object({ data: z.unknown(), files: z.array(ArchiveFile).max(1000).default([]) })
                .optional(),
            }),
          )
          .max(2000),
      }),
    )
    .min(1)
    .max(500),
});
export type Manifest = z.infer<typeof Manifest>;

const invalid = (errors: FieldError[]) =>
  new HttpProblem(400, 'archive_invalid', 'errors.archiveInvalid', { errors: errors.slice(0, 100) });

/** Builds the manifest of a course and the distinct blobs it uses. */
export async function describeCourse(tx: Tx, files: Files, courseId: string, now: Date): Promise<Manifest> {
  const hookContext = { tx, files, now };
  const [course] = await tx.select().from(courses).where(eq(courses.id, courseId));
  if (!course) throw new Error(`course ${courseId} missing`);
  const described = (l: FileLink) => ({
    sha256: l.sha256,
    filename: l.filename,
    mime: l.mime,
    size: Number(l.size),
  });
  const listed = async (owner: Owner) => (await files.listLinks(tx, owner)).map(described);
  const thumbnail = await thumbnailOf(tx, courseId);
  const sectionRows = await tx
    .select()
    .from(sections)
    .where(eq(sections.courseId, courseId))
    .orderBy(asc(sections.position));
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: 1,
    course: {
      title: course.title,
      shortName: course.shortName,
      summary: course.summary,
      format: course.format,
      visibility: course.visibility,
      thumbnail: thumbnail ? described(thumbnail) : null,
      metadata: course.metadata,
    },
    files: await listed({ type: 'course', id: courseId }),
    sections: [],
  };
  const kindDataOf = async (activity: typeof activities.$inferSelect) => {
    const exported = await exportActivityData(hookContext, activity);
    return exported ? { kindData: { data: exported.data, files: [...(exported.files ?? [])] } } : {};
  };
  const places = new Map<string, { section: number; activity: number }>();
  for (const section of sectionRows) {
    const held = await tx
      .select()
      .from(activities)
      .where(and(eq(activities.courseId, courseId), eq(activities.sectionId, section.id)))
      .orderBy(asc(activities.position));
    const kept = [];
    for (const activity of held) {
      places.set(activity.id, { section: manifest.sections.length, activity: kept.length });
      kept.push({
        kind: activity.kind,
        title: activity.title,
        settings: activity.settings,
        visibility: activity.visibility,
        availableFrom: activity.availableFrom?.toISOString() ?? null,
        completion: activity.completion,
        files: await listed({ type: 'activity', id: activity.id }),
        ...(await kindDataOf(activity)),
      });
    }
    manifest.sections.push({
      title: section.title,
      description: section.description,
      visibility: section.visibility,
      activities: kept,
    });
  }
  const chosen = course.completionCriteria.activities;
  manifest.course.completionCriteria = {
    activities: chosen === 'all' ? 'all' : chosen.flatMap((id) => places.get(id) ?? []),
  };
  return manifest;
}

/** Streams the archive of a course: the manifest, then each distinct file once. */
export function archiveStream(files: Files, manifest: Manifest): Readable {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  const seen = new Set<string>();
  for (const file of manifestFiles(manifest)) {
    if (seen.has(file.sha256)) continue;
    seen.add(file.sha256);
    zip.addReadStreamLazy(`files/${file.sha256}`, { size: file.size }, (callback) => {
      files.store.open(file.sha256).then(
        (stream) => callback(null, stream),
        (error: Error) => callback(error, null as never),
      );
    });
  }
  zip.end();
  return zip.outputStream as Readable;
}

/** Saves an upload to a temporary file, refusing it past `maxBytes` while it streams. */
async function spool(stream: Readable, maxBytes: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'magistere-archive-'));
  const file = path.join(dir, 'archive.zip');
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new HttpProblem(413, 'file_too_large', 'errors.fileTooLarge'));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(stream, limit, createWriteStream(file));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

type Entry = yauzl.Entry;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    ),
  );
}

/** Reads the central directory, checking each entry's name, count, size and compression ratio. */
function listEntries(zip: yauzl.ZipFile, maxTotal: number): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    let total = 0;
    const fail = (message: string, name = '', params: Record<string, number> = {}) => {
      zip.close();
      reject(invalid([{ path: name || 'archive', message, params }]));
    };
    zip.on('error', (error: Error) => {
      // yauzl itself refuses absolute and `..` names while decoding them: report the path, not a broken zip.
      const refused = /^(invalid relative path|absolute path): (.*)$/.exec(error.message);
      if (refused) fail('errors.archive.forbiddenPath', refused[2]);
      else fail('errors.archive.unreadable');
    });
    zip.on('entry', (entry: Entry) => {
      const name = entry.fileName;
      if (entries.size >= MAX_ENTRIES) return fail('errors.archive.tooManyEntries', '', { max: MAX_ENTRIES });
      if (
        name.startsWith('/') ||
        name.includes('\\') ||
        name.split('/').includes('..') ||
        /\p{Cc}/u.test(name)
      ) {
        return fail('errors.archive.forbiddenPath', name);
      }
      total += entry.uncompressedSize;
      if (total > maxTotal) return fail('errors.archive.tooLarge', name);
      if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * MAX_RATIO) {
        return fail('errors.archive.ratio', name);
      }
      if (!name.endsWith('/')) entries.set(name, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

async function readManifest(zip: yauzl.ZipFile, entries: Map<string, Entry>): Promise<Manifest> {
  const entry = entries.get('manifest.json');
  if (!entry) throw invalid([{ path: 'manifest.json', message: 'errors.archive.noManifest' }]);
  if (entry.uncompressedSize > MAX_MANIFEST_BYTES)
    throw invalid([{ path: 'manifest.json', message: 'errors.archive.manifestTooLarge' }]);
  const chunks: Buffer[] = [];
  for await (const chunk of await readEntry(zip, entry)) chunks.push(chunk as Buffer);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw invalid([{ path: 'manifest.json', message: 'errors.archive.badJson' }]);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((issue) => ({
        path: `manifest.${issue.path.join('.')}`,
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/** Every file a manifest names: the thumbnail, the course's files, each activity's. */
const manifestFiles = (manifest: Manifest) => [
  ...(manifest.course.thumbnail ? [manifest.course.thumbnail] : []),
  ...manifest.files,
  ...manifest.sections.flatMap((s) =>
    s.activities.flatMap((a) => [...a.files, ...(a.kindData?.files ?? [])]),
  ),
];

const referencedBlobs = (manifest: Manifest) => new Set(manifestFiles(manifest).map((f) => f.sha256));

const thumbnailRefused = () => ({ path: 'manifest.course.thumbnail', message: 'errors.archive.thumbnail' });

/**
 * Every problem of a manifest at once: unknown kinds, settings refused by their kind, files announced but
 * not available. Returns the cleaned settings of each activity, ready to store.
 */
export async function checkManifest(tx: Tx, manifest: Manifest, available: Set<string>) {
  const errors: FieldError[] = [];
  const settings: Record<string, unknown>[][] = [];
  for (const [s, section] of manifest.sections.entries()) {
    settings[s] = [];
    for (const [a, activity] of section.activities.entries()) {
      try {
        settings[s]![a] = await prepareSettings(tx, activity.kind, activity.settings);
      } catch (error) {
        if (!(error instanceof HttpProblem)) throw error;
        const where = `manifest.sections.${s}.activities.${a}`;
        if (error.code === 'unknown_kind')
          errors.push({
            path: `${where}.kind`,
            message: 'errors.archive.unknownKind',
            params: { kind: activity.kind },
          });
        else
          for (const e of error.errors ?? []) errors.push({ path: `${where}.${e.path}`, message: e.message });
      }
      if (activity.kindData && settings[s]![a])
        for (const e of checkActivityData(activity.kind, activity.kindData.data))
          errors.push({
            path: `manifest.sections.${s}.activities.${a}.kindData.data${e.path ? `.${e.path}` : ''}`,
            message: e.message,
          });
      const rule = activity.completion;
      if (rule && settings[s]![a] && !completionModes(activity.kind).includes(rule.mode))
        errors.push({
          path: `manifest.sections.${s}.activities.${a}.completion.mode`,
          message: 'errors.completion.modeUnsupported',
        });
    }
  }
  const thumbnail = manifest.course.thumbnail;
  if (thumbnail && (!THUMBNAIL_TYPES.has(thumbnail.mime) || thumbnail.size > THUMBNAIL_MAX_BYTES))
    errors.push(thumbnailRefused());
  const chosen = manifest.course.completionCriteria?.activities;
  for (const [i, place] of (chosen === 'all' ? [] : (chosen ?? [])).entries()) {
    const mode = manifest.sections[place.section]?.activities[place.activity]?.completion?.mode ?? 'none';
    if (mode === 'none')
      errors.push({
        path: `manifest.course.completionCriteria.activities.${i}`,
        message: 'errors.completion.criteriaNotTracked',
      });
  }
  for (const sha of referencedBlobs(manifest))
    if (!available.has(sha)) errors.push({ path: `files/${sha}`, message: 'errors.archive.missingFile' });
  return { errors, settings };
}

/**
 * Writes a checked manifest as a new course: course, sections, activities, contexts, and files read
 * through `open` (checked against their announced hash). Runs in the caller's transaction.
 */
export async function createFromManifest(
  tx: Tx,
  files: Files,
  manifest: Manifest,
  settings: Record<string, unknown>[][],
  target: ImportTarget,
  open: (sha256: string) => Promise<Readable>,
) {
  const stored = new Map<string, string>();
  /** Stores a file's bytes the first time it is named, links it each time. */
  const attachOne = async (owner: Owner, f: ArchiveFileRef, position: number, maxBytes?: number) => {
    const mime = stored.get(f.sha256);
    if (mime !== undefined) return files.link(tx, f.sha256, owner, f.filename, mime, f.size, { position });
    let link: FileLink;
    try {
      link = await files.saveUpload(tx, {
        stream: await open(f.sha256),
        filename: f.filename,
        declaredMime: f.mime,
        owner,
        position,
        maxBytes,
        expectedSha256: f.sha256,
      });
    } catch (error) {
      if (error instanceof BlobHashMismatchError)
        throw invalid([{ path: `files/${f.sha256}`, message: 'errors.archive.hashMismatch' }]);
      throw error;
    }
    stored.set(f.sha256, link.mime);
    return link;
  };
  const attach = async (owner: Owner, list: Manifest['files'], maxBytes?: number) => {
    for (const [position, f] of list.entries()) await attachOne(owner, f, position, maxBytes);
  };
  const { now } = target;
  // An archive brought back where its course still is (or a second time) is a copy, and named as one.
  const wantedShortName = sanitizePlainText(manifest.course.shortName, 100);
  const shortName = await freeShortName(tx, target.domainId, wantedShortName);
  const title = sanitizePlainText(manifest.course.title, 255);
  const [course] = await tx
    .insert(courses)
    .values({
      domainId: target.domainId,
      title: shortName === wantedShortName ? title : copyTitle(title),
      shortName,
      summary: sanitizeRichText(manifest.course.summary),
      format: manifest.course.format,
      visibility: manifest.course.visibility,
      metadata: cleanMetadata(manifest.course.metadata),
      ...(target.stage ? { stage: target.stage } : {}),
      createdBy: target.createdBy,
    })
    .returning();
  const courseContext = await createContext(tx, 'course', course!.id, target.domainContextId);
  if (manifest.course.thumbnail) {
    // Announced as an image, but only its bytes tell: checked again once stored.
    const owner = thumbnailOwner(course!.id);
    try {
      await attach(owner, [manifest.course.thumbnail], THUMBNAIL_MAX_BYTES);
    } catch (error) {
      if (error instanceof HttpProblem && error.code === 'file_too_large')
        throw invalid([thumbnailRefused()]);
      throw error;
    }
    const [link] = await files.listLinks(tx, owner);
    if (!link || !THUMBNAIL_TYPES.has(link.mime)) throw invalid([thumbnailRefused()]);
  }
  await attach({ type: 'course', id: course!.id }, manifest.files);
  const ids: string[][] = [];
  for (const [s, section] of manifest.sections.entries()) {
    ids[s] = [];
    const [sectionRow] = await tx
      .insert(sections)
      .values({
        courseId: course!.id,
        position: s,
        title: sanitizePlainText(section.title, 255),
        description: sanitizeRichText(section.description),
        visibility: section.visibility,
      })
      .returning();
    for (const [a, activity] of section.activities.entries()) {
      const [row] = await tx
        .insert(activities)
        .values({
          courseId: course!.id,
          sectionId: sectionRow!.id,
          position: a,
          kind: activity.kind,
          title: sanitizePlainText(activity.title, 255),
          settings: settings[s]![a]!,
          visibility: activity.visibility,
          availableFrom: activity.availableFrom ? new Date(activity.availableFrom) : null,
          ...(activity.completion && { completion: activity.completion }),
        })
        .returning();
      ids[s]![a] = row!.id;
      await createContext(tx, 'activity', row!.id, courseContext.id);
      await attach({ type: 'activity', id: row!.id }, activity.files);
      if (activity.kindData) {
        // Only what the kind's export announced: those files were checked with the rest of the archive.
        const announced = new Map(activity.kindData.files.map((f) => [f.sha256, f]));
        const linkFile = (ref: ArchiveFileRef, owner: Owner, options: { position?: number } = {}) => {
          const f = announced.get(ref.sha256);
          if (!f)
            throw invalid([
              {
                path: `manifest.sections.${s}.activities.${a}.kindData`,
                message: 'errors.archive.kindData',
              },
            ]);
          return attachOne(owner, f, options.position ?? 0);
        };
        await importActivityData({ tx, files, now, linkFile }, row!, activity.kindData.data);
      }
    }
  }
  const chosen = manifest.course.completionCriteria?.activities;
  if (chosen && chosen !== 'all')
    await tx
      .update(courses)
      .set({ completionCriteria: { activities: chosen.map((p) => ids[p.section]![p.activity]!) } })
      .where(eq(courses.id, course!.id));
  return course!;
}

/** How many leading bytes tell a file's type (as the store keeps them). */
const PEEK_BYTES = 64 * 1024;

/**
 * Reads every file the manifest uses once before anything is written, so that a refusal leaves no blob
 * behind: each must hash to its name, fit the platform's limit, and the thumbnail must really be an image
 * small enough. Files the manifest names but the archive lacks were reported by `checkManifest`.
 */
async function checkContents(
  zip: yauzl.ZipFile,
  entries: Map<string, Entry>,
  manifest: Manifest,
  maxBytes: number,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const thumbnail = manifest.course.thumbnail;
  for (const sha of referencedBlobs(manifest)) {
    const entry = entries.get(`files/${sha}`);
    if (!entry) continue;
    if (entry.uncompressedSize > maxBytes) throw fileTooLarge();
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let kept = 0;
    try {
      for await (const chunk of await readEntry(zip, entry)) {
        hash.update(chunk as Buffer);
        if (kept < PEEK_BYTES) {
          const part = (chunk as Buffer).subarray(0, PEEK_BYTES - kept);
          head.push(part);
          kept += part.length;
        }
      }
    } catch {
      // A corrupt entry (bad deflate data, a size that lies): reported like a broken archive.
      errors.push({ path: `files/${sha}`, message: 'errors.archive.damagedFile' });
      continue;
    }
    if (hash.digest('hex') !== sha) {
      errors.push({ path: `files/${sha}`, message: 'errors.archive.hashMismatch' });
      continue;
    }
    if (
      thumbnail?.sha256 === sha &&
      (entry.uncompressedSize > THUMBNAIL_MAX_BYTES ||
        !THUMBNAIL_TYPES.has(await detectMime(Buffer.concat(head), thumbnail.filename, thumbnail.mime)))
    )
      errors.push(thumbnailRefused());
  }
  return errors;
}

export type ImportTarget = {
  domainId: string;
  domainContextId: number;
  createdBy: string | null;
  stage?: Stage;
  /** When the import is made (the kinds' hooks are told). */
  now: Date;
};

/**
 * Imports an archive as a new course of the target domain. Everything is checked before anything is
 * written; the writes are one transaction. Returns the new course.
 */
export async function importArchive(tx: Tx, files: Files, upload: Readable, target: ImportTarget) {
  const { file, cleanup } = await spool(upload, files.maxBytes);
  let zip: yauzl.ZipFile | undefined;
  try {
    try {
      zip = await openZip(file);
    } catch {
      throw invalid([{ path: 'archive', message: 'errors.archive.unreadable' }]);
    }
    const entries = await listEntries(zip, Math.max(files.maxBytes * 10, 1024 * 1024 * 1024));
    zip = await openZip(file);
    const manifest = await readManifest(zip, entries);

    const { errors, settings } = await checkManifest(
      tx,
      manifest,
      new Set([...entries.keys()].filter((n) => n.startsWith('files/')).map((n) => n.slice(6))),
    );
    const referenced = referencedBlobs(manifest);
    for (const name of entries.keys()) {
      if (name !== 'manifest.json' && !(name.startsWith('files/') && referenced.has(name.slice(6)))) {
        errors.push({ path: name, message: 'errors.archive.unexpectedEntry' });
      }
    }
    if (!errors.length) errors.push(...(await checkContents(zip, entries, manifest, files.maxBytes)));
    if (errors.length) throw invalid(errors);
    return await createFromManifest(tx, files, manifest, settings, target, (sha) =>
      readEntry(zip!, entries.get(`files/${sha}`)!),
    );
  } finally {
    zip?.close();
    await cleanup();
  }
}

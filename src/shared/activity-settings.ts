/**
 * The settings of each activity kind: the zod schemas the server validates on create, update and archive
 * import (through each kind's `defineActivity`), and the types the web's views and editors read, so that
 * both sides agree on one shape. Server-only cleaning (rich text through the allow-list, the video-host
 * allow-list) stays with the kind on the server.
 */
import { z } from 'zod';
import { HttpUrl, MAX_URL_LENGTH, safeHttpUrl } from './urls.ts';

/** A page of rich text written in the editor (sanitised HTML). */
export const PageSettings = z.object({ content: z.string().max(500_000) });
export type PageSettings = z.infer<typeof PageSettings>;

/** The educational labels of Magistère: short framed texts that structure a course page. */
export const LABEL_STYLES = [
  'objective',
  'instruction',
  'key_point',
  'remember',
  'resource',
  'warning',
] as const;
export type LabelStyle = (typeof LABEL_STYLES)[number];
export const LabelSettings = z.object({ style: z.enum(LABEL_STYLES), content: z.string().max(100_000) });
export type LabelSettings = z.infer<typeof LabelSettings>;

/** A link to a resource elsewhere on the web; only http(s) addresses pass. */
export const UrlSettings = z.object({ url: HttpUrl, newWindow: z.boolean().default(true) });
export type UrlSettings = z.infer<typeof UrlSettings>;

/** A file to download: the name shown instead of the file's own, if any. */
export const FileSettings = z.object({ displayName: z.string().trim().max(255).optional() });
export type FileSettings = z.infer<typeof FileSettings>;

/** A folder of files: everything it holds is its files. */
export const FolderSettings = z.object({});
export type FolderSettings = z.infer<typeof FolderSettings>;

/**
 * Deposit space: who sees whose deposits (`all`: every participant sees every deposit; `separate`: only
 * those of the people who share one of her groups, as Moodle's separate groups), how many files a deposit
 * holds and how large each may be (never more than the platform's upload limit), and whether deposits take
 * comments.
 */
export const DEPOSIT_GROUP_MODES = ['all', 'separate'] as const;
export type DepositGroupMode = (typeof DEPOSIT_GROUP_MODES)[number];
export const DepositSettings = z.object({
  instructions: z.string().max(100_000).default(''),
  groupMode: z.enum(DEPOSIT_GROUP_MODES, { error: 'errors.depositGroupMode' }).default('all'),
  maxFiles: z
    .number({ error: 'errors.depositMaxFiles' })
    .int({ error: 'errors.depositMaxFiles' })
    .min(1, { error: 'errors.depositMaxFiles' })
    .max(20, { error: 'errors.depositMaxFiles' })
    .default(5),
  maxFileMb: z
    .number({ error: 'errors.depositMaxFileMb' })
    .int({ error: 'errors.depositMaxFileMb' })
    .min(1, { error: 'errors.depositMaxFileMb' })
    .max(2048, { error: 'errors.depositMaxFileMb' })
    .default(20),
  comments: z.boolean().default(true),
});
export type DepositSettings = z.infer<typeof DepositSettings>;

/**
 * The player address of a video page: PeerTube (`/w/<id>`, `/videos/watch/<id>` → `/videos/embed/<id>`)
 * or Pod (`/video/<slug>/` → the same with `?is_iframe=true`). `null` when the address is neither.
 */
export function videoEmbedUrl(href: string): string | null {
  const url = new URL(href);
  const peertube = url.pathname.match(/^\/(?:w|videos\/watch|videos\/embed)\/([A-Za-z0-9-]+)\/?$/);
  if (peertube) {
    const start = url.searchParams.get('start');
    const query = start && /^[\w.]{1,20}$/.test(start) ? `?start=${start}` : '';
    return `${url.origin}/videos/embed/${peertube[1]}${query}`;
  }
  const pod = url.pathname.match(/^\/video\/([\w-]+)\/?$/);
  if (pod) return `${url.origin}/video/${pod[1]}/?is_iframe=true`;
  return null;
}

/** A video page address: https, on PeerTube or Pod; normalised. The allowed hosts are checked apart. */
const VideoPageUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .superRefine((value, ctx) => {
    const href = safeHttpUrl(value);
    const message = !href
      ? 'errors.unsafeUrl'
      : !href.startsWith('https:')
        ? 'errors.videoHttpsRequired'
        : !videoEmbedUrl(href)
          ? 'errors.videoUrlUnrecognised'
          : undefined;
    if (message) ctx.addIssue({ code: 'custom', message });
  })
  .overwrite((value) => safeHttpUrl(value) ?? value);

/**
 * A video embedded from an allowed host (PeerTube, Pod…) — `embedUrl`, the address of its player, is the
 * server's: whatever comes in is replaced — or a video file uploaded to the activity.
 */
export const VideoSettings = z.discriminatedUnion('source', [
  z.object({ source: z.literal('embed'), url: VideoPageUrl, embedUrl: z.string().optional() }),
  z.object({ source: z.literal('upload') }),
]);
export type VideoSettings = z.infer<typeof VideoSettings>;

/** The settings of each kind the platform ships, by kind name: `ActivitySettings['video']`. */
export type ActivitySettings = {
  page: PageSettings;
  label: LabelSettings;
  url: UrlSettings;
  file: FileSettings;
  folder: FolderSettings;
  video: VideoSettings;
  deposit: DepositSettings;
};

/**
 * The files of the activity kinds (file, folder, video) and the images of rich text: uploads, and the
 * addresses the browser downloads or plays them from.
 */
import { useQuery } from '@tanstack/react-query';
import { ApiError, get, multipart, path, send } from './client.ts';

export type { FileInfo, FolderFile } from '../../shared/api.ts';

export const activityFileKeys = {
  file: (activityId: string) => ['activities', activityId, 'file'] as const,
  folder: (activityId: string) => ['activities', activityId, 'folder'] as const,
};

// — File —

/** The file's address; `?inline=1` opens it in the browser rather than downloading it. */
export const activityFileUrl = (activityId: string) => path`/api/activities/${activityId}/file`;

/** The activity's file, or `null` when none has been uploaded yet. */
export function useActivityFile(activityId: string) {
  return useQuery({
    queryKey: activityFileKeys.file(activityId),
    queryFn: async () => {
      try {
        return await get(path`/api/activities/${activityId}/file/info`, (c) => c.api.FileInfo);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export const uploadActivityFile = (activityId: string, file: File) =>
  send('PUT', activityFileUrl(activityId), { body: multipart([file]), answer: (c) => c.api.FileInfo });

// — Folder —

const folder = (activityId: string) => path`/api/activities/${activityId}/folder`;
/** One file of the folder, to download. */
export const folderFileUrl = (activityId: string, fileId: string) =>
  path`/api/activities/${activityId}/folder/${fileId}`;
/** All the folder's files as one zip, to download. */
export const folderZipUrl = (activityId: string) => path`/api/activities/${activityId}/folder.zip`;

export function useFolder(activityId: string) {
  return useQuery({
    queryKey: activityFileKeys.folder(activityId),
    queryFn: () => get(folder(activityId), (c) => c.z.array(c.api.FolderFile)),
  });
}

/** Adds files to the folder; the answer lists those added. */
export const addFolderFiles = (activityId: string, files: File[]) =>
  send('POST', folder(activityId), { body: multipart(files), answer: (c) => c.z.array(c.api.FolderFile) });

export const removeFolderFile = (activityId: string, fileId: string) =>
  send('DELETE', folderFileUrl(activityId, fileId));

// — Video —

/** The uploaded video's address, for the player. */
export const activityVideoUrl = (activityId: string) => path`/api/activities/${activityId}/video`;

export const uploadActivityVideo = (activityId: string, file: File) =>
  send('PUT', activityVideoUrl(activityId), { body: multipart([file]), answer: (c) => c.api.FileInfo });

// — Images of rich text —

/** An image for a course's rich text; the answer's `url` goes into the `src` of an `<img>`. */
export const uploadCourseImage = (courseId: string, image: File) =>
  send('POST', path`/api/courses/${courseId}/images`, {
    body: multipart([image]),
    answer: (c) => c.api.ImageUploaded,
  });

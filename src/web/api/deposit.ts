/** The deposit space of an activity: its deposits, one's own, comments and moderation. */
import { useQuery } from '@tanstack/react-query';
import { get, ifMatch, multipart, path, send } from './client.ts';

export type { DepositComment, DepositEntry, DepositSpace } from '../../shared/deposit.ts';

export const depositKeys = { space: (activityId: string) => ['activities', activityId, 'deposit'] as const };

const base = (activityId: string) => path`/api/activities/${activityId}/deposit`;

export function useDepositSpace(activityId: string) {
  return useQuery({
    queryKey: depositKeys.space(activityId),
    queryFn: () => get(base(activityId), (c) => c.deposit.DepositSpace),
  });
}

/** Saves one's description; `version` is that of the deposit edited (none for a new one). */
export const saveDeposit = (activityId: string, description: string, version?: number) =>
  send('PUT', base(activityId), {
    body: { description },
    ...(version === undefined ? {} : { headers: ifMatch(version) }),
    answer: (c) => c.deposit.DepositEntry,
  });

export const addDepositFiles = (activityId: string, files: File[]) =>
  send('POST', `${base(activityId)}/files`, {
    body: multipart(files),
    answer: (c) => c.deposit.DepositEntry,
  });

export const removeDepositFile = (activityId: string, fileId: string) =>
  send('DELETE', `${base(activityId)}/files/${encodeURIComponent(fileId)}`);

export const withdrawDeposit = (activityId: string, version: number) =>
  send('DELETE', base(activityId), { headers: ifMatch(version) });

/** A file of a deposit, to download. */
export const depositFileUrl = (activityId: string, fileId: string) =>
  path`/api/activities/${activityId}/deposit/files/${fileId}`;

/** Every deposit's files as one zip (trainers). */
export const depositZipUrl = (activityId: string) => path`/api/activities/${activityId}/deposit.zip`;

export const commentDeposit = (activityId: string, entryId: string, body: string) =>
  send('POST', `${base(activityId)}/entries/${encodeURIComponent(entryId)}/comments`, {
    body: { body },
    answer: (c) => c.deposit.DepositComment,
  });

export const moderateDeposit = (activityId: string, entryId: string, hidden: boolean) =>
  send('PATCH', `${base(activityId)}/entries/${encodeURIComponent(entryId)}`, { body: { hidden } });

export const deleteDeposit = (activityId: string, entryId: string) =>
  send('DELETE', `${base(activityId)}/entries/${encodeURIComponent(entryId)}`);

export const moderateComment = (activityId: string, commentId: string, hidden: boolean) =>
  send('PATCH', `${base(activityId)}/comments/${encodeURIComponent(commentId)}`, { body: { hidden } });

export const deleteComment = (activityId: string, commentId: string) =>
  send('DELETE', `${base(activityId)}/comments/${encodeURIComponent(commentId)}`);

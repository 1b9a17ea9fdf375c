/** The internal mail: folders, messages, drafts, labels, recipients, the unread counter. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DraftBody, DraftUpdateBody, MessagingFolder } from '../../shared/messaging.ts';
import { takeBootHeader } from './boot.ts';
import { get, multipart, path, send } from './client.ts';

export type {
  Conversation,
  Draft,
  Message,
  MessageLabel,
  MessageSummary,
  MessagingFolder,
  RecipientOptions,
  RecipientSpec,
} from '../../shared/messaging.ts';

export const messagingKeys = {
  all: ['messaging'] as const,
  list: (query: object) => ['messaging', 'list', query] as const,
  message: (id: string) => ['messaging', 'message', id] as const,
  conversation: (id: string) => ['messaging', 'conversation', id] as const,
  unread: ['messaging', 'unread'] as const,
  labels: ['messaging', 'labels'] as const,
  recipients: ['messaging', 'recipients'] as const,
};

export type ListQuery = {
  folder: MessagingFolder;
  courseId?: string | undefined;
  labelId?: string | undefined;
  q?: string | undefined;
  before?: string | undefined;
};

export function useMessages(query: ListQuery) {
  return useQuery({
    queryKey: messagingKeys.list(query),
    queryFn: () => get('/api/messaging/messages', (c) => c.messaging.MessageList, query),
    placeholderData: keepPreviousData,
  });
}

/** The header's counter: asked again on each live `messaging.unread_changed` (HeaderTools), and every five minutes in case the socket is down. */
export function useUnread(enabled: boolean) {
  return useQuery({
    queryKey: messagingKeys.unread,
    queryFn: async () =>
      takeBootHeader('messages') ?? get('/api/messaging/unread', (c) => c.messaging.UnreadCounts),
    enabled,
    refetchInterval: 300_000,
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: messagingKeys.conversation(id),
    queryFn: () => get(path`/api/messaging/messages/${id}/conversation`, (c) => c.messaging.Conversation),
    retry: false,
  });
}

export const fetchMessage = (id: string) =>
  get(path`/api/messaging/messages/${id}`, (c) => c.messaging.Draft);

export function useLabels() {
  return useQuery({
    queryKey: messagingKeys.labels,
    queryFn: () => get('/api/messaging/labels', (c) => c.z.array(c.messaging.MessageLabel)),
  });
}

export function useRecipientOptions() {
  return useQuery({
    queryKey: messagingKeys.recipients,
    queryFn: () => get('/api/messaging/recipients', (c) => c.messaging.RecipientOptions),
  });
}

export const searchPeople = (courseId: string, q: string) =>
  get('/api/messaging/people', (c) => c.messaging.PeopleList, { courseId, q });

export const setFlags = (id: string, flags: { read?: boolean; starred?: boolean; trashed?: boolean }) =>
  send('PATCH', path`/api/messaging/messages/${id}`, { body: flags });

export const deleteForever = (id: string) => send('DELETE', path`/api/messaging/messages/${id}`);

export const readConversation = (id: string) => send('POST', path`/api/messaging/conversations/${id}/read`);

export const createDraft = (body: z.input<typeof DraftBody>) =>
  send('POST', '/api/messaging/drafts', {
    body,
    answer: (c) => c.z.object({ id: c.z.uuid(), version: c.z.number() }),
  });

export const saveDraft = (id: string, body: z.input<typeof DraftUpdateBody>) =>
  send('PUT', path`/api/messaging/drafts/${id}`, {
    body,
    answer: (c) => c.z.object({ id: c.z.uuid(), version: c.z.number() }),
  });

export const deleteDraft = (id: string) => send('DELETE', path`/api/messaging/drafts/${id}`);

export const sendDraft = (id: string, version: number) =>
  send('POST', path`/api/messaging/drafts/${id}/send`, {
    body: { version },
    answer: (c) => c.messaging.SendResult,
  });

export const attach = (id: string, files: File[]) =>
  send('POST', path`/api/messaging/drafts/${id}/attachments`, {
    body: multipart(files),
    answer: (c) => c.z.array(c.messaging.Attachment),
  });

export const detach = (id: string, linkId: string) =>
  send('DELETE', path`/api/messaging/drafts/${id}/attachments/${linkId}`);

export const createLabel = (body: { name: string; colour: string }) =>
  send('POST', '/api/messaging/labels', { body, answer: (c) => c.messaging.MessageLabel });

export const labelConversation = (labelId: string, conversationId: string) =>
  send('PUT', path`/api/messaging/labels/${labelId}/conversations`, { body: { conversationId } });

export const unlabelConversation = (labelId: string, conversationId: string) =>
  send('DELETE', path`/api/messaging/labels/${labelId}/conversations/${conversationId}`);

export const attachmentUrl = (messageId: string, linkId: string) =>
  path`/api/messaging/messages/${messageId}/attachments/${linkId}`;

export function usePreferences() {
  return useQuery({
    queryKey: ['messaging', 'preferences'],
    queryFn: () => get('/api/messaging/preferences', (c) => c.messaging.MessagingPreferences),
  });
}

export const setPreferences = (body: { emailCopy: boolean }) =>
  send('PUT', '/api/messaging/preferences', { body, answer: (c) => c.messaging.MessagingPreferences });

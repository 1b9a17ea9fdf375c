/** The course life cycle: its stage and moves, indexation, sessions, templates, the trash. */
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnnounceBody,
  CourseMetadata,
  CreateSessionBody,
  FromTemplateBody,
  OpenSessionBody,
  SessionSettings,
} from '../../shared/lifecycle.ts';
import { get, ifMatch, path, send } from './client.ts';
import { partOfCourseView } from './course-view.ts';
import { courseKeys } from './courses.ts';

export type { Session, SessionPractical, Workflow } from '../../shared/lifecycle.ts';

export const workflowKeys = {
  workflow: (id: string) => ['workflow', id] as const,
  practical: (id: string) => ['course-practical', id] as const,
  templates: (domainId?: string) => ['templates', domainId ?? 'all'] as const,
  trash: ['trash'] as const,
};

export function useWorkflow(id: string) {
  return useQuery({
    queryKey: workflowKeys.workflow(id),
    queryFn: () => get(path`/api/courses/${id}/workflow`, (c) => c.lifecycle.Workflow),
  });
}

/**
 * The moves that need no form, one route each: make or unmake a template, archive or reopen a session,
 * put in or take out of the trash. The answer is the course at its new stage.
 */
const MOVES = {
  make_template: ['POST', 'template'],
  unmake_template: ['DELETE', 'template'],
  archive: ['POST', 'archive'],
  reopen: ['DELETE', 'archive'],
  trash: ['POST', 'trash'],
  restore: ['DELETE', 'trash'],
} as const;
export type SimpleMove = keyof typeof MOVES;
export const isSimpleMove = (transition: string): transition is SimpleMove => transition in MOVES;

export function moveCourse(id: string, move: SimpleMove) {
  const [method, route] = MOVES[move];
  return send(method, path`/api/courses/${id}/${route}`, { answer: (c) => c.api.Course });
}

/** Saves the indexation edited at `version` (the course's `metadataVersion`). */
export const saveMetadata = (id: string, body: z.input<typeof CourseMetadata>, version: number) =>
  send('PUT', path`/api/courses/${id}/metadata`, {
    body,
    headers: ifMatch(version),
    answer: (c) => c.api.Course,
  });

export const createSession = (id: string, body: z.input<typeof CreateSessionBody>) =>
  send('POST', path`/api/courses/${id}/sessions`, { body, answer: (c) => c.api.Course });

export const saveSession = (id: string, body: Partial<z.input<typeof SessionSettings>>) =>
  send('PUT', path`/api/courses/${id}/session`, { body, answer: (c) => c.lifecycle.Session });

/** A session's practical information, for whoever may open it. */
export function useSessionPractical(id: string, enabled: boolean) {
  return useQuery({
    queryKey: workflowKeys.practical(id),
    queryFn: (query) =>
      partOfCourseView(query, id, 'practical', () =>
        get(path`/api/courses/${id}/practical`, (c) => c.lifecycle.SessionPractical),
      ),
    enabled,
  });
}

export const openSession = (id: string, body: z.input<typeof OpenSessionBody>) =>
  send('POST', path`/api/courses/${id}/open`, { body, answer: (c) => c.api.Course });

export const announceSession = (id: string, body: z.input<typeof AnnounceBody>) =>
  send('POST', path`/api/courses/${id}/announce`, { body, answer: (c) => c.lifecycle.AnnounceResult });

export function useTemplates(domainId?: string, enabled = true) {
  return useQuery({
    queryKey: workflowKeys.templates(domainId),
    queryFn: () => get('/api/templates', (c) => c.z.array(c.api.Course), { domainId }),
    enabled,
  });
}

export const createFromTemplate = (templateId: string, body: z.input<typeof FromTemplateBody>) =>
  send('POST', path`/api/courses/${templateId}/from-template`, { body, answer: (c) => c.api.Course });

export function useTrash() {
  return useQuery({
    queryKey: workflowKeys.trash,
    queryFn: () => get('/api/trash', (c) => c.z.array(c.api.Course)),
  });
}

/** After a stage change: the course, its workflow, the lists it appears in. */
export async function refreshLifecycle(queryClient: QueryClient, id: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: workflowKeys.workflow(id) }),
    queryClient.invalidateQueries({ queryKey: courseKeys.page(id) }),
    queryClient.invalidateQueries({ queryKey: courseKeys.lists }),
    queryClient.invalidateQueries({ queryKey: workflowKeys.trash }),
  ]);
}

/** The follow-up of a session: the grid and its exports, saved filters, messages, reminders, participation. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ExportFormat,
  FollowupCriteria,
  FollowupMessageBody,
  FollowupReminderBody,
  ReminderBody,
} from '../../shared/followup.ts';
import { get, path, send } from './client.ts';

export type { Attendance, FollowupGrid, Reminder, SavedFilter } from '../../shared/followup.ts';

export const followupKeys = {
  grid: (courseId: string) => ['followup', courseId, 'grid'] as const,
  savedFilters: (courseId: string) => ['followup', courseId, 'saved-filters'] as const,
  reminders: (courseId: string) => ['followup', courseId, 'reminders'] as const,
  attendance: (courseId: string) => ['followup', courseId, 'attendance'] as const,
};

/** Rows of the grid per page. */
export const PAGE_SIZE = 100;
const course = (id: string) => path`/api/courses/${id}`;

/** One page of the grid; `view` holds the criteria, order and page as the server's query reads them. */
export function useFollowupGrid(courseId: string, view: URLSearchParams) {
  const params = new URLSearchParams(view);
  params.set('pageSize', String(PAGE_SIZE));
  return useQuery({
    queryKey: [...followupKeys.grid(courseId), params.toString()],
    queryFn: () => get(`${course(courseId)}/followup`, (c) => c.followup.FollowupGrid, params),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The address of the filtered grid's export (a plain link: the browser downloads it). */
export function exportUrl(courseId: string, view: URLSearchParams, format: ExportFormat): string {
  const params = new URLSearchParams(view);
  params.set('format', format);
  return `${course(courseId)}/followup/export?${params.toString()}`;
}

export function attendanceExportUrl(courseId: string, format: ExportFormat): string {
  return `${course(courseId)}/attendance/export?format=${format}`;
}

// — Saved filters —

export function useSavedFilters(courseId: string) {
  return useQuery({
    queryKey: followupKeys.savedFilters(courseId),
    queryFn: () => get(`${course(courseId)}/saved-filters`, (c) => c.z.array(c.followup.SavedFilter)),
    retry: false,
  });
}

export const saveFilter = (courseId: string, name: string, criteria: FollowupCriteria) =>
  send('POST', `${course(courseId)}/saved-filters`, {
    body: { name, criteria },
    answer: (c) => c.followup.SavedFilter,
  });

export const deleteSavedFilter = (id: string) => send('DELETE', path`/api/saved-filters/${id}`);

// — Messages and reminders —

/** Writes to the people the criteria find; the answer says how many. */
export const messageParticipants = (courseId: string, body: z.input<typeof FollowupMessageBody>) =>
  send('POST', `${course(courseId)}/followup/message`, {
    body,
    answer: (c) => c.followup.FollowupMessageResult,
  });

/** Reminds, now, the people the criteria find. */
export const remindParticipants = (courseId: string, body: z.input<typeof FollowupReminderBody>) =>
  send('POST', `${course(courseId)}/followup/reminder`, { body, answer: (c) => c.followup.Reminder });

export function useReminders(courseId: string) {
  return useQuery({
    queryKey: followupKeys.reminders(courseId),
    queryFn: () => get(`${course(courseId)}/reminders`, (c) => c.z.array(c.followup.Reminder)),
    retry: false,
  });
}

export const createReminder = (courseId: string, body: z.input<typeof ReminderBody>) =>
  send('POST', `${course(courseId)}/reminders`, { body, answer: (c) => c.followup.Reminder });

export const deleteReminder = (id: string) => send('DELETE', path`/api/reminders/${id}`);

export const sendReminderNow = (id: string) =>
  send('POST', path`/api/reminders/${id}/send`, { answer: (c) => c.followup.Reminder });

// — Participation —

export function useAttendance(courseId: string) {
  return useQuery({
    queryKey: followupKeys.attendance(courseId),
    queryFn: () => get(`${course(courseId)}/attendance`, (c) => c.followup.Attendance),
    retry: false,
  });
}

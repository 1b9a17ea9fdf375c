/** The follow-up's requests: the grid, saved filters, reminders and the participation list. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type Attendance,
  criteriaToQuery,
  type ExportFormat,
  type FollowupCriteria,
  type FollowupGrid,
  type FollowupSort,
  type Reminder,
  type SavedFilter,
} from '../../../shared/followup.ts';
import { api } from '../../api/client.ts';

export const followupKeys = {
  grid: (courseId: string) => ['followup', courseId, 'grid'] as const,
  savedFilters: (courseId: string) => ['followup', courseId, 'saved-filters'] as const,
  reminders: (courseId: string) => ['followup', courseId, 'reminders'] as const,
  attendance: (courseId: string) => ['followup', courseId, 'attendance'] as const,
};

export type GridView = {
  criteria: FollowupCriteria;
  sort: FollowupSort;
  order: 'asc' | 'desc';
  page: number;
};

export const PAGE_SIZE = 100;
const base = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}`;

/** The grid's query string for a view (criteria, order, page). */
export function viewQuery(view: GridView, withPage = true): URLSearchParams {
  const params = criteriaToQuery(view.criteria);
  if (view.sort !== 'name') params.set('sort', view.sort);
  if (view.order !== 'asc') params.set('order', view.order);
  if (withPage && view.page > 1) params.set('page', String(view.page));
  return params;
}

export function useFollowupGrid(courseId: string, view: GridView) {
  const params = viewQuery(view);
  params.set('pageSize', String(PAGE_SIZE));
  return useQuery({
    queryKey: [...followupKeys.grid(courseId), params.toString()],
    queryFn: () => api.get<FollowupGrid>(`${base(courseId)}/followup?${params.toString()}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The address of the filtered grid's export (a plain link: the browser downloads it). */
export function exportUrl(courseId: string, view: GridView, format: ExportFormat): string {
  const params = viewQuery(view, false);
  params.set('format', format);
  return `${base(courseId)}/followup/export?${params.toString()}`;
}

export function attendanceExportUrl(courseId: string, format: ExportFormat): string {
  return `${base(courseId)}/attendance/export?format=${format}`;
}

export function useSavedFilters(courseId: string) {
  return useQuery({
    queryKey: followupKeys.savedFilters(courseId),
    queryFn: () => api.get<SavedFilter[]>(`${base(courseId)}/saved-filters`),
    retry: false,
  });
}

export const saveFilter = (courseId: string, name: string, criteria: FollowupCriteria) =>
  api.post<SavedFilter>(`${base(courseId)}/saved-filters`, { name, criteria });
export const deleteSavedFilter = (id: string) => api.delete(`/api/saved-filters/${encodeURIComponent(id)}`);

export const messageParticipants = (
  courseId: string,
  body: { criteria: FollowupCriteria; subject: string; body: string },
) => api.post<{ recipients: number }>(`${base(courseId)}/followup/message`, body);

export const remindParticipants = (
  courseId: string,
  body: { criteria: FollowupCriteria; subject: string; body: string },
) => api.post<Reminder>(`${base(courseId)}/followup/reminder`, body);

export function useReminders(courseId: string) {
  return useQuery({
    queryKey: followupKeys.reminders(courseId),
    queryFn: () => api.get<Reminder[]>(`${base(courseId)}/reminders`),
    retry: false,
  });
}

export const createReminder = (courseId: string, body: unknown) =>
  api.post<Reminder>(`${base(courseId)}/reminders`, body);
export const deleteReminder = (id: string) => api.delete(`/api/reminders/${encodeURIComponent(id)}`);
export const sendReminderNow = (id: string) =>
  api.post<Reminder>(`/api/reminders/${encodeURIComponent(id)}/send`);

export function useAttendance(courseId: string) {
  return useQuery({
    queryKey: followupKeys.attendance(courseId),
    queryFn: () => api.get<Attendance>(`${base(courseId)}/attendance`),
    retry: false,
  });
}

/** The platform's sent mail, for administrators: the list, and one mail with its text. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MailMessage as MailMessageSchema } from '../../shared/api.ts';
import { get, path } from './client.ts';

export type MailMessage = z.infer<typeof MailMessageSchema>;

export const mailKeys = { all: ['mail'] as const };

export function useMailList(page: number) {
  return useQuery({
    queryKey: [...mailKeys.all, 'list', page],
    queryFn: () => get('/api/admin/mail', (c) => c.api.Page(c.api.MailMessage), { page }),
    placeholderData: keepPreviousData,
  });
}

export function useMail(id: string) {
  return useQuery({
    queryKey: [...mailKeys.all, id],
    queryFn: () => get(path`/api/admin/mail/${id}`, (c) => c.api.MailDetail),
  });
}

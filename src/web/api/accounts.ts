/** Accounts: signing in and out, passwords, one's own profile, and the administration of users. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  LoginBody,
  PasswordChangeBody,
  PasswordResetBody,
  ProfileFields,
  User,
  UserCreateBody,
  UserUpdateBody,
} from '../../shared/api.ts';
import { get, path, send } from './client.ts';

export type { Me, User } from '../../shared/api.ts';
export type UserStatus = User['status'];

export const accountKeys = {
  me: ['me'] as const,
  users: ['users'] as const,
  user: (id: string) => ['users', id] as const,
};

// — Signing in and out, passwords —

export const getMe = () => get('/api/me', (c) => c.api.Me);

export const login = (body: z.input<typeof LoginBody>) =>
  send('POST', '/api/auth/login', { body, answer: (c) => c.api.Me });

export const logout = () => send('POST', '/api/auth/logout');

export const requestPasswordReset = (email: string) =>
  send('POST', '/api/auth/password-reset/request', { body: { email } });

/** Whether a reset link can still be used: it fails (400) when used, expired or unknown. */
export const checkPasswordToken = (token: string) =>
  send('POST', '/api/auth/password-reset/check', { body: { token } });

export const resetPassword = (body: z.input<typeof PasswordResetBody>) =>
  send('POST', '/api/auth/password-reset', { body });

// — One's own account —

export const updateProfile = (body: Partial<z.input<typeof ProfileFields>>) =>
  send('PATCH', '/api/me', { body, answer: (c) => c.api.Me });

export const changePassword = (body: z.input<typeof PasswordChangeBody>) =>
  send('POST', '/api/me/password', { body });

// — Users —

export type UserListParams = {
  q?: string;
  domainId?: string;
  status?: UserStatus;
  page: number;
  pageSize: number;
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...accountKeys.users, 'list', params],
    queryFn: () => get('/api/users', (c) => c.api.Page(c.api.User), params),
    placeholderData: keepPreviousData,
  });
}

export const getUser = (id: string) => get(path`/api/users/${id}`, (c) => c.api.User);

export function useUser(id: string, enabled = true) {
  return useQuery({ queryKey: accountKeys.user(id), queryFn: () => getUser(id), enabled });
}

export const createUser = (body: z.input<typeof UserCreateBody>) =>
  send('POST', '/api/users', { body, answer: (c) => c.api.User });

export const updateUser = (id: string, body: z.input<typeof UserUpdateBody>) =>
  send('PATCH', path`/api/users/${id}`, { body, answer: (c) => c.api.User });

export const setUserStatus = (id: string, action: 'suspend' | 'reactivate') =>
  send('POST', path`/api/users/${id}/${action}`, { answer: (c) => c.api.User });

export const deleteUser = (id: string) => send('DELETE', path`/api/users/${id}`);

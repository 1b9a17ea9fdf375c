import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LoginBody,
  Me,
  Page,
  PasswordChangeBody,
  PasswordResetBody,
  PasswordResetRequestBody,
  PasswordTokenBody,
  ProfileFields,
  User,
  UserCreateBody,
  UserListQuery,
  UserUpdateBody,
  Uuid,
} from '../../../shared/api.ts';
import { authenticate } from '../../platform/auth/sessions.ts';
import { actorOf, SESSION_COOKIE } from '../../platform/http/guard.ts';
import { problems } from '../../platform/http/problem.ts';
import {
  type AuthDeps,
  changePassword,
  checkPasswordToken,
  login,
  requestPasswordReset,
  resetPassword,
} from './auth.ts';
import { meDescriber, type RolesOf } from './me.ts';
import { accountCapabilities as caps } from './policy.ts';
import {
  createUser,
  deleteUser,
  findUser,
  listUsers,
  setUserStatus,
  toUser,
  updateProfile,
  updateUser,
  userContextId,
} from './service.ts';
import { destroySession } from './sessions.ts';

const IdParams = z.object({ id: Uuid });

/**
 * What the account routes take from modules above accounts, wired by the application: the roles a person
 * holds, each named where it applies, for /api/me (the roles module's answer; accounts cannot ask it).
 */
export type AccountRoutesOptions = { rolesOf: RolesOf };

export const accountRoutes: FastifyPluginAsyncZod<AccountRoutesOptions> = async (app, { rolesOf }) => {
  const { db, mailer, config, authCache } = app.deps;
  const authDeps: AuthDeps = {
    db,
    mailer,
    publicUrl: config.publicUrl,
    session: config.session,
    maxFailures: config.loginMaxFailuresPerMinute,
    maxFailuresPerAddress: config.loginMaxFailuresPerAddressPerMinute,
  };
  const secure = config.publicUrl.startsWith('https:');
  const userContext = async (request: { params: unknown }) =>
    userContextId(db, (request.params as { id: string }).id);

  const describeMe = meDescriber({ db, authCache, rolesOf });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['authentification'], body: LoginBody, response: { 200: Me } },
    },
    async (request, reply) => {
      const session = await login(
        authDeps,
        request.body.email,
        request.body.password,
        request.origin,
        request.ctx.now,
        request.cookies[SESSION_COOKIE],
      );
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: Math.floor(config.session.absoluteMs / 1000),
      });
      const auth = await authenticate(db, session.token, config.session, authCache, request.ctx.now);
      return describeMe(auth!.actor, session.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['authentification'] } },
    async (request, reply) => {
      await destroySession(db, request.auth!.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags: ['authentification'], body: PasswordResetRequestBody },
    },
    async (request, reply) => {
      await requestPasswordReset(authDeps, request.body.email, request.origin, request.ctx.now);
      return reply.status(202).send();
    },
  );

  app.post(
    '/api/auth/password-reset/check',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['authentification'], body: PasswordTokenBody },
    },
    async (request, reply) => {
      await checkPasswordToken(db, request.body.token, request.ctx.now);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['authentification'], body: PasswordResetBody },
    },
    async (request, reply) => {
      await resetPassword(
        authDeps,
        request.body.token,
        request.body.password,
        request.origin,
        request.ctx.now,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    { config: { access: 'authenticated' }, schema: { tags: ['mon compte'], response: { 200: Me } } },
    async (request) => describeMe(actorOf(request), request.auth!.csrfToken),
  );

  app.patch(
    '/api/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['mon compte'], body: ProfileFields.partial(), response: { 200: Me } },
    },
    async (request) => {
      await updateProfile(db, actorOf(request), request.origin, request.body, request.ctx.now);
      return describeMe(actorOf(request), request.auth!.csrfToken);
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { access: 'authenticated', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['mon compte'],
        body: PasswordChangeBody,
      },
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      const { userId } = actorOf(request);
      await changePassword(
        authDeps,
        userId,
        request.auth!.sessionId,
        currentPassword,
        newPassword,
        request.origin,
        request.ctx.now,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/users',
    {
      config: { access: { capability: caps['user:view'] } },
      schema: { tags: ['utilisateurs'], querystring: UserListQuery, response: { 200: Page(User) } },
    },
    async (request) => listUsers(db, actorOf(request), request.query),
  );

  app.post(
    '/api/users',
    {
      config: { access: { capability: caps['user:manage'] } },
      schema: { tags: ['utilisateurs'], body: UserCreateBody, response: { 201: User } },
    },
    async (request, reply) => reply.status(201).send(toUser(await createUser(request.ctx, request.body))),
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: { capability: caps['user:view'], context: userContext } },
      schema: { tags: ['utilisateurs'], params: IdParams, response: { 200: User } },
    },
    async (request) => {
      const user = await findUser(db, request.params.id);
      if (!user) throw problems.notFound();
      return toUser(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: { capability: caps['user:manage'], context: userContext } },
      schema: { tags: ['utilisateurs'], params: IdParams, body: UserUpdateBody, response: { 200: User } },
    },
    async (request) => {
      return toUser(await updateUser(request.ctx, request.params.id, request.body));
    },
  );

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['reactivate', 'active'],
  ] as const) {
    app.post(
      `/api/users/:id/${action}`,
      {
        config: { access: { capability: caps['user:manage'], context: userContext } },
        schema: { tags: ['utilisateurs'], params: IdParams, response: { 200: User } },
      },
      async (request) => toUser(await setUserStatus(request.ctx, request.params.id, status)),
    );
  }

  app.delete(
    '/api/users/:id',
    {
      config: { access: { capability: caps['user:manage'], context: userContext } },
      schema: { tags: ['utilisateurs'], params: IdParams },
    },
    async (request, reply) => {
      await deleteUser(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
};

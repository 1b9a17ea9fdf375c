import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.ts';
import {
  Attendance,
  AttendanceExportQuery,
  type ExportFormat,
  FollowupExportQuery,
  FollowupGrid,
  FollowupMessageBody,
  FollowupMessageResult,
  FollowupQuery,
  FollowupReminderBody,
  Reminder,
  ReminderBody,
  ReminderUpdateBody,
  SavedFilter,
  SavedFilterBody,
  SavedFilterUpdateBody,
} from '../../../shared/followup.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import { on, viaCourse } from '../../platform/http/access.ts';
import { type Table, toCsv, toXlsx } from './exports.ts';
import { followupCapabilities as caps } from './policy.ts';
import {
  attendance,
  attendanceExport,
  courseContextId,
  createReminder,
  createSavedFilter,
  deleteReminder,
  deleteSavedFilter,
  followupExport,
  followupGrid,
  listReminders,
  listSavedFilters,
  messageFiltered,
  reminderCourse,
  remindFiltered,
  savedFilterCourse,
  sendReminderNow,
  updateReminder,
  updateSavedFilter,
} from './service.ts';
import { parisToday } from './time.ts';

const IdParams = z.object({ id: Uuid });

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const followupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const sendTable = async (
    request: FastifyRequest,
    reply: FastifyReply,
    table: Table,
    format: ExportFormat,
    name: string,
    frozenColumns: number,
  ) => {
    const file = `${name}-${parisToday(request.ctx.now)}.${format}`;
    const body = format === 'csv' ? toCsv(table) : await toXlsx(table, frozenColumns);
    return reply
      .type(MIME[format])
      .header('content-disposition', contentDisposition(file, 'attachment'))
      .header('cache-control', 'private, no-store')
      .send(body);
  };
  const tags = ['suivi'];

  app.get(
    '/api/courses/:id/followup',
    {
      config: on(caps['followup:view'], courseContextId),
      schema: { tags, params: IdParams, querystring: FollowupQuery, response: { 200: FollowupGrid } },
    },
    async (request) => followupGrid(db, request.params.id, request.query),
  );

  app.get(
    '/api/courses/:id/followup/export',
    {
      config: on(caps['followup:view'], courseContextId),
      schema: { tags, params: IdParams, querystring: FollowupExportQuery },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const { table, shortName } = await followupExport(
        request.ctx,
        request.t,
        request.params.id,
        query,
        format,
      );
      return sendTable(request, reply, table, format, `suivi-${shortName}`, 2);
    },
  );

  app.post(
    '/api/courses/:id/followup/message',
    {
      config: on(caps['followup:message'], courseContextId),
      schema: {
        tags,
        params: IdParams,
        body: FollowupMessageBody,
        response: { 200: FollowupMessageResult },
      },
    },
    async (request) => messageFiltered(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/courses/:id/followup/reminder',
    {
      config: on(caps['followup:remind'], courseContextId),
      schema: { tags, params: IdParams, body: FollowupReminderBody, response: { 201: Reminder } },
    },
    async (request, reply) =>
      reply.status(201).send(await remindFiltered(request.ctx, request.params.id, request.body)),
  );

  // — Saved filters: personal, per course —

  app.get(
    '/api/courses/:id/saved-filters',
    {
      config: on(caps['followup:view'], courseContextId),
      schema: { tags, params: IdParams, response: { 200: z.array(SavedFilter) } },
    },
    async (request) => listSavedFilters(request.ctx, request.params.id),
  );

  app.post(
    '/api/courses/:id/saved-filters',
    {
      config: on(caps['followup:view'], courseContextId),
      schema: { tags, params: IdParams, body: SavedFilterBody, response: { 201: SavedFilter } },
    },
    async (request, reply) =>
      reply.status(201).send(await createSavedFilter(request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/saved-filters/:id',
    {
      config: on(caps['followup:view'], viaCourse(savedFilterCourse)),
      schema: { tags, params: IdParams, body: SavedFilterUpdateBody, response: { 200: SavedFilter } },
    },
    async (request) => updateSavedFilter(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/saved-filters/:id',
    {
      config: on(caps['followup:view'], viaCourse(savedFilterCourse)),
      schema: { tags, params: IdParams },
    },
    async (request, reply) => {
      await deleteSavedFilter(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  // — Reminders: scheduled steps of a session —

  app.get(
    '/api/courses/:id/reminders',
    {
      config: on(caps['followup:remind'], courseContextId),
      schema: { tags, params: IdParams, response: { 200: z.array(Reminder) } },
    },
    async (request) => listReminders(db, request.params.id),
  );

  app.post(
    '/api/courses/:id/reminders',
    {
      config: on(caps['followup:remind'], courseContextId),
      schema: { tags, params: IdParams, body: ReminderBody, response: { 201: Reminder } },
    },
    async (request, reply) =>
      reply.status(201).send(await createReminder(request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/reminders/:id',
    {
      config: on(caps['followup:remind'], viaCourse(reminderCourse)),
      schema: { tags, params: IdParams, body: ReminderUpdateBody, response: { 200: Reminder } },
    },
    async (request) => updateReminder(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/reminders/:id',
    {
      config: on(caps['followup:remind'], viaCourse(reminderCourse)),
      schema: { tags, params: IdParams },
    },
    async (request, reply) => {
      await deleteReminder(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/reminders/:id/send',
    {
      config: on(caps['followup:remind'], viaCourse(reminderCourse)),
      schema: { tags, params: IdParams, response: { 200: Reminder } },
    },
    async (request) => sendReminderNow(request.ctx, request.params.id),
  );

  // — Participation —

  app.get(
    '/api/courses/:id/attendance',
    {
      config: on(caps['followup:attest'], courseContextId),
      schema: { tags, params: IdParams, response: { 200: Attendance } },
    },
    async (request) => attendance(db, request.params.id),
  );

  app.get(
    '/api/courses/:id/attendance/export',
    {
      config: on(caps['followup:attest'], courseContextId),
      schema: { tags, params: IdParams, querystring: AttendanceExportQuery },
    },
    async (request, reply) => {
      const { format } = request.query;
      const { table, shortName } = await attendanceExport(request.ctx, request.t, request.params.id, format);
      return sendTable(request, reply, table, format, `participation-${shortName}`, 2);
    },
  );
};

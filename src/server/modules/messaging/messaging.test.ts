import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, Draft, MessageList, UnreadCounts } from '../../../shared/messaging.ts';
import {
  XSS_PAYLOADS as PAYLOADS,
  richTextViolations as violations,
} from '../../platform/richtext/testing.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { BULK_THRESHOLD, DELIVER_JOB, deliverQueued } from './service.ts';

let t: TestApp;
let trainer: ApiClient;
let participant: ApiClient;
let outsider: ApiClient;
let courseId: string;
let ids: { trainer: string; participant: string; outsider: string; colleague: string };
let colleague: ApiClient;
let colleagueEmail: string;

const noDeliver = { onDelivered: async () => {}, afterDelivery: async () => {} };

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const result = await t.db.execute(query);
  return result.rows[0] as T;
}

beforeAll(async () => {
  t = await startTestApp();
  ({ id: courseId } = await one<{ id: string }>(
    sql`select id from courses where title = 'Mémoire et apprentissages — session 2026-2027'`,
  ));
  const idOf = async (email: string) =>
    (await one<{ id: string }>(sql`select id from users where email = ${email}`)).id;
  ({ email: colleagueEmail } = await one<{ email: string }>(sql`
    select u.email from users u join enrolments e on e.user_id = u.id
    where e.course_id = ${courseId} and u.email like '%.%.%@magistere.test' order by u.email limit 1`));
  ids = {
    trainer: await idOf('formateur@magistere.test'),
    participant: await idOf('participant@magistere.test'),
    outsider: await idOf('conceptrice.bordeaux@magistere.test'),
    colleague: await idOf(colleagueEmail),
  };
  trainer = await t.as('formateur@magistere.test');
  participant = await t.as('participant@magistere.test');
  outsider = await t.as('conceptrice.bordeaux@magistere.test');
  colleague = await t.as(colleagueEmail);
});

afterAll(async () => {
  await t?.close();
});

const unread = async (client: ApiClient) =>
  (await client.get('/api/messaging/unread')).json() as UnreadCounts;
const list = async (client: ApiClient, query = 'folder=inbox') =>
  (await client.get(`/api/messaging/messages?${query}`)).json() as MessageList;

describe('sending and reading', () => {
  it('the participant writes to the trainers of the session; the trainer reads and answers', async () => {
    const before = await unread(trainer);
    const sent = await participant.post('/api/messaging/messages', {
      courseId,
      subject: 'Question sur la mémoire de travail',
      body: '<p>Bonjour, où trouver les <strong>ressources</strong> du module 2 ?</p>',
      to: [{ type: 'role', role: 'trainer' }],
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ recipients: 1, status: 'delivered' });
    const { id } = sent.json();

    const after = await unread(trainer);
    expect(after.total).toBe(before.total + 1);
    // The trainer's open tabs are told on their own channel, with nothing of the message in it.
    const live = await one<{ data: unknown }>(
      sql`select data from realtime_messages where channel = ${`user:${ids.trainer}`} order by seq desc limit 1`,
    );
    expect(live.data).toEqual({ type: 'messaging.unread_changed' });
    expect(after.courses.find((c) => c.courseId === courseId)?.count).toBeGreaterThan(0);

    const inbox = await list(trainer);
    expect(inbox.items[0]).toMatchObject({ id, read: false, subject: 'Question sur la mémoire de travail' });
    expect(inbox.items[0]!.from.name).toMatch(/\S/);

    const sentBox = await list(participant, 'folder=sent');
    expect(sentBox.items[0]).toMatchObject({ id, folder: 'sent' });

    // Reading the conversation marks it read, and the counter comes down in the same transaction.
    const conversation = (
      await trainer.get(`/api/messaging/messages/${id}/conversation`)
    ).json() as Conversation;
    expect(conversation.messages).toHaveLength(1);
    expect((await trainer.post(`/api/messaging/conversations/${conversation.id}/read`)).statusCode).toBe(204);
    expect((await unread(trainer)).total).toBe(before.total);

    const reply = await trainer.post('/api/messaging/messages', {
      courseId,
      subject: 'RE : Question sur la mémoire de travail',
      body: '<p>Dans la section «&nbsp;Ressources&nbsp;».</p>',
      to: [{ type: 'user', id: ids.participant }],
      inReplyTo: id,
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().conversationId).toBe(conversation.id);
    const thread = (
      await participant.get(`/api/messaging/messages/${id}/conversation`)
    ).json() as Conversation;
    expect(thread.messages.map((m) => m.subject)).toEqual([
      'Question sur la mémoire de travail',
      'RE : Question sur la mémoire de travail',
    ]);
  });

  it('finds messages by French full-text search, accents and plurals included', async () => {
    await participant.post('/api/messaging/messages', {
      courseId,
      subject: 'Évaluations du module',
      body: '<p>Les grilles d’évaluation sont prêtes.</p>',
      to: [{ type: 'user', id: ids.trainer }],
    });
    const found = await list(trainer, `folder=inbox&q=${encodeURIComponent('evaluation')}`);
    expect(found.items.map((m) => m.subject)).toContain('Évaluations du module');
    const none = await list(trainer, `folder=inbox&q=${encodeURIComponent('astrophysique')}`);
    expect(none.items).toHaveLength(0);
    // Another person's search never reaches messages they do not hold.
    expect((await list(outsider, 'folder=inbox&q=evaluation')).items).toHaveLength(0);
  });

  it('filters by course and pages with a cursor', async () => {
    for (let i = 0; i < 3; i++)
      await participant.post('/api/messaging/messages', {
        courseId,
        subject: `Page ${i}`,
        to: [{ type: 'user', id: ids.colleague }],
      });
    const first = await list(colleague, `folder=inbox&courseId=${courseId}&limit=2`);
    expect(first.items).toHaveLength(2);
    expect(first.next).toBeTruthy();
    const second = await list(colleague, `folder=inbox&courseId=${courseId}&limit=2&before=${first.next}`);
    expect(second.items[0]!.subject).toBe('Page 0');
    expect((await list(colleague, `folder=inbox&courseId=${randomUUID()}`)).items).toHaveLength(0);
  });
});

describe('who can be reached', () => {
  it('refuses a recipient outside my courses with a French 422, and writes nothing', async () => {
    const count = async () =>
      (await one<{ n: number }>(sql`select count(*)::int as n from messaging_messages`)).n;
    const before = await count();
    const response = await participant.post('/api/messaging/messages', {
      courseId,
      subject: 'Hors parcours',
      to: [{ type: 'user', id: ids.outsider }],
    });
    const problem = problemOf(response);
    expect(problem.status).toBe(422);
    expect(problem.contentType).toMatch(/application\/problem\+json/);
    expect(problem.body.code).toBe('messaging_recipient_outside');
    expect(problem.body.title).toMatch(/parcours/);
    expect(await count()).toBe(before);
  });

  it('refuses to write in a course I am not enrolled in (403), a group of another course (422)', async () => {
    const notMine = await outsider.post('/api/messaging/messages', {
      courseId,
      to: [{ type: 'user', id: ids.trainer }],
    });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().title).toMatch(/inscrit/);
    const badGroup = await participant.post('/api/messaging/messages', {
      courseId,
      to: [{ type: 'group', id: randomUUID() }],
    });
    expect(badGroup.statusCode).toBe(422);
    const nobody = await participant.post('/api/messaging/messages', { courseId, to: [] });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().code).toBe('messaging_no_recipient');
  });

  it('refuses bad input with 400 problem+json', async () => {
    const response = await participant.post('/api/messaging/messages', {
      courseId: 'pas-un-uuid',
      to: [{ type: 'planet', id: 1 }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  it('anonymous requests get 401', async () => {
    expect((await t.anonymous().get('/api/messaging/messages')).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/messaging/unread')).statusCode).toBe(401);
  });

  it('offers my courses, their roles and groups, and searches their people', async () => {
    const options = (await participant.get('/api/messaging/recipients')).json();
    const course = options.courses.find((c: { id: string }) => c.id === courseId);
    expect(course.roles.map((r: { role: string }) => r.role)).toContain('trainer');
    expect(course.groups.length).toBeGreaterThan(0);
    const people = (await participant.get(`/api/messaging/people?courseId=${courseId}&q=lefevre`)).json();
    expect(people.map((p: { id: string }) => p.id)).toContain(ids.trainer);
    expect(people.map((p: { id: string }) => p.id)).not.toContain(ids.participant);
    expect((await outsider.get(`/api/messaging/people?courseId=${courseId}&q=`)).statusCode).toBe(403);
  });

  it('writes to a group in one go', async () => {
    const options = (await trainer.get('/api/messaging/recipients')).json();
    const group = options.courses.find((c: { id: string }) => c.id === courseId).groups[0];
    const response = await trainer.post('/api/messaging/messages', {
      courseId,
      subject: 'Au groupe',
      to: [{ type: 'group', id: group.id }],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().recipients).toBe(group.count);
  });
});

describe('privacy of messages', () => {
  it('never shows bcc to other recipients; individual copies hide everyone else', async () => {
    const sent = await trainer.post('/api/messaging/messages', {
      courseId,
      subject: 'Copies',
      to: [{ type: 'user', id: ids.participant }],
      bcc: [{ type: 'user', id: ids.colleague }],
    });
    const { id } = sent.json();
    const asParticipant = (await participant.get(`/api/messaging/messages/${id}`)).json() as Draft;
    expect(asParticipant.bcc).toEqual([]);
    expect(JSON.stringify(asParticipant)).not.toContain(ids.colleague);
    const asBcc = (await colleague.get(`/api/messaging/messages/${id}/conversation`)).json() as Conversation;
    expect(asBcc.messages[0]!.bcc).toEqual([]);
    expect(JSON.stringify(asBcc)).not.toContain(ids.colleague);
    const asSender = (await trainer.get(`/api/messaging/messages/${id}`)).json() as Draft;
    expect(asSender.bcc.map((p) => p.id)).toEqual([ids.colleague]);

    const individual = await trainer.post('/api/messaging/messages', {
      courseId,
      subject: 'Individuel',
      individual: true,
      to: [
        { type: 'user', id: ids.participant },
        { type: 'user', id: ids.colleague },
      ],
    });
    const copy = (await participant.get(`/api/messaging/messages/${individual.json().id}`)).json() as Draft;
    expect(copy.to.map((p) => p.id)).toEqual([ids.participant]);
    expect(JSON.stringify(copy)).not.toContain(ids.colleague);
  });

  it('answers 404 to guessed or others’ message ids, on every route', async () => {
    const sent = await participant.post('/api/messaging/messages', {
      courseId,
      subject: 'Privé',
      to: [{ type: 'user', id: ids.trainer }],
    });
    const { id, conversationId } = sent.json();
    const guessed = randomUUID();
    for (const target of [id, guessed]) {
      expect((await outsider.get(`/api/messaging/messages/${target}`)).statusCode).toBe(404);
      expect((await outsider.get(`/api/messaging/messages/${target}/conversation`)).statusCode).toBe(404);
      expect((await outsider.patch(`/api/messaging/messages/${target}`, { starred: true })).statusCode).toBe(
        404,
      );
      expect((await colleague.patch(`/api/messaging/messages/${target}`, { trashed: true })).statusCode).toBe(
        404,
      );
      expect((await outsider.delete(`/api/messaging/messages/${target}`)).statusCode).toBe(404);
      expect((await outsider.post(`/api/messaging/drafts/${target}/send`, {})).statusCode).toBe(404);
      expect(
        (await trainer.put(`/api/messaging/drafts/${target}`, { courseId, version: 1 })).statusCode,
      ).toBe(404);
      expect(
        (await outsider.get(`/api/messaging/messages/${target}/attachments/${randomUUID()}`)).statusCode,
      ).toBe(404);
      // Answering or forwarding a message I do not hold is refused the same way.
      expect(
        (
          await colleague.post('/api/messaging/messages', {
            courseId,
            to: [{ type: 'user', id: ids.trainer }],
            inReplyTo: target,
          })
        ).statusCode,
      ).toBe(404);
    }
    // Nor can a conversation be read or labelled by someone outside it.
    const label = (
      await outsider.post('/api/messaging/labels', { name: 'Espion', colour: 'blue-ecume' })
    ).json();
    expect(
      (await outsider.put(`/api/messaging/labels/${label.id}/conversations`, { conversationId })).statusCode,
    ).toBe(404);
    expect((await outsider.post(`/api/messaging/conversations/${conversationId}/read`)).statusCode).toBe(204);
    expect((await trainer.get(`/api/messaging/messages/${id}`)).json().read).toBe(false);
  });
});

describe('drafts', () => {
  it('autosaves with a version: a stale save gets 409 and writes nothing', async () => {
    const created = await participant.post('/api/messaging/drafts', { courseId, subject: 'Brouillon' });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();
    const save = (v: number, subject: string) =>
      participant.put(`/api/messaging/drafts/${id}`, {
        courseId,
        subject,
        body: '<p>texte</p>',
        to: [{ type: 'role', role: 'trainer' }],
        version: v,
      });
    const saved = await save(version, 'Brouillon v2');
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(version + 1);
    const stale = await save(version, 'Brouillon périmé');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const draft = (await participant.get(`/api/messaging/messages/${id}`)).json() as Draft;
    expect(draft.subject).toBe('Brouillon v2');
    expect(draft.draft?.to).toEqual([{ type: 'role', role: 'trainer' }]);
    expect((await list(participant, 'folder=drafts')).items.map((m) => m.id)).toContain(id);
    // Nobody else sees a draft.
    expect((await trainer.get(`/api/messaging/messages/${id}`)).statusCode).toBe(404);

    expect((await participant.post(`/api/messaging/drafts/${id}/send`, { version })).statusCode).toBe(409);
    const sent = await participant.post(`/api/messaging/drafts/${id}/send`, { version: version + 1 });
    expect(sent.statusCode).toBe(201);
    expect((await list(participant, 'folder=drafts')).items.map((m) => m.id)).not.toContain(id);
    expect((await list(trainer)).items.map((m) => m.id)).toContain(id);
    // Once sent, it is no longer a draft.
    expect((await participant.post(`/api/messaging/drafts/${id}/send`, {})).statusCode).toBe(404);
  });
});

describe('flags, trash and counters', () => {
  it('keeps the unread counter right through read, unread, trash and restore', async () => {
    const base = (await unread(colleague)).total;
    const { id } = (
      await trainer.post('/api/messaging/messages', {
        courseId,
        subject: 'Compteur',
        to: [{ type: 'user', id: ids.colleague }],
      })
    ).json();
    expect((await unread(colleague)).total).toBe(base + 1);
    await colleague.patch(`/api/messaging/messages/${id}`, { trashed: true });
    expect((await unread(colleague)).total).toBe(base);
    expect((await list(colleague, 'folder=trash')).items.map((m) => m.id)).toContain(id);
    await colleague.patch(`/api/messaging/messages/${id}`, { trashed: false });
    expect((await unread(colleague)).total).toBe(base + 1);
    await colleague.patch(`/api/messaging/messages/${id}`, { read: true });
    await colleague.patch(`/api/messaging/messages/${id}`, { read: true });
    expect((await unread(colleague)).total).toBe(base);
    await colleague.patch(`/api/messaging/messages/${id}`, { read: false, starred: true });
    expect((await unread(colleague)).total).toBe(base + 1);
    expect((await list(colleague, 'folder=starred')).items.map((m) => m.id)).toContain(id);
    // Deleting for good only from the trash.
    expect((await colleague.delete(`/api/messaging/messages/${id}`)).statusCode).toBe(404);
    await colleague.patch(`/api/messaging/messages/${id}`, { trashed: true });
    expect((await colleague.delete(`/api/messaging/messages/${id}`)).statusCode).toBe(204);
    expect((await unread(colleague)).total).toBe(base);
    // The sender keeps their copy.
    expect((await trainer.get(`/api/messaging/messages/${id}`)).statusCode).toBe(200);
    // The counters agree with a real count.
    const real = await one<{ n: number }>(sql`
      select count(*)::int as n from messaging_deliveries
      where user_id = ${ids.colleague} and folder = 'inbox' and not read and trashed_at is null`);
    expect((await unread(colleague)).total).toBe(real.n);
  });
});

describe('labels', () => {
  it('labels a conversation and filters by it; names are unique per person', async () => {
    const { id, conversationId } = (
      await participant.post('/api/messaging/messages', {
        courseId,
        subject: 'À classer',
        to: [{ type: 'user', id: ids.trainer }],
      })
    ).json();
    const label = await trainer.post('/api/messaging/labels', { name: 'Module 2', colour: 'green-emeraude' });
    expect(label.statusCode).toBe(201);
    expect(
      (await trainer.post('/api/messaging/labels', { name: 'Module 2', colour: 'blue-ecume' })).statusCode,
    ).toBe(409);
    expect(
      (await trainer.post('/api/messaging/labels', { name: 'X', colour: 'rouge-sang' })).statusCode,
    ).toBe(400);
    const labelId = label.json().id;
    expect(
      (await trainer.put(`/api/messaging/labels/${labelId}/conversations`, { conversationId })).statusCode,
    ).toBe(204);
    const filtered = await list(trainer, `folder=inbox&labelId=${labelId}`);
    expect(filtered.items.map((m) => m.id)).toEqual([id]);
    expect(filtered.items[0]!.labels).toEqual([{ id: labelId, name: 'Module 2', colour: 'green-emeraude' }]);
    // The participant does not see the trainer's labels.
    expect((await list(participant, 'folder=sent')).items.find((m) => m.id === id)!.labels).toEqual([]);
    expect((await participant.delete(`/api/messaging/labels/${labelId}`)).statusCode).toBe(404);
  });
});

describe('rich text', () => {
  it('sanitises message bodies on the server', async () => {
    const { id } = (
      await participant.post('/api/messaging/messages', {
        courseId,
        subject: '<img src=x onerror=alert(1)>Objet',
        body: '<p onclick="alert(1)">Texte<script>alert(1)</script><a href="javascript:alert(1)">lien</a></p>',
        to: [{ type: 'user', id: ids.trainer }],
      })
    ).json();
    const message = (await trainer.get(`/api/messaging/messages/${id}`)).json() as Draft;
    expect(message.body).not.toMatch(/script|onclick|javascript:/i);
    expect(message.subject).toBe('Objet');
  });

  it('neutralises the whole XSS corpus in bodies, drafts and subjects, as read back through the API', async () => {
    const { id } = (await participant.post('/api/messaging/drafts', { courseId, subject: 'Corpus' })).json();
    let version = 1;
    for (const payload of PAYLOADS) {
      const saved = await participant.put(`/api/messaging/drafts/${id}`, {
        courseId,
        subject: payload.slice(0, 300),
        body: payload,
        version,
      });
      if (payload.includes('\u0000')) {
        // The platform refuses NUL characters before any module sees them.
        expect(saved.json().code).toBe('nul_character');
        continue;
      }
      expect(saved.statusCode, payload).toBe(200);
      version = saved.json().version;
      const draft = (await participant.get(`/api/messaging/messages/${id}`)).json() as Draft;
      expect(violations(draft.body), payload).toEqual([]);
      // Plain text, rendered as text: no tag survives (a lone "<" is just a character).
      expect(draft.subject).not.toMatch(/<[a-z!/?]/i);
    }
    const sent = await participant.post('/api/messaging/messages', {
      courseId,
      subject: 'Corpus entier',
      body: PAYLOADS.filter((p) => !p.includes('\u0000')).join('\n'),
      to: [{ type: 'user', id: ids.trainer }],
    });
    const received = (await trainer.get(`/api/messaging/messages/${sent.json().id}`)).json() as Draft;
    expect(violations(received.body)).toEqual([]);
  });
});

describe('attachments', () => {
  function multipart(files: { name: string; content: Buffer }[]) {
    const boundary = `----magistere${randomUUID()}`;
    const parts = files.map((f) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        f.content,
        Buffer.from('\r\n'),
      ]),
    );
    return {
      payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }

  it('attaches files to a draft, sends them, and only recipients can download', async () => {
    const { id, version } = (
      await participant.post('/api/messaging/drafts', {
        courseId,
        subject: 'Avec pièce jointe',
        to: [{ type: 'user', id: ids.trainer }],
      })
    ).json();
    const body = multipart([{ name: 'notes.txt', content: Buffer.from('Mes notes du module') }]);
    const upload = await participant.request(
      'POST',
      `/api/messaging/drafts/${id}/attachments`,
      body.payload,
      body.headers,
    );
    expect(upload.statusCode).toBe(201);
    const [file] = upload.json();
    expect((await participant.post(`/api/messaging/drafts/${id}/send`, { version })).statusCode).toBe(201);
    const message = (await trainer.get(`/api/messaging/messages/${id}`)).json() as Draft;
    expect(message.attachments.map((a) => a.filename)).toEqual(['notes.txt']);
    const download = await trainer.get(`/api/messaging/messages/${id}/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('Mes notes du module');
    expect((await outsider.get(`/api/messaging/messages/${id}/attachments/${file.id}`)).statusCode).toBe(404);
    expect((await colleague.get(`/api/messaging/messages/${id}/attachments/${file.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses a file over the administrators’ limit with 413, storing nothing', async () => {
    const admin = await t.as('admin@magistere.test');
    expect(
      (await participant.put('/api/admin/messaging', { attachmentMaxBytes: 2048, trashRetentionDays: 30 }))
        .statusCode,
    ).toBe(403);
    const set = await admin.put('/api/admin/messaging', { attachmentMaxBytes: 2048, trashRetentionDays: 30 });
    expect(set.statusCode).toBe(200);
    const { id } = (
      await participant.post('/api/messaging/drafts', { courseId, subject: 'Trop gros' })
    ).json();
    const links = async () =>
      (
        await one<{ n: number }>(
          sql`select count(*)::int as n from file_links where owner_type = 'message' and owner_id = ${id}`,
        )
      ).n;
    const body = multipart([
      { name: 'petit.txt', content: Buffer.from('petit') },
      { name: 'gros.bin', content: Buffer.alloc(4096, 1) },
    ]);
    const upload = await participant.request(
      'POST',
      `/api/messaging/drafts/${id}/attachments`,
      body.payload,
      body.headers,
    );
    expect(upload.statusCode).toBe(413);
    expect(upload.headers['content-type']).toMatch(/problem\+json/);
    expect(await links()).toBe(0);
    await admin.put('/api/admin/messaging', { attachmentMaxBytes: 10 * 1024 * 1024, trashRetentionDays: 30 });
  });
});

describe('large mailings', () => {
  it(`past ${BULK_THRESHOLD} recipients, the request queues a job that delivers each once`, async () => {
    // Enough people in the session: accounts and enrolments straight in the tables (the enrolment API
    // would take minutes for hundreds of people in a test).
    await t.db.execute(sql`
      with made as (
        insert into users (email, first_name, last_name, home_domain_id)
        select 'masse.' || i || '@magistere.test', 'Masse', 'Personne ' || i,
               (select home_domain_id from users where id = ${ids.participant})
        from generate_series(1, ${BULK_THRESHOLD + 5}) i
        returning id
      )
      insert into enrolments (course_id, user_id, role, method) select ${courseId}, id, 'participant', 'manual' from made`);
    const { n: participants } = await one<{ n: number }>(
      sql`select count(distinct user_id)::int as n from enrolments where course_id = ${courseId} and role = 'participant' and status = 'active'`,
    );
    expect(participants).toBeGreaterThan(BULK_THRESHOLD);
    const response = await trainer.post('/api/messaging/messages', {
      courseId,
      subject: 'À tous',
      to: [{ type: 'role', role: 'participant' }],
    });
    expect(response.statusCode).toBe(201);
    const { id, status } = response.json();
    expect(status).toBe('queued');
    const queued = await one<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = ${DELIVER_JOB} and data->>'id' = ${id}`,
    );
    expect(queued.n).toBe(1);
    expect((await participant.get(`/api/messaging/messages/${id}`)).statusCode).toBe(404);
    const delivered = await deliverQueued(t.db, id, noDeliver);
    expect(delivered?.userIds.length).toBe(participants);
    expect(await deliverQueued(t.db, id, noDeliver)).toBeNull();
    expect((await participant.get(`/api/messaging/messages/${id}`)).statusCode).toBe(200);
  });
});

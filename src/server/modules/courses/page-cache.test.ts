/**
 * The course page cache hears of every change through domain events, whoever writes: a background job, a
 * service called outside any route, a script that emits after writing — and another node, through Redis or
 * PostgreSQL.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../platform/auth/sessions.ts';
import { emit } from '../../platform/events/index.ts';
import { Jobs } from '../../platform/jobs/index.ts';
import { type ApiClient, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { domains } from '../domains/schema.ts';
import { activities } from './schema.ts';
import { type Ctx, deleteActivity, updateActivity } from './service.ts';

const redisUrl = process.env.REDIS_URL ?? '';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
let aix = '';
beforeAll(async () => {
  // Sessions are remembered a minute, as pages are: only the events can make a node forget them within the
  // few seconds waited below.
  t = await startTestApp({ AUTH_CACHE_SECONDS: '60' });
  aix = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille')))[0]!.id;
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
});
afterAll(() => t.close());

/** A course in the designer's domain, followed by the demo participant, holding pages with these titles. */
async function courseWith(...titles: string[]) {
  return courseOn(t, designer, ...titles);
}

async function courseOn(t: TestApp, designer: ApiClient, ...titles: string[]) {
  const course = await designer.post('/api/courses', {
    domainId: aix,
    title: 'Cache',
    shortName: uniqueShortName('CACHE'),
  });
  expect(course.statusCode, course.body).toBe(201);
  const id = course.json().id as string;
  await t.enrol(id, 'participant@magistere.test');
  const sectionId = (await designer.get(`/api/courses/${id}`)).json().sections[0].id;
  const ids: string[] = [];
  for (const title of titles) {
    const response = await designer.post(`/api/courses/${id}/activities`, {
      sectionId,
      kind: 'page',
      title,
      settings: { content: '' },
    });
    ids.push(response.json().id);
  }
  return { id, activityIds: ids };
}

const titlesOn = async (client: ApiClient, courseId: string) =>
  ((await client.get(`/api/courses/${courseId}`)).json().sections[0].activities as { title: string }[]).map(
    (a) => a.title,
  );

/** Read twice, the page comes from the cache the second time (same ETag, 304). */
async function cached(client: ApiClient, courseId: string) {
  const etag = (await client.get(`/api/courses/${courseId}`)).headers.etag as string;
  const again = await client.request('GET', `/api/courses/${courseId}`, undefined, { 'if-none-match': etag });
  expect(again.statusCode).toBe(304);
}

/** What a designer's change carries when it comes from no request: the designer, no address. */
async function designerCtx(): Promise<Ctx> {
  const token = designer.cookie!.replace(/^mag_sid=/, '');
  const now = t.clock.now();
  const auth = await authenticate(t.db, token, t.config.session, undefined, now);
  return { db: t.db, actor: auth!.actor, origin: { ip: null, userAgent: null }, files: t.deps.files, now };
}

const until = async (check: () => Promise<boolean>) => {
  const deadline = Date.now() + 3_000;
  while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
};

describe('the course page after a write made outside any route', () => {
  it('shows what a background job changed on the next read', async () => {
    const { id, activityIds } = await courseWith('Avant');
    await cached(participant, id);
    // A job as the platform runs them (pg-boss, worked here), writing through the services.
    const jobs = new Jobs(t.databaseUrl, { enabled: true });
    const ctx = await designerCtx();
    let done = false;
    jobs.define<{ activityId: string }>({
      name: 'test.rename-activity',
      handler: async ({ activityId }) => {
        await updateActivity(ctx, activityId, { title: 'Après, par une tâche' });
        done = true;
      },
    });
    await jobs.start();
    try {
      await jobs.send('test.rename-activity', { activityId: activityIds[0] });
      expect(await until(async () => done)).toBe(true);
    } finally {
      await jobs.stop();
    }
    expect(await titlesOn(participant, id)).toEqual(['Après, par une tâche']);
  });

  it('shows an activity deleted by a service called outside any route', async () => {
    const { id, activityIds } = await courseWith('Gardée', 'Supprimée');
    await cached(participant, id);
    await deleteActivity(await designerCtx(), activityIds[1]!);
    expect(await titlesOn(participant, id)).toEqual(['Gardée']);
  });

  it('shows what a script wrote once it says so, outside any transaction', async () => {
    const { id, activityIds } = await courseWith('Titre du script');
    await cached(participant, id);
    await t.db.update(activities).set({ title: 'Réécrit' }).where(eq(activities.id, activityIds[0]!));
    await emit(t.db, { type: 'activity.changed', courseId: id, activityId: activityIds[0]! });
    expect(await titlesOn(participant, id)).toEqual(['Réécrit']);
  });
});

/**
 * Two nodes of one platform, each with its own memory, on one database: they hear each other through Redis
 * (REDIS_URL, which CI sets) or, for the workers of one machine without Redis, through PostgreSQL.
 */
function twoNodes(through: string, env: Record<string, string>) {
  describe(`two nodes hearing each other through ${through}`, () => {
    let a: TestApp;
    let designerOnA: ApiClient;
    beforeAll(async () => {
      a = await startTestApp({ AUTH_CACHE_SECONDS: '60', ...env });
      designerOnA = await a.as('concepteur@magistere.test');
    });
    afterAll(() => a.close());

    it('a write on one node makes the other forget its cached course page', async () => {
      const b = await a.otherNode();
      const participantOnB = await b.as('participant@magistere.test');
      const { id, activityIds } = await courseOn(a, designerOnA, 'Sur le nœud A');
      await cached(participantOnB, id);
      expect(await titlesOn(participantOnB, id)).toEqual(['Sur le nœud A']);
      // Node B's page would live a minute; the change on node A reaches it through the bus.
      expect(
        (await designerOnA.patch(`/api/activities/${activityIds[0]}`, { title: 'Changé sur A' })).statusCode,
      ).toBe(200);
      expect(await until(async () => (await titlesOn(participantOnB, id)).join() === 'Changé sur A')).toBe(
        true,
      );
    });

    it('an access change on one node ends the cached session on the other', async () => {
      const b = await a.otherNode();
      const observer = await b.as('observateur@magistere.test');
      const me = await observer.get('/api/me');
      expect(me.statusCode).toBe(200);
      const admin = await a.as('admin@magistere.test');
      expect((await admin.post(`/api/users/${me.json().user.id}/suspend`)).statusCode).toBe(200);
      // Node B remembered the session for a few seconds; the suspension on node A ends it there at once.
      expect(await until(async () => (await observer.get('/api/me')).statusCode === 401)).toBe(true);
    });
  });
}

if (redisUrl) twoNodes('Redis', { REDIS_URL: redisUrl });
twoNodes('PostgreSQL', { WORKERS: '2' });

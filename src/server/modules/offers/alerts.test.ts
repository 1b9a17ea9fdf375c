import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { users } from '../accounts/schema.ts';
import { courses } from '../courses/schema.ts';
import { domains } from '../domains/schema.ts';
import { DIGEST_JOB, type DigestDeps, sendDigests, unsubscribeLink } from './digest.ts';
import { offerSubscriptions, offers } from './schema.ts';

let t: TestApp;
let participant: ApiClient;
let deps: DigestDeps;
let aix = '';

beforeAll(async () => {
  t = await startTestApp();
  participant = await t.as('participant@magistere.test');
  deps = { db: t.db, mailer: t.deps.mailer, publicUrl: t.config.publicUrl };
  aix = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille')))[0]!.id;
});
afterAll(() => t.close());

const PATH = '/api/me/offer-subscription';
const subscriptionCount = async () => (await t.db.select({ n: count() }).from(offerSubscriptions))[0]!.n;
const tokenOf = async (email: string) =>
  (
    await t.db
      .select({ token: offerSubscriptions.token })
      .from(offerSubscriptions)
      .innerJoin(users, eq(users.id, offerSubscriptions.userId))
      .where(eq(users.email, email))
  )[0]?.token;
const mailsTo = (email: string) =>
  t.db.select().from(mailMessages).where(eq(mailMessages.to, email)).orderBy(mailMessages.createdAt);

/** A published offer written straight into the table (the publication service is another helper's). */
async function publish(
  title: string,
  fields: {
    publics?: string[];
    keywords?: string[];
    kind?: 'training' | 'course';
    status?: 'published' | 'withdrawn';
    publishedAt?: Date;
    startsAt?: Date;
  } = {},
) {
  const [course] = await t.db
    .insert(courses)
    .values({ domainId: aix, title, shortName: title.slice(0, 10), stage: 'session_running' })
    .returning();
  const [offer] = await t.db
    .insert(offers)
    .values({
      kind: fields.kind ?? 'training',
      courseId: course!.id,
      domainId: aix,
      status: fields.status ?? 'published',
      title,
      publics: fields.publics ?? [],
      keywords: fields.keywords ?? [],
      keywordsText: (fields.keywords ?? []).join(' '),
      publishedAt: fields.publishedAt ?? new Date(),
      startsAt: fields.startsAt ?? null,
    })
    .returning();
  return offer!;
}

describe('a person’s subscription', () => {
  it('is null at first, then saved, tidied, changed and deleted by its owner', async () => {
    expect((await participant.get(PATH)).json()).toBeNull();
    const saved = await participant.put(PATH, {
      publics: ['enseignants_1d', 'enseignants_1d'],
      keywords: [' Mathématiques ', 'mathematiques', 'évaluation'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      publics: ['enseignants_1d'],
      keywords: ['Mathématiques', 'évaluation'],
    });
    const token = await tokenOf('participant@magistere.test');
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    // A change keeps the token: the links of mails already received still work.
    const changed = await participant.put(PATH, { publics: [], keywords: ['numérique'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await participant.get(PATH)).json()).toMatchObject({ publics: [], keywords: ['numérique'] });
    expect(await tokenOf('participant@magistere.test')).toBe(token);

    // Each person sees only their own.
    const trainer = await t.as('formateur@magistere.test');
    expect((await trainer.get(PATH)).json()).toBeNull();

    expect((await participant.delete(PATH)).statusCode).toBe(204);
    expect((await participant.get(PATH)).json()).toBeNull();
    expect((await participant.delete(PATH)).statusCode).toBe(204);
    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(sql`${auditEvents.action} LIKE 'offers.%'`);
    expect(actions.map((a) => a.action)).toEqual([
      'offers.subscription_saved',
      'offers.subscription_saved',
      'offers.unsubscribed',
    ]);
  });

  it('refuses anonymous people and bad input, writing nothing', async () => {
    const before = await subscriptionCount();
    const anonymous = t.anonymous();
    expect(problemOf(await anonymous.get(PATH)).status).toBe(401);
    expect(problemOf(await anonymous.put(PATH, { publics: ['tous'], keywords: [] })).status).toBe(401);

    const empty = problemOf(await participant.put(PATH, { publics: [], keywords: [] }));
    expect(empty.status).toBe(400);
    expect(empty.contentType).toMatch(/problem\+json/);
    expect(empty.body.errors?.[0]?.message).toBe('Choisissez au moins un public ou un mot-clé.');
    const unknownPublic = problemOf(await participant.put(PATH, { publics: ['astronautes'], keywords: [] }));
    expect(unknownPublic.status).toBe(400);
    expect(unknownPublic.body.errors?.[0]?.path).toBe('publics.0');
    const tooLong = await participant.put(PATH, { publics: [], keywords: ['x'.repeat(61)] });
    expect(tooLong.statusCode).toBe(400);
    const tooMany = await participant.put(PATH, {
      publics: [],
      keywords: Array.from({ length: 21 }, (_, i) => `mot ${i}`),
    });
    expect(tooMany.statusCode).toBe(400);
    expect((await participant.put(PATH, { publics: ['tous'] })).statusCode).toBe(400);
    expect(await subscriptionCount()).toBe(before);
  });
});

describe('unsubscribing from the mail’s link', () => {
  it('works without login, once; a bad or spent token gets a clear 4xx and changes nothing', async () => {
    const trainer = await t.as('formateur@magistere.test');
    await trainer.put(PATH, { publics: ['formateurs'], keywords: [] });
    const token = (await tokenOf('formateur@magistere.test'))!;
    const anonymous = t.anonymous();
    const url = '/api/offer-subscriptions/unsubscribe';

    const before = await subscriptionCount();
    const unknown = problemOf(await anonymous.post(url, { token: 'x'.repeat(43) }));
    expect(unknown).toMatchObject({ status: 404, body: { code: 'unsubscribe_token_unknown' } });
    expect(unknown.body.title).toMatch(/n’est plus valable/);
    const malformed = problemOf(await anonymous.post(url, { token: 'court' }));
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toMatch(/problem\+json/);
    expect((await anonymous.post(url, {})).statusCode).toBe(400);
    // Another site cannot unsubscribe someone behind their back.
    const crossSite = await anonymous.request('POST', url, { token }, { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect(await subscriptionCount()).toBe(before);

    expect((await anonymous.post(url, { token })).statusCode).toBe(204);
    expect((await trainer.get(PATH)).json()).toBeNull();
    expect(await subscriptionCount()).toBe(before - 1);
    const again = problemOf(await anonymous.post(url, { token }));
    expect(again).toMatchObject({ status: 404, body: { code: 'unsubscribe_token_unknown' } });
  });
});

describe('the weekly digest', () => {
  it('is declared as a Monday 07:00 Paris-time pg-boss job', async () => {
    const { rows } = await t.pool.query<{ name: string }>('SELECT name FROM pgboss.queue WHERE name = $1', [
      DIGEST_JOB,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('mails only the new matching training offers, with short links and the unsubscribe link, never twice', async () => {
    const tutor = await t.as('tuteur@magistere.test');
    await tutor.put(PATH, { publics: ['cpe'], keywords: ['Evaluation'] });
    const token = (await tokenOf('tuteur@magistere.test'))!;
    // Everything before the subscription is old news.
    await t.db.update(offerSubscriptions).set({ lastSentAt: new Date(Date.now() - 60_000) });
    await publish('Offre ancienne pour les CPE', {
      publics: ['cpe'],
      publishedAt: new Date(Date.now() - 86_400_000),
    });

    // Nothing new yet: no mail, and the window moves on.
    const before = await mailsTo('tuteur@magistere.test');
    expect((await sendDigests(deps, t.clock.now())).mails).toBe(0);
    expect(await mailsTo('tuteur@magistere.test')).toHaveLength(before.length);

    const byPublic = await publish('Accompagner les élèves en vie scolaire', {
      publics: ['cpe', 'encadrement'],
      startsAt: new Date('2027-03-15T09:00:00+01:00'),
    });
    const byKeyword = await publish('Les évaluations au cycle 3', {
      publics: ['enseignants_1d'],
      keywords: ['Évaluation', 'cycle 3'],
    });
    await publish('Hors sujet', { publics: ['aesh'], keywords: ['numérique'] });
    await publish('Un parcours, pas une formation', { kind: 'course', publics: ['cpe'] });
    await publish('Déjà retirée', { status: 'withdrawn', publics: ['cpe'] });

    const run = await sendDigests(deps, t.clock.now());
    expect(run.mails).toBeGreaterThanOrEqual(1);
    const mails = await mailsTo('tuteur@magistere.test');
    expect(mails).toHaveLength(before.length + 1);
    const mail = mails.at(-1)!;
    expect(mail.subject).toBe('2 nouvelles offres de formation pour vous');
    expect(mail.text).toContain('Bonjour ');
    expect(mail.text).toContain('Accompagner les élèves en vie scolaire (à partir du 15 mars 2027)');
    expect(mail.text).toContain(`http://localhost:3000/f${byPublic.number}`);
    expect(mail.text).toContain('Les évaluations au cycle 3');
    expect(mail.text).toContain(`http://localhost:3000/f${byKeyword.number}`);
    expect(mail.text).toContain('Conseillers principaux d’éducation');
    expect(mail.text).not.toMatch(/Hors sujet|pas une formation|Déjà retirée|Offre ancienne/);
    expect(mail.text).toContain(unsubscribeLink('http://localhost:3000', token));
    expect(mail.text).toContain('http://localhost:3000/offres/desabonnement#jeton=');
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'offers.digest_sent'));
    expect(event?.details).toMatchObject({ offers: [byPublic.number, byKeyword.number] });

    // A second run, now or concurrently, sends nothing more.
    const [again, concurrent] = await Promise.all([
      sendDigests(deps, t.clock.now()),
      sendDigests(deps, t.clock.now()),
    ]);
    expect(again.mails + concurrent.mails).toBe(0);
    expect(await mailsTo('tuteur@magistere.test')).toHaveLength(before.length + 1);

    // A later offer comes alone in the next mail.
    const later = await publish('Évaluer par compétences', { keywords: ['évaluation'] });
    await sendDigests(deps, t.clock.now());
    const next = (await mailsTo('tuteur@magistere.test')).at(-1)!;
    expect(next.subject).toBe('Une nouvelle offre de formation pour vous');
    expect(next.text).toContain(`/f${later.number}`);
    expect(next.text).not.toContain(`/f${byPublic.number}`);
  });

  it('runs at once for an administrator, and only for them', async () => {
    const observer = await t.as('observateur@magistere.test');
    expect(problemOf(await observer.post('/api/admin/offers/digest')).status).toBe(403);
    expect(problemOf(await t.anonymous().post('/api/admin/offers/digest')).status).toBe(401);
    const admin = await t.as('admin@magistere.test');
    const run = await admin.post('/api/admin/offers/digest');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toEqual({ subscriptions: expect.any(Number), mails: expect.any(Number) });
  });
});

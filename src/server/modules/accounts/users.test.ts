import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAssignments } from '../../platform/access/schema.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { domains } from '../domains/schema.ts';
import { sessions, users } from './schema.ts';

let t: TestApp;
let aix = '';
let bordeaux = '';
beforeAll(async () => {
  t = await startTestApp();
  const rows = await t.db.select().from(domains);
  aix = rows.find((d) => d.slug === 'ac-aix-marseille')!.id;
  bordeaux = rows.find((d) => d.slug === 'ac-bordeaux')!.id;
});
afterAll(() => t.close());

const countUsers = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;

describe('user list', () => {
  it('shows a domain admin only the accounts of their domain, searched without accents or case', async () => {
    const referent = await t.as('referent@magistere.test');
    const all = (await referent.get('/api/users?pageSize=100')).json();
    expect(all.total).toBeGreaterThan(30);
    expect(new Set(all.items.map((u: { homeDomainId: string }) => u.homeDomainId))).toEqual(new Set([aix]));
    const searchResponse = await referent.get('/api/users?q=LEFEVRE');
    expect(searchResponse.statusCode, searchResponse.body).toBe(200);
    const search = searchResponse.json();
    expect(search.items.map((u: { email: string }) => u.email)).toEqual(['formateur@magistere.test']);
    const other = (await referent.get(`/api/users?domainId=${bordeaux}`)).json();
    expect(other.total).toBe(0);
  });

  it('pages in a stable order and lets the admin see every domain', async () => {
    const admin = await t.as('admin@magistere.test');
    const first = (await admin.get('/api/users?pageSize=10&page=1')).json();
    const second = (await admin.get('/api/users?pageSize=10&page=2')).json();
    expect(first.items).toHaveLength(10);
    expect(first.total).toBe(second.total);
    const overlap = first.items.filter((u: { id: string }) =>
      second.items.some((v: { id: string }) => v.id === u.id),
    );
    expect(overlap).toEqual([]);
    const bordeauxOnly = (await admin.get(`/api/users?domainId=${bordeaux}&pageSize=100`)).json();
    expect(bordeauxOnly.total).toBeGreaterThan(10);
  });

  it('rejects a bad query with 400', async () => {
    const admin = await t.as('admin@magistere.test');
    expect((await admin.get('/api/users?pageSize=1000')).statusCode).toBe(400);
    expect((await admin.get('/api/users?domainId=pas-un-uuid')).statusCode).toBe(400);
  });
});

describe('creating accounts', () => {
  it('creates an account without password and queues a welcome mail with a link', async () => {
    const referent = await t.as('referent@magistere.test');
    const response = await referent.post('/api/users', {
      email: 'Marie.Curie@magistere.test',
      firstName: 'Marie',
      lastName: 'Curie',
      homeDomainId: aix,
      discipline: 'Physique-chimie',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      email: 'marie.curie@magistere.test',
      status: 'active',
      academie: null,
    });
    const [mail] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.to, 'marie.curie@magistere.test'));
    expect(mail?.subject).toBe('Votre compte Magistère a été créé');
    expect(mail?.text).toMatch(/reinitialiser-mot-de-passe#jeton=[\w-]{40,}/);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.created'));
    expect(event?.objectId).toBe(response.json().id);
  });

  it('refuses a duplicate e-mail (409), another domain (403) and bad fields (400), writing nothing', async () => {
    const referent = await t.as('referent@magistere.test');
    const before = await countUsers();
    const duplicate = problemOf(
      await referent.post('/api/users', {
        email: 'FORMATEUR@magistere.test',
        firstName: 'A',
        lastName: 'B',
        homeDomainId: aix,
      }),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors?.[0]?.path).toBe('email');
    const elsewhere = await referent.post('/api/users', {
      email: 'x@magistere.test',
      firstName: 'A',
      lastName: 'B',
      homeDomainId: bordeaux,
    });
    expect(elsewhere.statusCode).toBe(403);
    const bad = problemOf(
      await referent.post('/api/users', {
        email: 'pas une adresse',
        firstName: '',
        lastName: 'B',
        homeDomainId: aix,
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['email', 'firstName']);
    expect(await countUsers()).toBe(before);
  });
});

describe('suspending and deleting', () => {
  it('suspends an account, which ends its sessions, and reactivates it', async () => {
    const referent = await t.as('referent@magistere.test');
    const victim = await t.as('concepteur@magistere.test');
    const id = (await victim.get('/api/me')).json().user.id;
    const suspended = await referent.post(`/api/users/${id}/suspend`);
    expect(suspended.json().status).toBe('suspended');
    expect((await victim.get('/api/me')).statusCode).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, id))).toEqual([]);
    expect((await referent.post(`/api/users/${id}/reactivate`)).json().status).toBe('active');
    expect((await t.as('concepteur@magistere.test').then((c) => c.get('/api/me'))).statusCode).toBe(200);
  });

  it('will not let an admin suspend or delete their own account', async () => {
    const referent = await t.as('referent@magistere.test');
    const self = (await referent.get('/api/me')).json().user.id;
    expect(problemOf(await referent.post(`/api/users/${self}/suspend`)).body.code).toBe('self_action');
    expect(problemOf(await referent.delete(`/api/users/${self}`)).body.code).toBe('self_action');
  });

  it('deletes an account by erasing its personal data and access, keeping the row for history', async () => {
    const referent = await t.as('referent@magistere.test');
    const id = (await (await t.as('formateur@magistere.test')).get('/api/me')).json().user.id;
    expect((await referent.delete(`/api/users/${id}`)).statusCode).toBe(204);
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({
      firstName: 'Utilisateur',
      lastName: 'supprimé',
      passwordHash: null,
      academie: null,
    });
    expect(row!.email).not.toContain('formateur');
    expect(row!.deletedAt).not.toBeNull();
    expect(await t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, id))).toEqual([]);
    expect((await referent.get(`/api/users/${id}`)).statusCode).toBe(404);
    expect(
      (
        await t
          .anonymous()
          .post('/api/auth/login', { email: 'formateur@magistere.test', password: 'Magistere-demo-2026' })
      ).statusCode,
    ).toBe(401);
  });
});

describe('own profile', () => {
  it('lets a user edit their profile and change their password, not their e-mail', async () => {
    const me = await t.as('tuteur@magistere.test');
    const updated = await me.patch('/api/me', { discipline: 'Géographie', email: 'autre@magistere.test' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().user).toMatchObject({ discipline: 'Géographie', email: 'tuteur@magistere.test' });
    const wrong = problemOf(
      await me.post('/api/me/password', { currentPassword: 'faux', newPassword: 'Un-autre-mot-de-passe' }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.path).toBe('currentPassword');
    expect(
      (
        await me.post('/api/me/password', {
          currentPassword: 'Magistere-demo-2026',
          newPassword: 'Un-autre-mot-de-passe',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await t
          .anonymous()
          .post('/api/auth/login', { email: 'tuteur@magistere.test', password: 'Un-autre-mot-de-passe' })
      ).statusCode,
    ).toBe(200);
  });
});

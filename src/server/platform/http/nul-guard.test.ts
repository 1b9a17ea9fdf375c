import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../modules/accounts/schema.ts';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { findNul } from './nul-guard.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const profileOf = async (email: string) =>
  (await t.db.select().from(users).where(eq(users.email, email)))[0]!;

describe('a NUL byte at the edge', () => {
  it('is refused with a 400 naming the field, wherever it comes — body, query or path — and nothing is written', async () => {
    const participant = await t.as('participant@magistere.test');
    const admin = await t.as('admin@magistere.test');
    const before = await profileOf('participant@magistere.test');
    const cases: [string, Promise<Parameters<typeof problemOf>[0]>, string][] = [
      ['PATCH /api/me', participant.patch('/api/me', { firstName: 'Ca\u0000mille' }), 'firstName'],
      [
        'a key of the body',
        participant.patch('/api/me', { 'first\u0000Name': 'Camille' }),
        'first\u0000Name',
      ],
      [
        'deep in the body',
        participant.post('/api/auth/login', { email: 'a@b.fr', password: ['x', { y: 'z\u0000' }] }),
        'password.1.y',
      ],
      ['GET /api/offers?q=', t.anonymous().get('/api/offers?q=ma%00ths'), 'q'],
      ['GET /api/users?q=', admin.get('/api/users?q=du%00pont'), 'q'],
      ['a repeated query key', admin.get('/api/users?q=a&q=b%00'), 'q.1'],
      ['a path parameter', admin.get('/api/users/abc%00def'), 'id'],
    ];
    for (const [label, pending, path] of cases) {
      const problem = problemOf(await pending);
      expect(problem.status, label).toBe(400);
      expect(problem.contentType, label).toMatch(/^application\/problem\+json/);
      expect(problem.body.code, label).toBe('nul_character');
      expect(problem.body.title, label).toBe(
        'Le texte envoyé contient un caractère nul (U+0000), qui n’est pas accepté.',
      );
      expect(problem.body.errors, label).toEqual([{ path, message: problem.body.title }]);
    }
    const after = await profileOf('participant@magistere.test');
    expect(after.firstName).toBe(before.firstName);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it('lets every other character through, the escaped text "\\u0000" included', async () => {
    const participant = await t.as('participant@magistere.test');
    const response = await participant.patch('/api/me', { firstName: 'Zoé \\u0000 ✓' });
    expect(response.statusCode, response.body).toBe(200);
    expect((await profileOf('participant@magistere.test')).firstName).toBe('Zoé \\u0000 ✓');
    expect((await t.anonymous().get('/api/offers?q=%C3%A9cole')).statusCode).toBe(200);
  });

  it('walks bodies of any depth without overflowing', () => {
    let deep: unknown = 'fin\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNul(deep)).toBe(`${'0.'.repeat(100_000)}`.slice(0, -1));
    expect(findNul({ a: [1, null, true, { b: 'ok' }] })).toBeNull();
  });
});

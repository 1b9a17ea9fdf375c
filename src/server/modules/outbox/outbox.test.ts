import { readFile } from 'node:fs/promises';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASK } from '../../platform/mail/redact.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { unsubscribeLink } from '../offers/digest.ts';
import { offerSubscriptions } from '../offers/schema.ts';

let t: TestApp;
beforeAll(async () => {
  // No SMTP: mails are written as .eml files, the case where the log used to show links in full.
  t = await startTestApp({ JOBS: 'true' });
});
afterAll(() => t.close());

/** Every string of the payload that sits where a link's secret was: what a reader could try. */
const candidates = (payload: string) =>
  [...payload.matchAll(/jeton=([^\s"\\&]+)/g)].map((match) => decodeURIComponent(match[1]!));

async function lastMailTo(email: string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const [row] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.to, email))
      .orderBy(desc(mailMessages.createdAt));
    if (row?.status === 'sent') return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail sent to ${email}`);
}

describe('the admin mail log', () => {
  it('shows a reset mail with its link masked: what it shows opens nothing, in the list or the detail', async () => {
    const email = 'admin@magistere.test';
    const anonymous = t.anonymous();
    expect((await anonymous.post('/api/auth/password-reset/request', { email })).statusCode).toBe(202);
    const sent = await lastMailTo(email);
    const token = /#jeton=([\w-]+)/.exec(sent.text)?.[1];
    expect(token, 'the mail itself carries the token').toBeDefined();
    // The .eml written for delivery keeps it too (it is not served).
    expect(await readFile(sent.file!, 'utf8')).toContain('jeton=');

    const admin = await t.as('admin@magistere.test');
    const list = await admin.get('/api/admin/mail');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((m: { id: string }) => m.id)).toContain(sent.id);
    const detail = await admin.get(`/api/admin/mail/${sent.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().text).toContain(`/reinitialiser-mot-de-passe#jeton=${MASK}`);
    expect(detail.json().text).toContain('Bonjour');

    for (const payload of [list.body, detail.body]) {
      expect(payload).not.toContain(token);
      for (const shown of candidates(payload)) {
        const tried = await anonymous.post('/api/auth/password-reset', {
          token: shown.padEnd(20, '-'),
          password: 'Le-mot-de-passe-du-pirate',
        });
        expect(tried.statusCode).toBe(400);
      }
    }
    // The real link still works for its recipient.
    expect((await anonymous.post('/api/auth/password-reset/check', { token })).statusCode).toBe(204);
  });

  it('masks an unsubscribe link too: its shown token unsubscribes nobody', async () => {
    const email = 'participant@magistere.test';
    const participant = await t.as(email);
    const saved = await participant.put('/api/me/offer-subscription', { publics: [], keywords: ['maths'] });
    expect(saved.statusCode).toBe(200);
    const [subscription] = await t.db.select().from(offerSubscriptions);
    const id = await t.db.transaction((tx) =>
      t.deps.mailer.queue(tx, {
        to: email,
        subject: 'Nouvelles offres de formation',
        text: `Pour ne plus recevoir ce courriel : ${unsubscribeLink(t.config.publicUrl, subscription!.token)}\n`,
      }),
    );

    const admin = await t.as('admin@magistere.test');
    const detail = await admin.get(`/api/admin/mail/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain(subscription!.token);
    expect(detail.json().text).toContain(`/offres/desabonnement#jeton=${MASK}`);
    for (const shown of candidates(detail.body)) {
      const tried = await t
        .anonymous()
        .post('/api/offer-subscriptions/unsubscribe', { token: shown.padEnd(20, '-') });
      expect(tried.statusCode).toBeGreaterThanOrEqual(400);
    }
    expect((await participant.get('/api/me/offer-subscription')).json()).not.toBeNull();
  });
});

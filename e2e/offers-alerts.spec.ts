/**
 * "Prévenez-moi": a person subscribes to a public, a designer publishes a matching session, the weekly
 * digest runs (on demand, as an administrator can ask), the mail arrives through SMTP, and its
 * unsubscribe link works in a browser without login.
 */
import { type APIResponse, expect, type Page, test } from '@playwright/test';
import { E2E_PORT } from './server.ts';
import { callApi, expectNoAxeViolations, login, shot, waitForMail } from './support.ts';

const PERSON = 'participant@magistere.test';
const TITLE = 'Résoudre des problèmes en mathématiques au cycle 2 — session de printemps';

/**
 * The designer of Aix-Marseille indexes a parcours for the first degree, makes a session of it and publishes
 * the session in the training offer (the publication API); returns the offer's number.
 */
async function publishTrainingOffer(page: Page, title: string): Promise<number> {
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const me = await (await page.request.get('/api/me')).json();
  const aix = me.domains.find((d: { slug: string }) => d.slug === 'ac-aix-marseille').id as string;
  const ok = async (response: APIResponse) => {
    expect(response.ok(), await response.text()).toBe(true);
    return response.json();
  };
  const course = await ok(
    await callApi(page, 'POST', '/api/courses', { domainId: aix, title, shortName: 'MATHS-C2' }),
  );
  await ok(
    await callApi(page, 'PUT', `/api/courses/${course.id}/metadata`, {
      collection: 'formation',
      publics: ['enseignants_1d'],
      objectives: '<p>Proposer des problèmes qui font chercher tous les élèves.</p>',
      origin: 'academie',
      durationOnSite: 180,
      durationRemote: 90,
      keywords: ['mathématiques', 'résolution de problèmes'],
    }),
  );
  const session = await ok(
    await callApi(page, 'POST', `/api/courses/${course.id}/sessions`, {
      title,
      settings: { startsAt: '2027-03-15T09:00:00+01:00', endsAt: '2027-05-31T17:00:00+02:00' },
    }),
  );
  const publication = await ok(await callApi(page, 'POST', `/api/courses/${session.id}/publication`, {}));
  expect(publication.kind).toBe('training');
  return publication.offer.number as number;
}

/** An administrator asks for the Monday mail now. */
async function runDigest(page: Page) {
  await login(page, 'admin@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const run = await callApi(page, 'POST', '/api/admin/offers/digest');
  expect(run.status()).toBe(200);
  expect((await run.json()).mails).toBeGreaterThanOrEqual(1);
}

test('a person subscribes to a public, receives the new offer by mail and unsubscribes from the mail without login', async ({
  page,
  browser,
}) => {
  // Four people in four browser contexts, a publication and a mail through SMTP: more than the default minute.
  test.setTimeout(180_000);
  // The alerts page, from the person's account.
  await login(page, PERSON);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await page.goto('/offres/alertes');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Prévenez-moi des nouvelles offres' }),
  ).toBeVisible();
  await expect(page.getByText('Vous n’avez pas d’alerte pour le moment.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing chosen: the form says what is missing.
  await page.getByRole('button', { name: 'Enregistrer mes alertes' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' });
  await expect(summary).toContainText('Choisissez au moins un public ou un mot-clé.');
  await expectNoAxeViolations(page);

  await page.getByText('Enseignants du premier degré', { exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Enseignants du premier degré' })).toBeChecked();
  await page.getByLabel('Mots-clés').fill('numérique, Evaluation');
  await page.getByRole('button', { name: 'Enregistrer mes alertes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vos alertes sont enregistrées.' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Alertes actives depuis le/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Enseignants du premier degré' })).toBeChecked();
  await expect(page.getByLabel('Mots-clés')).toHaveValue('numérique, Evaluation');
  await expectNoAxeViolations(page);
  await shot(page, 'offres-alertes');

  // The designer publishes a matching session in the training offer; the Monday mail is asked for now.
  const designer = await browser.newContext();
  const number = await publishTrainingOffer(await designer.newPage(), TITLE);
  await designer.close();
  const since = Date.now();
  const adminContext = await browser.newContext();
  await runDigest(await adminContext.newPage());
  await adminContext.close();

  const mail = await waitForMail(PERSON, since, 30_000);
  expect(mail.subject).toMatch(/nouvelles? offres? de formation pour vous/);
  const text = mail.text ?? '';
  expect(text).toContain(TITLE);
  expect(text).toContain(`http://localhost:${E2E_PORT}/f${number}`);
  expect(text).toContain('(à partir du 15 mars 2027)');
  const link = text.match(
    new RegExp(`http://localhost:${E2E_PORT}/offres/desabonnement#jeton=[A-Za-z0-9_\\-.~%]+`),
  )?.[0];
  expect(link, text).toBeTruthy();

  // The mail's link, in a browser where nobody is logged in.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(link!);
  await expect(
    visitor.getByRole('heading', { level: 1, name: 'Se désabonner des nouvelles offres' }),
  ).toBeVisible();
  await expectNoAxeViolations(visitor);
  await shot(visitor, 'offres-desabonnement');
  await visitor.getByRole('button', { name: 'Me désabonner' }).click();
  await expect(visitor.getByRole('heading', { name: 'Vous êtes désabonné(e)' })).toBeVisible();
  await expect(visitor).toHaveURL(/\/offres\/desabonnement$/);
  await expectNoAxeViolations(visitor);
  await shot(visitor, 'offres-desabonnement-fait');

  // The same link again (say, from an older mail, in a new tab): the page says it no longer works, and why.
  const again = await anonymous.newPage();
  await again.goto(link!);
  await again.getByRole('button', { name: 'Me désabonner' }).click();
  await expect(again.getByRole('alert')).toContainText('Ce lien de désabonnement n’est plus valable');
  await expect(again.getByRole('link', { name: 'Gérer mes alertes' })).toBeVisible();
  await expectNoAxeViolations(again);
  await shot(again, 'offres-desabonnement-lien-use');
  await anonymous.close();

  // The person's account agrees.
  await page.reload();
  await expect(page.getByText('Vous n’avez pas d’alerte pour le moment.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Enseignants du premier degré' })).not.toBeChecked();
});

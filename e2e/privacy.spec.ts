import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.ts';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/donnees-personnelles-${name}.png`, fullPage: true });
const PASSWORD = 'Mot-de-passe-de-Gaelle-2026';
const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 390, height: 844 };

/** A person of Aix with a password, made by the platform's administrator through the API. */
async function newPerson(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await login(page, 'admin@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const domains = (await (await page.request.get('/api/domains')).json()) as { id: string; slug: string }[];
  const created = await page.request.post('/api/users', {
    headers: { 'x-csrf-token': me.csrfToken, origin: new URL(page.url()).origin },
    data: {
      email,
      firstName: 'Gaëlle',
      lastName: 'Oubli',
      homeDomainId: domains.find((d) => d.slug === 'ac-aix-marseille')!.id,
      password: PASSWORD,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await page.context().close();
}

test('a person downloads their data, asks for their account to be deleted; the referent approves', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = `gaelle.oubli.${Date.now().toString(36)}@magistere.test`;
  await newPerson(browser, email);

  // — The person, on her profile: her data, downloaded as a JSON file. —
  const person = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await login(person, email, PASSWORD);
  await expect(person.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await person.goto('/profil');
  const section = person.getByRole('region', { name: 'Mes données personnelles' });
  await expect(section).toBeVisible();
  const download = person.waitForEvent('download');
  await section.getByRole('link', { name: /Télécharger mes données/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^magistere-donnees-personnelles-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync((await file.path())!, 'utf8');
  const data = JSON.parse(text);
  expect(data.account).toMatchObject({ email, firstName: 'Gaëlle', lastName: 'Oubli', hasPassword: true });
  expect(text).not.toMatch(/argon2|passwordHash|csrf/i);

  // — Asking: the dialog wants a reason and the confirmation. —
  await section.getByRole('button', { name: 'Demander la suppression de mon compte' }).click();
  const dialog = person.getByRole('dialog', { name: 'Demander la suppression de mon compte' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  const summary = dialog.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' });
  await expect(summary).toContainText('Motif de la demande\u00a0: Ce champ est obligatoire.');
  await expect(summary).toContainText('Confirmation\u00a0: Cochez cette case pour confirmer votre demande.');
  await dialog.getByLabel(/^Motif de la demande/).fill('Je quitte l’Éducation nationale en juin.');
  const understood = 'Je comprends que la suppression de mon compte est définitive.';
  await dialog.locator('label', { hasText: understood }).click();
  await expect(dialog.getByLabel(understood)).toBeChecked();
  await expectNoAxeViolations(person);
  await shot(person, 'demande-1280');
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText('Votre demande de suppression a été envoyée')).toBeVisible();
  await expect(section.getByText('Demande de suppression en cours d’examen')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Retirer ma demande' })).toBeVisible();
  await expectNoAxeViolations(person);
  await shot(person, 'profil-1280');
  await person.setViewportSize(MOBILE);
  await shot(person, 'profil-390');

  // — The referent of Aix: the request in Administration, approved. —
  const referent = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await login(referent, 'referent@magistere.test');
  const nav = referent.getByRole('navigation', { name: 'Menu principal' });
  await nav.getByRole('button', { name: 'Administration' }).click();
  await nav.getByRole('link', { name: 'Demandes de suppression' }).click();
  await expect(referent).toHaveURL(/\/admin\/demandes-de-suppression$/);
  await expect(
    referent.getByRole('heading', { level: 1, name: 'Demandes de suppression de compte' }),
  ).toBeVisible();
  const row = referent.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Je quitte l’Éducation nationale en juin.');
  await expect(row).toContainText('En attente');
  await expectNoAxeViolations(referent);
  await shot(referent, 'admin-1280');
  await row.getByRole('button', { name: 'Accepter la demande de Gaëlle Oubli' }).click();
  const confirm = referent.getByRole('dialog', { name: 'Supprimer le compte de Gaëlle Oubli' });
  await expect(confirm).toContainText(email);
  await expectNoAxeViolations(referent);
  await confirm.getByRole('button', { name: 'Supprimer le compte' }).click();
  await expect(
    referent.getByText('Le compte de Gaëlle Oubli a été supprimé et ses données effacées.'),
  ).toBeVisible();
  // Decided, it leaves the pending list; among all requests it reads as approved, by whom, nameless.
  await expect(referent.getByRole('row').filter({ hasText: email })).toHaveCount(0);
  await referent.getByLabel('État').selectOption({ label: 'Toutes les demandes' });
  await referent.getByRole('button', { name: 'Filtrer' }).click();
  const decided = referent.getByRole('row').filter({ hasText: 'Acceptée le' }).first();
  await expect(decided).toContainText('Karim Benali');
  await expect(decided).toContainText('Utilisateur supprimé');
  await expect(decided).toContainText('Effacé avec le compte');
  await expect(decided).not.toContainText(email);
  await referent.setViewportSize(MOBILE);
  await shot(referent, 'admin-390');

  // — The person: signed out, and her password opens nothing any more. —
  await person.setViewportSize(DESKTOP);
  await person.reload();
  await expect(person).toHaveURL(/\/connexion/);
  await login(person, email, PASSWORD);
  await expect(person.getByText('Adresse électronique ou mot de passe incorrect.')).toBeVisible();
});

test('the referent refuses a request with a reason, which the person reads on her profile', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = `gaelle.reste.${Date.now().toString(36)}@magistere.test`;
  await newPerson(browser, email);
  const person = await (await browser.newContext({ viewport: MOBILE })).newPage();
  await login(person, email, PASSWORD);
  await expect(person.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const me = (await (await person.request.get('/api/me')).json()) as { csrfToken: string };
  const asked = await person.request.post('/api/me/erasure-request', {
    headers: { 'x-csrf-token': me.csrfToken, origin: new URL(person.url()).origin },
    data: { reason: 'Je change de ministère.', confirmed: true },
  });
  expect(asked.status(), await asked.text()).toBe(201);

  const referent = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await login(referent, 'referent@magistere.test');
  await expect(referent.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await referent.goto('/admin/demandes-de-suppression');
  const row = referent.getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: 'Refuser la demande de Gaëlle Oubli' }).click();
  const dialog = referent.getByRole('dialog', { name: 'Refuser la demande de Gaëlle Oubli' });
  await dialog.getByRole('button', { name: 'Refuser la demande' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Motif du refus\u00a0: Ce champ est obligatoire.');
  await dialog.getByLabel('Motif du refus').fill('Vous animez une session jusqu’en juin.');
  await expectNoAxeViolations(referent);
  await dialog.getByRole('button', { name: 'Refuser la demande' }).click();
  await expect(dialog).toBeHidden();
  await expect(referent.getByText('La demande de Gaëlle Oubli a été refusée.')).toBeVisible();

  await person.goto('/profil');
  const section = person.getByRole('region', { name: 'Mes données personnelles' });
  await expect(section.getByText('Demande de suppression refusée')).toBeVisible();
  await expect(section).toContainText('Motif\u00a0: Vous animez une session jusqu’en juin.');
  // She may ask again.
  await expect(section.getByRole('button', { name: 'Demander la suppression de mon compte' })).toBeVisible();
  await expectNoAxeViolations(person);
  await shot(person, 'refus-390');
});

/**
 * Two people edit the same course settings at once. The first saves; the second's save, made from the
 * version they opened, is refused: an alert says so and offers to load the latest version, what they
 * typed stays in the form, the field they had not touched takes the first person's value, and their next
 * save applies over it.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import { callApi, createCourse, expectNoAxeViolations, hideCourse, login, q, shot } from './support.ts';

async function loggedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  return page;
}

async function openSettings(page: Page, courseUrl: string) {
  await page.goto(`${courseUrl}/parametres`);
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres du parcours' })).toBeVisible();
}

test('a stale save of the course settings is refused; the latest version loads, what was typed is kept', async ({
  page,
  browser,
}) => {
  await login(page, 'concepteur@magistere.test');
  const courseUrl = await createCourse(page, 'Parcours à quatre mains', 'QUATRE');
  const courseId = courseUrl.split('/').pop()!;
  // The other designer (the académie's local administrator) opens the same settings in their browser.
  const other = await loggedIn(browser, 'referent@magistere.test');
  await openSettings(page, courseUrl);
  await openSettings(other, courseUrl);

  // The first saves a new short name.
  await page.getByLabel('Nom abrégé').fill('QUATRE-MAINS');
  await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
  await expect(
    page.getByText(`Les paramètres du parcours ${q('Parcours à quatre mains')} ont été enregistrés.`),
  ).toBeVisible();

  // The second, from the version they opened, renames the course: refused, nothing written.
  await other.getByLabel('Titre du parcours').fill('Parcours à deux voix');
  await other.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
  const alert = other.getByRole('alert').filter({ hasText: 'Modifié entre-temps' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(
    'Ce contenu a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.',
  );
  await expect(other.getByLabel('Titre du parcours')).toHaveValue('Parcours à deux voix');
  await expect(other.getByLabel('Nom abrégé')).toHaveValue('QUATRE');
  await expectNoAxeViolations(other);
  await shot(other, 'modification-concurrente-refusee');
  const stored = await (await callApi(page, 'GET', `/api/courses/${courseId}`)).json();
  expect(stored.course).toMatchObject({ title: 'Parcours à quatre mains', shortName: 'QUATRE-MAINS' });

  // Loaded: the title typed is kept, the short name is the first person's, and the alert says so.
  await alert.getByRole('button', { name: 'Charger la dernière version' }).click();
  const loaded = other.getByRole('status').filter({ hasText: 'Dernière version chargée' });
  await expect(loaded).toBeVisible();
  await expect(loaded).toContainText('Modifié par l’autre personne\u00a0: Nom abrégé.');
  await expect(other.getByLabel('Titre du parcours')).toHaveValue('Parcours à deux voix');
  await expect(other.getByLabel('Nom abrégé')).toHaveValue('QUATRE-MAINS');
  await expectNoAxeViolations(other);
  await shot(other, 'modification-concurrente-rechargee');

  // Saved over the latest version: both changes are kept.
  await other.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
  await expect(
    other.getByText(`Les paramètres du parcours ${q('Parcours à deux voix')} ont été enregistrés.`),
  ).toBeVisible();
  const merged = await (await callApi(page, 'GET', `/api/courses/${courseId}`)).json();
  expect(merged.course).toMatchObject({
    title: 'Parcours à deux voix',
    shortName: 'QUATRE-MAINS',
    version: 3,
  });

  await hideCourse(page, courseUrl);
  await other.context().close();
});

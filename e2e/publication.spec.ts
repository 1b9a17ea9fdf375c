import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login, q, shot } from './support.ts';

test('a designer publishes a parcours in the course offer, updates it with a new version, then withdraws it', async ({
  page,
}) => {
  await login(page, 'concepteur@magistere.test');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));

  await page.goto('/parcours/nouveau');
  await page.getByLabel(/Partir d’un gabarit/).selectOption({ label: 'Gabarit — parcours en autoformation' });
  await page.getByLabel('Titre du parcours').fill('Enseigner l’oral au collège');
  await page.getByLabel('Nom abrégé').fill('ORAL-COL');
  await page.getByRole('button', { name: 'Créer le parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enseigner l’oral au collège' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Pages du parcours' });

  // Not published yet: the section says what the indexation lacks, each field a link to it.
  await nav.getByRole('link', { name: 'Cycle de vie' }).click();
  const section = page.getByRole('region', { name: 'Publication dans l’offre' });
  await expect(section.getByText('Non publié')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Publier' })).toBeDisabled();
  await expect(section.getByRole('link', { name: 'Version' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'publication-missing');

  await section.getByRole('link', { name: 'Collection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indexation' })).toBeVisible();
  await page.getByLabel('Collection').selectOption({ label: 'Formation accompagnée' });
  await page.getByText('Enseignants du second degré').click();
  await page.getByRole('textbox', { name: 'Objectifs' }).fill('Faire de l’oral un objet d’enseignement.');
  await page.getByText('Académique', { exact: true }).click();
  await page
    .getByRole('group', { name: /Durée en présence/ })
    .getByLabel('Heures')
    .fill('3');
  await page.getByLabel(/Mots-clés/).fill('oral, éloquence, collège');
  await page.getByLabel(/^Version/).fill('1.0');
  await page.getByRole('button', { name: 'Enregistrer l’indexation' }).click();
  await expect(page.getByText('L’indexation a été enregistrée.')).toBeVisible();

  // Publish: a number and a short link.
  await nav.getByRole('link', { name: 'Cycle de vie' }).click();
  await section.getByRole('button', { name: 'Publier' }).click();
  await expect(
    page.getByText(new RegExp(`${q('Enseigner l’oral au collège')} est publié dans l’offre`)),
  ).toBeVisible();
  await expect(section.getByText('Publié', { exact: true })).toBeVisible();
  const link = section.getByRole('link', { name: /\/p\d+$/ });
  const href = (await link.getAttribute('href'))!;
  const number = href.slice(2);
  await expect(section.getByText(number, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'publication-published');

  // Anyone finds it in the catalogue API and its short link leads to its page.
  const found = await page.request.get('/api/offers?kind=course&q=oral');
  expect((await found.json()).items.map((i: { number: number }) => String(i.number))).toContain(number);
  const redirect = await page.request.get(href, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers().location).toBe(`/offres/${number}`);

  // A new version, with its notes for the deployers.
  await nav.getByRole('link', { name: 'Indexation' }).click();
  await page.getByLabel(/^Version/).fill('1.1');
  await page.getByRole('button', { name: 'Enregistrer l’indexation' }).click();
  await expect(page.getByText('L’indexation a été enregistrée.')).toBeVisible();
  await nav.getByRole('link', { name: 'Cycle de vie' }).click();
  await expect(section.getByText(/La version 1\.1 n’a pas encore été publiée/)).toBeVisible();
  await section.getByLabel(/Notes de version/).fill('Nouvelle séance sur le débat argumenté.');
  await section.getByRole('button', { name: 'Mettre à jour la publication' }).click();
  await expect(
    page.getByText(`La publication de ${q('Enseigner l’oral au collège')} a été mise à jour.`),
  ).toBeVisible();
  await expect(section.getByText('1.1', { exact: true })).toBeVisible();
  const presentation = await (await page.request.get(`/api/offers/${number}`)).json();
  expect(presentation.versions.map((v: { releaseNotes: string }) => v.releaseNotes)).toContain(
    'Nouvelle séance sur le débat argumenté.',
  );

  // Withdraw, after confirmation: the short link still answers, the offer says it was withdrawn.
  await section.getByRole('button', { name: 'Retirer de l’offre' }).click();
  const dialog = page.getByRole('dialog', { name: 'Retirer de l’offre ?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'publication-withdraw-confirm');
  await dialog.getByRole('button', { name: 'Retirer de l’offre' }).click();
  await expect(page.getByText(`${q('Enseigner l’oral au collège')} a été retiré de l’offre.`)).toBeVisible();
  await expect(section.getByText('Retiré', { exact: true })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Publier de nouveau' })).toBeEnabled();
  expect((await page.request.get(`/api/offers/${number}`)).status()).toBe(410);
  expect((await page.request.get(href, { maxRedirects: 0 })).status()).toBe(302);
  await shot(page, 'publication-withdrawn');

  // The other letter is not this offer: the web app's page-not-found, with a 404.
  const wrongLetter = await page.goto(`/f${number}`);
  expect(wrongLetter?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page non trouvée' })).toBeVisible();

  // The catalogue downloads, anonymous.
  const csv = await page.request.get('/api/offers/export.csv?kind=training&q=math%C3%A9matiques');
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(await csv.text()).toContain('Manipuler, verbaliser, abstraire');
  const pdf = await page.request.get('/api/offers/export.pdf?kind=training');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

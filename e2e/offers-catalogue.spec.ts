/**
 * The public offer: an anonymous visitor searches the catalogue, narrows it with a facet, opens an offer
 * through its short link, logs in from its page and comes back to enrol, then reaches the session. A
 * withdrawn offer's short link still leads to a page that says so.
 */
import { expect, type Page, test } from '@playwright/test';
import { callApi, expectNoAxeViolations, login } from './support.ts';

/** The demo's académie session of mathematics: 5 h, running, open to self-enrolment. */
const SESSION = /^Manipuler, verbaliser, abstraire.*session de printemps$/;
const WITHDRAWN = 'Enseigner la géométrie avec un logiciel de géométrie dynamique';

// Two cores shared with other suites: the whole path takes a while.
test.describe.configure({ timeout: 150_000 });

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/offers-catalogue-${name}.png`, fullPage: true });
}

async function api<T>(page: Page, method: 'POST' | 'PUT' | 'DELETE', path: string, data?: unknown) {
  const response = await callApi(page, method, path, data);
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * What a designer of Aix does from the life-cycle page (the publication spec drives it): an indexed
 * parcours published in the course offer, then withdrawn. Returns its number.
 */
async function publishThenWithdraw(page: Page) {
  await login(page, 'concepteur@magistere.test');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  const me = (await (await page.request.get('/api/me')).json()) as {
    domains: { id: string; slug: string }[];
  };
  const course = await api<{ id: string }>(page, 'POST', '/api/courses', {
    domainId: me.domains.find((d) => d.slug === 'ac-aix-marseille')!.id,
    title: WITHDRAWN,
    shortName: 'GEO-DYN',
  });
  await api(page, 'PUT', `/api/courses/${course.id}/metadata`, {
    collection: 'autoformation',
    publics: ['enseignants_2d'],
    objectives: '<p>Construire des figures qui résistent au déplacement.</p>',
    origin: 'academie',
    durationRemote: 120,
    version: '1.0',
  });
  const published = await api<{ offer: { number: number } }>(
    page,
    'POST',
    `/api/courses/${course.id}/publication`,
    { releaseNotes: 'Première version.' },
  );
  await api(page, 'DELETE', `/api/courses/${course.id}/publication`);
  await page.context().clearCookies();
  return published.offer.number;
}

test('anyone finds a training in the offer, opens it by its short link, logs in and enrols', async ({
  page,
}) => {
  const withdrawn = await publishThenWithdraw(page);

  // Anonymous: the header offers the catalogue.
  await page.goto('/connexion');
  await page.getByRole('navigation').getByRole('link', { name: 'Offre de formation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offre de formation' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Formations' })).toHaveAttribute('aria-selected', 'true');

  // Search by keyboard: accents and case do not matter.
  const words = page.getByRole('searchbox', { name: /Mots recherchés/ });
  await words.focus();
  await page.keyboard.type('Mathématiques');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=Math%C3%A9matiques/);
  await expect(page.getByRole('link', { name: SESSION })).toBeVisible();

  // The 3–6 h facet, ticked from the keyboard; its count is the number of results it gives.
  const facet = page.getByRole('checkbox', { name: /^De 3\sh à moins de 6\sh/ });
  const label = await facet.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '');
  const count = Number(/\((\d+)\)/.exec(label)?.[1]);
  expect(count).toBeGreaterThan(0);
  await facet.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/duration=3to6h/);
  await expect(facet).toBeChecked();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${count} offres?$`) })).toBeVisible();
  await expect(page.locator('.mg-offer-results > li')).toHaveCount(count);
  const card = page.getByRole('link', { name: SESSION });
  await expect(card).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '1-search');

  // The back button undoes the facet: the query lives in the URL.
  await page.goBack();
  await expect(facet).not.toBeChecked();
  await page.goForward();
  await expect(facet).toBeChecked();

  // The card leads to offer n; its short link /f<n>, as printed on a flyer, leads to the same page.
  const number = Number(/^\/offres\/(\d+)$/.exec((await card.getAttribute('href')) ?? '')?.[1]);
  expect(number).toBeGreaterThanOrEqual(100);
  await page.goto(`/f${number}`);
  await expect(page).toHaveURL(`/offres/${number}`);
  await expect(page.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();
  await expect(page.getByTestId('lien-court')).toHaveText(new RegExp(`/f${number}$`));
  await expect(page.getByRole('heading', { name: 'Objectifs' })).toBeVisible();
  await expect(page.getByText('Choisir un matériel de manipulation adapté', { exact: false })).toBeVisible();
  await expect(page.getByText('Enseignants du premier degré')).toBeVisible();
  await expect(page.getByText('Équipe de circonscription mathématiques d’Aix-Marseille')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '2-presentation-anonymous');

  // The demo: the outline of the session, read-only, reached and left by keyboard.
  await page.getByRole('link', { name: 'Voir le parcours en démonstration' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/offres/${number}/demo`);
  await expect(page.getByRole('heading', { level: 2, name: 'Manipuler', exact: true })).toBeVisible();
  await expect(page.getByText('Du matériel pour penser')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Du matériel pour penser' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, '3-demo');
  await page.getByRole('link', { name: 'Retour à la présentation' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/offres/${number}`);

  // "M'inscrire": log in, then back here.
  await page.getByRole('link', { name: 'M’inscrire' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/connexion?retour=%2Foffres%2F${number}`);
  await page.getByLabel('Adresse électronique').fill('participant@magistere.test');
  await page.getByLabel('Mot de passe', { exact: true }).fill('Magistere-demo-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(`/offres/${number}`);
  const enrol = page.getByRole('button', { name: 'M’inscrire à cette session' });
  await expect(enrol).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '4-presentation-signed-in');
  await enrol.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Votre inscription est enregistrée. Bonne formation\u00a0!')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '5-enrolled');
  await page.getByRole('link', { name: 'Accéder à la session' }).click();
  await expect(page).toHaveURL(/\/parcours\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();

  // Leave the session, so that the participant's Mon espace of the other specs stays as it was.
  const sessionId = page.url().split('/').pop();
  const left = await callApi(page, 'DELETE', `/api/courses/${sessionId}/self-enrolment`);
  expect(left.status()).toBe(200);

  // A withdrawn offer: its short link still answers, and its page says so.
  await page.goto(`/p${withdrawn}`);
  await expect(page).toHaveURL(`/offres/${withdrawn}`);
  await expect(page.getByRole('heading', { level: 1, name: WITHDRAWN })).toBeVisible();
  await expect(page.getByText('Offre retirée')).toBeVisible();
  await expect(page.getByText(/a été retirée le/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '6-withdrawn');
  await page.getByRole('link', { name: 'Retour à l’offre de formation' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Offre de formation' })).toBeVisible();
});

test('the course offer shows a parcours with its version notes and the sessions given from it', async ({
  page,
}) => {
  await page.goto('/offres?q=probl%C3%A8mes');
  // The search words stay when the kind changes, chosen from the keyboard.
  await expect(page.getByRole('heading', { level: 2, name: /offres?$/ })).toBeVisible();
  const tab = page.getByRole('tab', { name: 'Parcours' });
  await page.getByRole('tab', { name: 'Formations' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab).toBeFocused();
  // The DSFR script binds the tabs' keys after the page's first paint: press again until it listens.
  await expect(async () => {
    await tab.press('Enter');
    await expect(page).toHaveURL(/kind=course/, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('searchbox', { name: /Mots recherchés/ })).toHaveValue('problèmes');
  const card = page.getByRole('link', {
    name: 'Résoudre des problèmes en mathématiques au cycle 3',
    exact: true,
  });
  await expect(card).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '7-course-offer');

  await card.click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Résoudre des problèmes en mathématiques au cycle 3' }),
  ).toBeVisible();
  await expect(page.getByTestId('lien-court')).toHaveText(/\/p\d+$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Notes de version' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^Version 1\.0, publiée le/ })).toBeVisible();
  // A parcours is not enrolled in: its sessions are.
  await expect(page.getByRole('link', { name: 'M’inscrire' })).toHaveCount(0);
  const sessions = page.getByRole('region', { name: 'Sessions données à partir de ce parcours' });
  await expectNoAxeViolations(page);
  await shot(page, '8-course-presentation');
  await sessions.getByRole('link', { name: /session nationale 2027$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /session nationale 2027$/ })).toBeVisible();
  await expect(page.getByText('L’inscription libre n’est pas ouverte pour cette session.')).toBeVisible();
});

/**
 * The public offer: an anonymous visitor searches the catalogue, narrows it with a facet, opens an offer
 * through its short link, logs in from its page and comes back to enrol, then reaches the session. A
 * withdrawn offer's short link still leads to a page that says so.
 */
import { expect, type Page, test } from '@playwright/test';
import { callApi, expectNoAxeViolations, login } from './support.ts';

const TITLE = 'Résoudre des problèmes en mathématiques au cycle 3';
const SESSION = `${TITLE} — session de printemps 2027`;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/offers-catalogue-${name}.png`, fullPage: true });
}

async function api<T>(page: Page, method: 'POST' | 'PUT' | 'DELETE', path: string, data?: unknown) {
  const response = await callApi(page, method, path, data);
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * What a designer of Aix does through the life cycle pages (other specs drive them): an indexed parcours
 * of mathematics of 4 h 30, a running session open to self-enrolment published in the training offer, and
 * the parcours itself published then withdrawn from the course offer.
 */
async function publishOffers(page: Page) {
  await login(page, 'concepteur@magistere.test');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  const me = (await (await page.request.get('/api/me')).json()) as {
    domains: { id: string; slug: string }[];
  };
  const domainId = me.domains.find((d) => d.slug === 'ac-aix-marseille')!.id;
  const course = await api<{ id: string }>(page, 'POST', '/api/courses', {
    domainId,
    title: TITLE,
    shortName: 'MATHS-PB-C3',
    summary:
      '<p>Des situations de recherche pour apprendre aux élèves à modéliser, à essayer et à prouver.</p>',
  });
  const section = await api<{ id: string }>(page, 'POST', `/api/courses/${course.id}/sections`, {
    title: 'Séance 1 — Chercher ensemble',
  });
  await api(page, 'POST', `/api/courses/${course.id}/activities`, {
    sectionId: section.id,
    kind: 'page',
    title: 'Qu’est-ce qu’un problème pour chercher\u00a0?',
    settings: { content: '<p>Un problème dont la solution n’est pas immédiate.</p>' },
  });
  await api(page, 'PUT', `/api/courses/${course.id}/metadata`, {
    collection: 'formation',
    publics: ['enseignants_1d'],
    objectives:
      '<ul><li>Choisir des problèmes qui font chercher.</li><li>Mener une mise en commun.</li></ul>',
    origin: 'academie',
    durationOnSite: 180,
    durationRemote: 90,
    rhythm: 'Deux demi-journées en présence, une séquence à distance entre les deux.',
    keywords: ['mathématiques', 'résolution de problèmes', 'cycle 3'],
    authors: 'Équipe des conseillers pédagogiques en mathématiques',
    version: '1.0',
  });
  const session = await api<{ id: string }>(page, 'POST', `/api/courses/${course.id}/sessions`, {
    title: SESSION,
    settings: { startsAt: '2027-03-15T09:00:00+01:00', endsAt: '2027-05-28T17:00:00+02:00' },
  });
  await api(page, 'POST', `/api/courses/${session.id}/open`, { selfEnrolment: true });
  const training = await api<{ offer: { number: number } }>(
    page,
    'POST',
    `/api/courses/${session.id}/publication`,
    {},
  );
  const parcours = await api<{ offer: { number: number } }>(
    page,
    'POST',
    `/api/courses/${course.id}/publication`,
    { releaseNotes: 'Première version.' },
  );
  await api(page, 'DELETE', `/api/courses/${course.id}/publication`);
  await page.context().clearCookies();
  return { training: training.offer.number, withdrawn: parcours.offer.number, sessionId: session.id };
}

test('anyone finds a training in the offer, opens it by its short link, logs in and enrols', async ({
  page,
}) => {
  const offers = await publishOffers(page);

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
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible();

  // The 3–6 h facet, ticked from the keyboard; its count is the number of results it gives.
  const facet = page.getByRole('checkbox', { name: /^De 3 à 6/ });
  const label = await facet.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '');
  const count = Number(/\((\d+)\)/.exec(label)?.[1]);
  expect(count).toBeGreaterThan(0);
  await facet.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/duration=3to6h/);
  await expect(facet).toBeChecked();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${count} offres?$`) })).toBeVisible();
  await expect(page.locator('.mg-offer-results > li')).toHaveCount(count);
  const card = page.getByRole('link', { name: TITLE });
  await expect(card).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '1-search');

  // The back button undoes the facet: the query lives in the URL.
  await page.goBack();
  await expect(facet).not.toBeChecked();
  await page.goForward();
  await expect(facet).toBeChecked();

  // The card leads to number n; its short link /f<n> leads to the same page.
  expect(await card.getAttribute('href')).toBe(`/offres/${offers.training}`);
  await page.goto(`/f${offers.training}`);
  await expect(page).toHaveURL(`/offres/${offers.training}`);
  await expect(page.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();
  await expect(page.getByTestId('lien-court')).toHaveText(new RegExp(`/f${offers.training}$`));
  await expect(page.getByRole('heading', { name: 'Objectifs' })).toBeVisible();
  await expect(page.getByText('Choisir des problèmes qui font chercher.')).toBeVisible();
  await expect(page.getByText('Enseignants du premier degré')).toBeVisible();
  await expect(page.getByText('Équipe des conseillers pédagogiques en mathématiques')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '2-presentation-anonymous');

  // The demo: the outline of the session, read-only, reached and left by keyboard.
  await page.getByRole('link', { name: 'Voir le parcours en démonstration' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/offres/${offers.training}/demo`);
  await expect(page.getByRole('heading', { level: 2, name: 'Séance 1 — Chercher ensemble' })).toBeVisible();
  await expect(page.getByText('Qu’est-ce qu’un problème pour chercher\u00a0?')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Qu’est-ce qu’un problème pour chercher\u00a0?' })).toHaveCount(
    0,
  );
  await expectNoAxeViolations(page);
  await shot(page, '3-demo');
  await page.getByRole('link', { name: 'Retour à la présentation' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/offres/${offers.training}`);

  // "M'inscrire": log in, then back here.
  await page.getByRole('link', { name: 'M’inscrire' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/connexion?retour=%2Foffres%2F${offers.training}`);
  await page.getByLabel('Adresse électronique').fill('participant@magistere.test');
  await page.getByLabel('Mot de passe', { exact: true }).fill('Magistere-demo-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(`/offres/${offers.training}`);
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
  await expect(page).toHaveURL(`/parcours/${offers.sessionId}`);
  await expect(page.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();

  // Leave the session, so that the participant's Mon espace of the other specs stays as it was.
  const left = await callApi(page, 'DELETE', `/api/courses/${offers.sessionId}/self-enrolment`);
  expect(left.status()).toBe(200);

  // A withdrawn offer: its short link still answers, and its page says so.
  await page.goto(`/p${offers.withdrawn}`);
  await expect(page).toHaveURL(`/offres/${offers.withdrawn}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText('Offre retirée')).toBeVisible();
  await expect(page.getByText(/a été retirée le/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '6-withdrawn');
  await page.getByRole('link', { name: 'Retour à l’offre de formation' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Offre de formation' })).toBeVisible();
});

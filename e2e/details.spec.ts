/**
 * Details a newcomer tripped on (issue 11, "Details"): the catalogue on a phone, a withdrawn offer's
 * headings, unknown short links, a suspended account at login, a session's practical information, the
 * version of a parcours, a label that repeats its style. Each page is looked at 1280 and 390 px wide.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { callApi, demoEmail, expectNoAxeViolations, login, shot } from './support.ts';

test.describe.configure({ timeout: 120_000 });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Both widths' screenshots of the page as it is now. */
async function shots(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await shot(page, `details-${name}-1280`);
  await page.setViewportSize(PHONE);
  await shot(page, `details-${name}-390`);
  await page.setViewportSize(DESKTOP);
}

/** The headings go down one level at a time (axe's best-practice rule, outside the WCAG tags). */
async function expectHeadingOrder(page: Page) {
  const results = await new AxeBuilder({ page }).withRules(['heading-order']).analyze();
  expect(results.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
}

async function loggedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await login(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  return page;
}

async function ok<T>(response: Promise<import('@playwright/test').APIResponse>): Promise<T> {
  const r = await response;
  expect(r.ok(), `${r.url()}: ${r.status()} ${await r.text()}`).toBe(true);
  return (await r.json()) as T;
}

async function courseByShortName(page: Page, shortName: string) {
  const list = await ok<{ id: string; shortName: string }[]>(callApi(page, 'GET', '/api/courses'));
  const course = list.find((c) => c.shortName === shortName);
  expect(course, shortName).toBeDefined();
  return course!.id;
}

test('on a phone the catalogue shows its results first, the filters behind "Filtrer"', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/offres');
  const filter = page.getByRole('button', { name: 'Filtrer', exact: true });
  const durations = page.getByRole('group', { name: 'Durée' });
  await expect(filter).toBeVisible();
  await expect(filter).toHaveAttribute('aria-expanded', 'false');
  await expect(durations).toBeHidden();
  const results = page.getByRole('heading', { level: 2, name: /^\d+ offres?$/ });
  await expect(results).toBeVisible();
  // Nothing stands between the button and the results: the filters are folded.
  const button = (await filter.boundingBox())!;
  const heading = (await results.boundingBox())!;
  expect(heading.y - (button.y + button.height)).toBeLessThan(80);
  await expect(page.locator('.mg-offer-results > li').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'details-catalogue-390');

  await filter.click();
  await expect(filter).toHaveAttribute('aria-expanded', 'true');
  await expect(durations).toBeVisible();
  await durations.getByText(/^De 3\sh à moins de 6/).click();
  await expect(page).toHaveURL(/duration=3to6h/);
  await expect(durations.getByRole('checkbox', { name: /^De 3\sh à moins de 6/ })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Filtrer (1 filtre actif)' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'details-catalogue-390-filters');

  // On a wide screen the filters stand beside the results, without the button.
  await page.setViewportSize(DESKTOP);
  await expect(page.getByRole('button', { name: /^Filtrer/ })).toBeHidden();
  await expect(durations).toBeVisible();
  await shot(page, 'details-catalogue-1280');
});

test('a withdrawn offer’s page keeps its headings in order, and unknown short links answer 404', async ({
  browser,
  page,
}) => {
  const designer = await loggedIn(browser, 'concepteur@magistere.test');
  const me = await ok<{ domains: { id: string; slug: string }[] }>(callApi(designer, 'GET', '/api/me'));
  const course = await ok<{ id: string }>(
    callApi(designer, 'POST', '/api/courses', {
      domainId: me.domains.find((d) => d.slug === 'ac-aix-marseille')!.id,
      title: 'Lire des albums en maternelle',
      shortName: 'ALBUMS-PS',
    }),
  );
  await ok(
    callApi(designer, 'PUT', `/api/courses/${course.id}/metadata`, {
      collection: 'autoformation',
      publics: ['enseignants_1d'],
      objectives: '<p>Choisir et lire des albums.</p>',
      origin: 'academie',
      version: '1.0',
    }),
  );
  const published = await ok<{ offer: { number: number } }>(
    callApi(designer, 'POST', `/api/courses/${course.id}/publication`, {}),
  );
  await ok(callApi(designer, 'DELETE', `/api/courses/${course.id}/publication`));
  const number = published.offer.number;
  await designer.context().close();

  await page.goto(`/offres/${number}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Lire des albums en maternelle' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Offre retirée' })).toBeVisible();
  await expectHeadingOrder(page);
  await expectNoAxeViolations(page);
  await shots(page, 'withdrawn-offer');

  // A short link that names no offer is not found, however it is mistyped; a real one still redirects.
  for (const url of ['/f103x', '/f999999', `/p${number}x`, '/f1.5', '/p12345678901']) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(404);
  }
  expect((await page.request.get(`/p${number}`, { maxRedirects: 0 })).status()).toBe(302);
  await page.goto('/f103x');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Page non trouvée');
});

test('a suspended account is told so at login, with whom to ask', async ({ browser, page }) => {
  const email = demoEmail(57);
  const admin = await loggedIn(browser, 'admin@magistere.test');
  const found = await ok<{ items: { id: string; email: string }[] }>(
    callApi(admin, 'GET', `/api/users?q=${encodeURIComponent(email)}`),
  );
  const user = found.items.find((u) => u.email === email)!;
  await ok(callApi(admin, 'POST', `/api/users/${user.id}/suspend`));
  try {
    await login(page, email);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { level: 2, name: 'Compte suspendu' })).toBeVisible();
    await expect(alert).toContainText('Votre compte est suspendu');
    await expect(alert).toContainText('administrateur local de votre domaine');
    await expect(alert).toContainText(/Domaine de votre compte\u00a0: Académie/);
    await expect(page.getByText('Une erreur s’est produite')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await shots(page, 'login-suspended');
  } finally {
    await ok(callApi(admin, 'POST', `/api/users/${user.id}/reactivate`));
    await admin.context().close();
  }
});

test('a hybrid session’s participants see its dates, trainer, contact and on-site days', async ({
  browser,
}) => {
  const trainer = await loggedIn(browser, 'formateur@magistere.test');
  const sessionId = await courseByShortName(trainer, 'MEMOIRE-C34-S1');
  const before = await ok<{ session: { onSiteDays: unknown[] } }>(
    callApi(trainer, 'GET', `/api/courses/${sessionId}/workflow`),
  );
  expect(before.session.onSiteDays).toHaveLength(2);

  // The trainer adds a third on-site day in the session's settings; a day ending before it starts is
  // refused on its field.
  await trainer.goto(`/parcours/${sessionId}/cycle-de-vie`);
  const settings = trainer.getByRole('region', { name: 'Réglages de la session' });
  await expect(settings.getByRole('group', { name: /Journées en présence/ })).toBeVisible();
  await expect(settings.getByRole('heading', { level: 3, name: /^Journée \d$/ })).toHaveCount(2);
  await settings.getByRole('button', { name: 'Ajouter une journée' }).click();
  const third = new Date(Date.now() + 20 * 24 * 3600 * 1000).toLocaleDateString('en-CA', {
    timeZone: 'Europe/Paris',
  });
  const date = trainer.locator('#session-onSiteDays\\.2\\.date');
  await expect(date).toBeFocused();
  await date.fill(third);
  await trainer.locator('#session-onSiteDays\\.2\\.startTime').fill('17:00');
  await trainer.locator('#session-onSiteDays\\.2\\.endTime').fill('09:00');
  await trainer
    .locator('#session-onSiteDays\\.2\\.place')
    .fill('Inspection académique, salle 3 — 1 rue Neuve, Aix');
  await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(
    settings.getByText('L’heure de fin doit être postérieure à l’heure de début.').first(),
  ).toBeVisible();
  await expect(trainer.locator('#session-onSiteDays\\.2\\.endTime')).toHaveAttribute('aria-invalid', 'true');
  await trainer.locator('#session-onSiteDays\\.2\\.startTime').fill('09:00');
  await trainer.locator('#session-onSiteDays\\.2\\.endTime').fill('12:00');
  await trainer
    .locator('#session-onSiteDays\\.2\\.place')
    .fill('Inspection académique, salle 3 — 1 rue Neuve, Aix');
  await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(trainer.getByText('Les réglages de la session ont été enregistrés.')).toBeVisible();
  await expect(settings.getByRole('heading', { level: 3, name: /^Journée \d$/ })).toHaveCount(3);
  await expectNoAxeViolations(trainer);
  await settings.scrollIntoViewIfNeeded();
  await shots(trainer, 'session-settings');

  try {
    // The participant reads it on the session's page.
    const participant = await loggedIn(browser, 'participant@magistere.test');
    await participant.goto(`/parcours/${sessionId}`);
    const info = participant.getByRole('region', { name: 'Informations pratiques' });
    await expect(info).toBeVisible();
    await expect(info).toContainText(/Du \d+ \S+ \d{4} au \d+ \S+ \d{4}/);
    await expect(info).toContainText('Nathalie Lefèvre');
    await expect(info.getByRole('link', { name: 'formation.memoire@magistere.test' })).toHaveAttribute(
      'href',
      'mailto:formation.memoire@magistere.test',
    );
    const days = info.getByRole('listitem');
    await expect(days).toHaveCount(3);
    // In date order: the new day (in 20 days) between the demo's two (in 10 and 31 days).
    await expect(days.nth(1)).toContainText('de 9\u00a0h\u00a000 à 12\u00a0h\u00a000');
    await expect(days.nth(1)).toContainText('Inspection académique, salle 3');
    await expect(days.nth(0)).toContainText('Collège Jean-Moulin');
    await expectNoAxeViolations(participant);
    await expectHeadingOrder(participant);
    await shots(participant, 'session-practical');
    await participant.context().close();
  } finally {
    // Back to the demo's two days, for the other specs.
    await ok(
      callApi(trainer, 'PUT', `/api/courses/${sessionId}/session`, { onSiteDays: before.session.onSiteDays }),
    );
    await trainer.context().close();
  }
});

test('a parcours says its version is needed to publish it; a label does not repeat its style', async ({
  browser,
}) => {
  const designer = await loggedIn(browser, 'concepteur@magistere.test');
  const parcours = await courseByShortName(designer, 'MEMOIRE-C34');
  await designer.goto(`/parcours/${parcours}/indexation`);
  // Its label says what it is needed for, and not "(facultatif)".
  await expect(
    designer.getByRole('textbox', { name: /^Version Nécessaire pour publier dans l’offre de parcours/ }),
  ).toBeVisible();
  await expect(designer.getByText('Version (facultatif)', { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(designer);
  await shots(designer, 'indexation-parcours');

  // A session goes to the training offer, which needs no version.
  const session = await courseByShortName(designer, 'MEMOIRE-C34-S1');
  await designer.goto(`/parcours/${session}/indexation`);
  await expect(designer.getByLabel('Version (facultatif)', { exact: true })).toBeVisible();

  // "Objectifs du parcours", an objective: said once.
  await designer.goto(`/parcours/${parcours}`);
  await expect(designer.getByRole('heading', { name: 'Objectifs du parcours', exact: true })).toBeVisible();
  await expect(designer.getByText(/Objectif\u00a0: Objectifs/)).toHaveCount(0);
  await expect(
    designer.getByRole('heading', { name: 'Consigne\u00a0: Comment suivre ce parcours' }),
  ).toBeVisible();
  await shots(designer, 'label-objective');
  await designer.context().close();
});

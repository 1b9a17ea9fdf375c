import { expect, type Page, test } from '@playwright/test';
import { enrolParticipant, expectNoAxeViolations, login } from './support.ts';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/achevement-${name}.png`, fullPage: true });
const COURSE = `Évaluer par compétences — ${Date.now()}`;

/** JSON calls as the logged-in person of the page (session cookie, CSRF token, same origin). */
async function apiOf(page: Page) {
  const { csrfToken } = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const origin = new URL(page.url()).origin;
  return async (method: 'POST' | 'PATCH' | 'PUT', url: string, data: unknown) => {
    const response = await page.request.fetch(url, {
      method,
      data,
      headers: { 'x-csrf-token': csrfToken, origin },
    });
    expect(response.ok(), await response.text()).toBe(true);
    return response.json();
  };
}

test('a designer sets completion rules; a participant completes the course and sees the bar move', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // The designer makes a course of Aix with two pages (through the API: the editor has its own spec).
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const call = await apiOf(page);
  const domains = (await (await page.request.get('/api/domains')).json()) as { id: string; slug: string }[];
  const aix = domains.find((d) => d.slug === 'ac-aix-marseille')!.id;
  const course = await call('POST', '/api/courses', { domainId: aix, title: COURSE, shortName: 'EVAL-COMP' });
  const section = await call('POST', `/api/courses/${course.id}/sections`, { title: 'Séance 1' });
  const page1 = await call('POST', `/api/courses/${course.id}/activities`, {
    sectionId: section.id,
    kind: 'page',
    title: 'Lire le référentiel',
    settings: { content: '<p>Les compétences professionnelles des métiers du professorat.</p>' },
  });
  await call('POST', `/api/courses/${course.id}/activities`, {
    sectionId: section.id,
    kind: 'page',
    title: 'Auto-positionnement',
    settings: { content: '<p>Situez-vous sur chaque compétence.</p>' },
  });

  // Rule 1, on the activity's edit page: done when opened.
  await page.goto(`/parcours/${course.id}/activite/${page1.id}/modifier`);
  const rules = page.getByRole('group', { name: /Achèvement de l’activité/ });
  await expect(rules).toBeVisible();
  await rules.getByText('Terminée quand le participant l’a consultée').click();
  await expectNoAxeViolations(page);
  await shot(page, 'regle-activite');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();

  // Rule 2, on the course's completion page: the participant marks it done.
  await page.goto(`/parcours/${course.id}/achevement`);
  await expect(page.getByRole('heading', { level: 1, name: 'Achèvement du parcours' })).toBeVisible();
  await expect(page.getByText('1 activité suivie')).toBeVisible();
  await expect(page.getByLabel('Lire le référentiel')).toHaveValue('view');
  await page
    .getByLabel('Auto-positionnement')
    .selectOption({ label: 'Le participant la marque comme terminée' });
  // Chosen criteria need at least one activity: the summary says so, next to the field too.
  await page.getByText('les activités choisies ci-dessous').click();
  await expect(page.getByRole('group', { name: /Activités à terminer/ }).getByRole('checkbox')).toHaveCount(
    2,
  );
  await page.getByRole('button', { name: 'Enregistrer l’achèvement' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Choisissez au moins une activité suivie.');
  await expectNoAxeViolations(page);
  await page.getByText('toutes les activités suivies').click();
  await page.getByRole('button', { name: 'Enregistrer l’achèvement' }).click();
  await expect(page.getByText('Les conditions d’achèvement ont été enregistrées.')).toBeVisible();
  await expect(page.getByText('2 activités suivies')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'parametres');

  // The participant, enrolled, opens the course: 0 %.
  await enrolParticipant(page, `/parcours/${course.id}`);
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'fr-FR' });
  const learner = await context.newPage();
  await login(learner, 'participant@magistere.test');
  await expect(learner.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await learner.goto(`/parcours/${course.id}`);
  const bar = learner.getByRole('progressbar', { name: 'Votre progression' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expect(learner.getByText(/^0\s%\s—\s0 activité sur 2/)).toBeVisible();
  const toggle = learner.getByRole('button', { name: 'Marquer comme terminé\u00a0: Auto-positionnement' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(learner.getByText('À faire')).toHaveCount(2);
  await expectNoAxeViolations(learner);
  await shot(learner, 'participant-debut');

  // Opening the first page completes it: 50 %.
  await learner.getByRole('link', { name: 'Lire le référentiel' }).click();
  await expect(learner.getByRole('heading', { level: 1, name: 'Lire le référentiel' })).toBeVisible();
  await expect(learner.getByText(/^Terminé le \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
  await expectNoAxeViolations(learner);
  await shot(learner, 'participant-activite');
  await learner.getByRole('link', { name: COURSE }).click();
  await expect(learner.getByText(/^50\s%\s—\s1 activité sur 2/)).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '50');

  // Marking the second one done: 100 %, the course is complete; unmarking goes back.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(learner.getByText(/^100\s%\s—\s2 activités sur 2/)).toBeVisible();
  await expect(learner.getByText(/Parcours terminé le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expectNoAxeViolations(learner);
  await shot(learner, 'participant-termine');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(learner.getByText(/^50\s%\s—\s1 activité sur 2/)).toBeVisible();
  await toggle.press('Enter');
  await expect(learner.getByText(/^100\s%\s—\s2 activités sur 2/)).toBeVisible();

  // Mon espace shows the course's progress on its card.
  await learner.goto('/');
  await expect(
    learner.getByRole('progressbar', { name: `Progression dans «\u00a0${COURSE}\u00a0»` }),
  ).toHaveAttribute('aria-valuenow', '100');
  await expectNoAxeViolations(learner);
  await shot(learner, 'mon-espace');
  await context.close();
});

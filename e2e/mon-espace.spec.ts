/**
 * "Mon espace" for the three people of a training: the participant finds her session under "Mes
 * parcours" with where to resume, the trainer hers under "Mes formations", the designer his parcours
 * under "Mes conceptions" — and nobody sees a block that is not theirs. Each page is checked with axe and
 * pictured at 1,280 and 390 px, to be looked at.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login, q } from './support.ts';

const SESSION = 'Mémoire et apprentissages — session 2026-2027';
const SPRING = 'Manipuler, verbaliser, abstraire : les mathématiques au cycle 2 — session de printemps';
const TEMPLATE = 'Gabarit — parcours en autoformation';

type Activity = { id: string; kind: string; title: string };

/** Full-page pictures of Mon espace at desktop and phone widths. */
async function pictures(page: Page, who: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/mon-espace-${who}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const block = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** What every Mon espace shares: the offer linked, no trainer or designer text for the wrong person. */
async function common(page: Page) {
  await expect(page.getByRole('link', { name: 'Consulter l’offre de formation' }).first()).toHaveAttribute(
    'href',
    '/offres',
  );
  await expect(page.getByText('n’est pas encore disponible sur cette plateforme')).toHaveCount(0);
}

test('the participant finds her session under "Mes parcours" and resumes where she stopped', async ({
  page,
}) => {
  await login(page, 'participant@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await common(page);
  const mine = block(page, 'Mes parcours');
  await expect(mine.getByRole('heading', { level: 3, name: SESSION })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mes formations' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Mes conceptions' })).toHaveCount(0);
  await expect(page.getByText('Vous ne concevez aucun parcours')).toHaveCount(0);
  // "Mes rôles" names her session, not a number.
  await expect(page.getByRole('region', { name: 'Mes rôles' })).toContainText(`Participant — ${SESSION}`);
  // Her progress on the card.
  await expect(mine.getByRole('progressbar', { name: `Progression dans ${q(SESSION)}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await pictures(page, 'participant');

  // The session's activities in reading order, labels apart.
  const sessionId = (await mine.getByRole('link', { name: SESSION, exact: true }).getAttribute('href'))!
    .split('/')
    .pop()!;
  const coursePage = (await (await page.request.get(`/api/courses/${sessionId}`)).json()) as {
    sections: { activities: Activity[] }[];
  };
  const all = coursePage.sections.flatMap((s) => s.activities);
  const steps = all.filter((a) => a.kind !== 'label');
  const labels = new Set(all.filter((a) => a.kind === 'label').map((a) => a.title));

  // "Commencer" or "Reprendre" leads to an activity, never to a label.
  const card = mine.locator('.fr-card').filter({ has: page.getByRole('heading', { name: SESSION }) });
  const next = (await card.getByText(/^Prochaine activité/).textContent())!.replace(
    /^Prochaine activité\s*:\s*/,
    '',
  );
  expect(labels.has(next)).toBe(false);
  await card
    .getByRole('link', { name: `Commencer ${q(SESSION)}`, exact: true })
    .or(card.getByRole('link', { name: `Reprendre ${q(SESSION)}`, exact: true }))
    .click();
  await expect(page.getByRole('heading', { level: 1, name: next })).toBeVisible();
  const here = steps.findIndex((a) => a.title === next);
  expect(here).toBeGreaterThanOrEqual(0);

  // "Suivant" goes to the next activity, past any label.
  const following = steps[here + 1];
  if (following) {
    const link = page.getByRole('link', { name: `Élément suivant\u00a0: ${following.title}`, exact: true });
    await expect(link).toHaveAttribute('href', new RegExp(`/activite/${following.id}$`));
  }
  await expectNoAxeViolations(page);

  // Back on Mon espace, she now resumes.
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Mon espace' })
    .click();
  await expect(card.getByRole('link', { name: `Reprendre ${q(SESSION)}` })).toBeVisible();
});

test('the trainer finds her sessions under "Mes formations", with their follow-up and participants', async ({
  page,
}) => {
  await login(page, 'formateur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await common(page);
  const trainings = block(page, 'Mes formations');
  await expect(trainings.getByRole('heading', { level: 3, name: SESSION })).toBeVisible();
  await expect(trainings.getByRole('heading', { level: 3, name: SPRING })).toBeVisible();
  await expect(page.getByText('Vous n’animez ni ne tutorez aucune session')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Mes parcours' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Mes conceptions' })).toHaveCount(0);
  await expect(trainings.getByRole('link', { name: `Suivi de ${q(SESSION)}` })).toBeVisible();
  await expect(trainings.getByRole('link', { name: `Participants de ${q(SESSION)}` })).toBeVisible();
  // Nothing to "start" for her: her way back in comes once she has opened something.
  await expect(trainings.getByRole('link', { name: `Commencer ${q(SESSION)}` })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await pictures(page, 'formateur');
  await trainings.getByRole('link', { name: `Suivi de ${q(SESSION)}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Suivi/ })).toBeVisible();

  // Once she has opened an activity of the session, her card offers to resume.
  await page.goto('/');
  await trainings.getByRole('link', { name: SESSION, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();
  await page
    .getByRole('link', { name: /^(Commencer le parcours|Reprendre là où je me suis arrêté)/ })
    .click();
  await expect(
    page.getByRole('navigation', { name: 'Navigation entre les éléments du parcours' }),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Mon espace' })
    .click();
  await expect(trainings.getByRole('link', { name: `Reprendre ${q(SESSION)}` })).toBeVisible();
});

test('the designer finds his templates and parcours under "Mes conceptions"', async ({ page }) => {
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await common(page);
  const designs = block(page, 'Mes conceptions');
  await expect(designs.getByRole('heading', { level: 3, name: TEMPLATE })).toBeVisible();
  await expect(designs.getByRole('link', { name: 'Créer un parcours' })).toBeVisible();
  await expect(designs.getByRole('link', { name: `Cycle de vie de ${q(TEMPLATE)}` })).toBeVisible();
  await expect(designs.getByRole('link', { name: `Modifier ${q(TEMPLATE)}` })).toHaveAttribute(
    'href',
    /\?edition=1$/,
  );
  // His sessions are their trainers': not among his designs.
  await expect(designs.getByRole('heading', { level: 3, name: SESSION })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Mes parcours' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Mes formations' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await pictures(page, 'concepteur');
});

test('a tutor without a session and a manager see what to do next, not empty blocks', async ({ page }) => {
  await login(page, 'tuteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await common(page);
  await expect(
    block(page, 'Mes formations').getByText('Vous n’animez ni ne tutorez aucune session'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mes parcours' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Mes conceptions' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await pictures(page, 'tuteur');

  await page.context().clearCookies();
  await login(page, 'gestionnaire@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  // No block of her own: the courses of her domain, unfolded — or, while it has none, a word saying so.
  await expect(
    page
      .getByRole('button', { name: /^Autres parcours et sessions de vos domaines/, expanded: true })
      .or(page.getByText('Vos domaines n’ont encore aucun parcours ni aucune session.')),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await pictures(page, 'gestionnaire');
});

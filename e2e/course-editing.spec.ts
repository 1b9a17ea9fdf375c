import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  addActivity as addTo,
  enrolParticipant,
  expectNoAxeViolations,
  hideCourse,
  login,
  openChooser,
  q,
  shot as screenshot,
} from './support.ts';

const shot = (page: Page, name: string) => screenshot(page, `parcours-${name}`);

const COURSE = `Enseigner l’oral au cycle 3 — ${Date.now()}`;

async function sectionTitles(page: Page) {
  return page.locator('main h2[id^="section-"]').allInnerTexts();
}

test('a designer builds a course; a participant follows it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();

  // Create the course.
  await page.getByRole('link', { name: 'Créer un parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un parcours' })).toBeVisible();
  await page.getByRole('button', { name: 'Créer le parcours' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Le formulaire contient des erreurs');
  await page.getByLabel('Domaine', { exact: true }).selectOption({ label: 'Académie d’Aix-Marseille' });
  await page.getByLabel('Titre du parcours').fill(COURSE);
  await page.getByLabel('Nom abrégé').fill('ORAL-C3');
  const summary = page.getByRole('textbox', { name: /^Résumé/ });
  await summary.click();
  await page.keyboard.type('Un parcours pour faire travailler l’oral en classe.');
  await expectNoAxeViolations(page);
  await shot(page, 'creation');
  await page.getByRole('button', { name: 'Créer le parcours' }).click();

  // The course page, in edit mode.
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();
  const editMode = page.getByRole('checkbox', { name: /Mode édition/ });
  await expect(editMode).toBeChecked();
  const courseUrl = page.url().split('?')[0] ?? '';
  for (const title of ['Découvrir', 'Pratiquer', 'Approfondir']) {
    await page.getByRole('textbox', { name: /^Titre de la section/ }).fill(title);
    await page.getByRole('button', { name: 'Ajouter une section' }).click();
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }
  expect(await sectionTitles(page)).toEqual(['Présentation', 'Découvrir', 'Pratiquer', 'Approfondir']);

  // The chooser: search, favourites first.
  const dialog = await openChooser(page, 'Découvrir');
  await expectNoAxeViolations(page);
  await dialog.getByLabel('Rechercher un type').fill('autre site');
  await expect(dialog.getByRole('button', { name: 'Page', exact: true })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Lien', exact: true })).toBeVisible();
  await dialog.getByLabel('Rechercher un type').fill('');
  const star = dialog.getByRole('button', { name: /favoris\s: Lien$/ });
  if ((await star.getAttribute('aria-pressed')) === 'true') await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await dialog.getByRole('button', { name: 'Ajouter aux favoris\u00a0: Lien' }).click();
  await expect(dialog.getByRole('button', { name: 'Retirer des favoris\u00a0: Lien' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(dialog.getByRole('heading', { level: 3 }).first()).toHaveText('Mes favoris');
  await expect(dialog.locator('.mg-chooser__choose').first()).toHaveText('Lien');
  await shot(page, 'choix-activite');
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  // One activity of each kind, and a hidden one.
  await addTo(page, 'Découvrir', 'Page', 'Lire la situation de départ', async (p) => {
    await p.getByRole('textbox', { name: 'Contenu de la page' }).click();
    await p.getByRole('button', { name: 'Titre de niveau 2' }).click();
    await p.keyboard.type('Une classe de CM1');
    await p.keyboard.press('Enter');
    await p.getByRole('button', { name: 'Gras' }).click();
    await expect(p.getByRole('button', { name: 'Gras' })).toHaveAttribute('aria-pressed', 'true');
    await p.keyboard.type('Observez');
    await p.getByRole('button', { name: 'Gras' }).click();
    await p.keyboard.type(' les échanges entre les élèves.');
    await expectNoAxeViolations(p);
    await shot(p, 'editeur-page');
  });
  await addTo(page, 'Découvrir', 'Étiquette pédagogique', 'Objectif du module', async (p) => {
    await expect(p.getByRole('radio', { name: 'Objectif' })).toBeChecked();
    await p.getByRole('textbox', { name: 'Texte de l’étiquette' }).click();
    await p.keyboard.type('Identifier les situations d’oral réflexif.');
  });
  await addTo(page, 'Pratiquer', 'Lien', 'Ressources Éduscol', async (p) => {
    await p.getByRole('textbox', { name: /^Adresse du lien/ }).fill('https://eduscol.education.fr/');
    await expect(p.getByRole('checkbox', { name: 'Ouvrir le lien dans une nouvelle fenêtre' })).toBeChecked();
  });
  await addTo(page, 'Approfondir', 'Page', 'Notes du concepteur', async (p) => {
    await p.locator('label', { hasText: 'Masquer aux participants' }).click();
    await expect(p.getByRole('checkbox', { name: /Masquer aux participants/ })).toBeChecked();
  });
  await expect(page.locator('main .fr-badge', { hasText: /masqué/i })).toHaveCount(1);

  // Reorder with the keyboard: the page below the label, "Pratiquer" first.
  await page.getByRole('button', { name: `Descendre ${q('Lire la situation de départ')}` }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page
      .locator('section', { has: page.getByRole('heading', { name: 'Découvrir' }) })
      .locator('.mg-activity__title'),
  ).toHaveText(['Objectif du module', 'Lire la situation de départ']);
  await expect(page.getByRole('status').filter({ hasText: 'position 2 sur 2' })).toHaveCount(1);
  await page.getByRole('button', { name: `Monter ${q('Pratiquer')}` }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => sectionTitles(page))
    .toEqual(['Présentation', 'Pratiquer', 'Découvrir', 'Approfondir']);
  await page.reload();
  await expect
    .poll(() => sectionTitles(page))
    .toEqual(['Présentation', 'Pratiquer', 'Découvrir', 'Approfondir']);
  await expectNoAxeViolations(page);
  await shot(page, 'edition');

  // Out of edit mode.
  await page.getByText('Mode édition').click();
  await expect(page.getByRole('button', { name: /^Monter/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, 'consultation-concepteur');

  await enrolParticipant(page, courseUrl);
  await asParticipant(browser, courseUrl);

  // Hide the course again, so that the participant's Mon espace of the other specs stays empty.
  await hideCourse(page, courseUrl);
});

async function asParticipant(browser: Browser, courseUrl: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'participant@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  // Enrolled, she finds it under "Mes parcours".
  await page
    .getByRole('region', { name: 'Mes parcours', exact: true })
    .getByRole('link', { name: COURSE, exact: true })
    .click();
  await expect(page).toHaveURL(courseUrl);
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Mode édition/ })).toHaveCount(0);
  await expect(page.getByText('Notes du concepteur')).toHaveCount(0);
  // The label is shown in place, with its DSFR look and heading.
  await expect(
    page.getByRole('heading', { level: 3, name: 'Objectif du module', exact: true }),
  ).toBeVisible();
  // Nothing opened yet: the course invites to start with its first activity to open.
  await expect(page.getByRole('link', { name: 'Commencer le parcours' })).toBeVisible();
  await expect(page.locator('main .fr-badge', { hasText: 'Consulté' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, 'participant');

  await page.getByRole('link', { name: 'Ressources Éduscol' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ressources Éduscol' })).toBeVisible();
  const external = page.getByRole('link', { name: `Ouvrir ${q('Ressources Éduscol')}` });
  await expect(external).toHaveAttribute('target', '_blank');
  await expect(external).toHaveAttribute('title', /nouvelle fenêtre/);
  await expect(page.locator('.fr-breadcrumb')).toContainText(COURSE);
  await expectNoAxeViolations(page);
  await shot(page, 'activite-lien');

  // Back on the course page: continue at the first activity not done — past the label, which is read
  // in place and is never a step.
  await page.locator('.fr-breadcrumb').getByRole('link', { name: COURSE }).click();
  const resume = page.getByRole('link', {
    name: `Reprendre là où je me suis arrêté\u00a0: ${q('Lire la situation de départ')}`,
  });
  await expect(resume).toBeVisible();
  await expect(page.getByRole('link', { name: 'Commencer le parcours' })).toHaveCount(0);
  await expect(page.locator('main .mg-activity .fr-badge', { hasText: 'Consulté' })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await shot(page, 'participant-reprendre');
  await resume.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lire la situation de départ' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Une classe de CM1' })).toBeVisible();
  await expect(page.locator('main strong')).toHaveText('Observez');
  await expect(page.getByRole('link', { name: /^Élément suivant/ })).toHaveCount(0);
  // "Précédent" steps back over the label to the link.
  await expect(page.getByRole('link', { name: /^Élément précédent/ })).toHaveAccessibleName(
    `Élément précédent\u00a0: Ressources Éduscol`,
  );
  await expectNoAxeViolations(page);
  await shot(page, 'activite-page');

  // Everything opened: nothing left to resume, both marked.
  await page.locator('.fr-breadcrumb').getByRole('link', { name: COURSE }).click();
  await expect(page.locator('main .mg-activity .fr-badge', { hasText: 'Consulté' })).toHaveCount(2);
  await expect(page.getByRole('link', { name: /^Reprendre là où je me suis arrêté/ })).toHaveCount(0);
  await context.close();
}

import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.ts';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

test('a designer builds a parcours from the template, indexes it, runs a session and restores it from the trash', async ({
  page,
}) => {
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Connexion');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));

  // From the demo template.
  await page.goto('/parcours/nouveau');
  await page.getByLabel(/Partir d’un gabarit/).selectOption({ label: 'Gabarit — parcours en autoformation' });
  await page.getByLabel('Titre du parcours').fill('Évaluer pour faire apprendre au cycle 3');
  await page.getByLabel('Nom abrégé').fill('EVAL-C3');
  await page.getByRole('button', { name: 'Créer le parcours' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Évaluer pour faire apprendre au cycle 3' }),
  ).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Pages du parcours' });

  // The life cycle says what a session still needs, with links to the fields.
  await nav.getByRole('link', { name: 'Cycle de vie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cycle de vie' })).toBeVisible();
  await expect(page.getByText('Créé à partir de')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Créer une session' })).toBeDisabled();
  await expect(page.getByRole('link', { name: 'Renseignez le champ « Objectifs ».' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'lifecycle-construction');

  // Indexation.
  await page.getByRole('link', { name: 'Renseignez le champ « Collection ».' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indexation' })).toBeVisible();
  await page.getByLabel('Collection').selectOption({ label: 'Formation accompagnée' });
  await page.getByText('Enseignants du premier degré').click();
  await page
    .getByRole('textbox', { name: 'Objectifs' })
    .fill('Concevoir des évaluations qui font apprendre.');
  await page.getByText('Académique', { exact: true }).click();
  await page
    .getByRole('group', { name: /Durée à distance/ })
    .getByLabel('Heures')
    .fill('3');
  await page
    .getByRole('group', { name: /Durée à distance/ })
    .getByLabel('Minutes')
    .fill('30');
  await page.getByLabel(/Mots-clés/).fill('évaluation, cycle 3');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Enregistrer l’indexation' }).click();
  await expect(page.getByText('L’indexation a été enregistrée.')).toBeVisible();
  await shot(page, 'lifecycle-indexation');

  // A session, with dates.
  await nav.getByRole('link', { name: 'Cycle de vie' }).click();
  await page.getByRole('button', { name: 'Créer une session' }).click();
  const create = page.getByRole('dialog', { name: 'Créer une session' });
  await create.getByLabel('Titre de la session').fill('Évaluer au cycle 3 — janvier 2027');
  await create.getByLabel(/Date de début/).fill('2027-01-11T09:00');
  await create.getByLabel(/Date de fin/).fill('2027-02-11T17:00');
  await expectNoAxeViolations(page);
  await create.getByRole('button', { name: 'Créer la session' }).click();
  await expect(
    page.getByText(/La session\s«\sÉvaluer au cycle 3 — janvier 2027\s»\sa été créée/),
  ).toBeVisible();
  await expect(page.getByText('Session en préparation').first()).toBeVisible();
  await expect(page.getByLabel('Date de début')).toHaveValue('2027-01-11T09:00');

  // Announcing needs participants; opening is possible.
  await expect(page.getByRole('button', { name: 'Annoncer la session par courriel' })).toBeDisabled();
  await page.getByRole('button', { name: 'Ouvrir la session' }).click();
  const open = page.getByRole('dialog', { name: 'Ouvrir la session' });
  await open.getByText('Permettre l’auto-inscription').click();
  await expect(open.getByRole('checkbox', { name: /Permettre l’auto-inscription/ })).toBeChecked();
  await open.getByRole('button', { name: 'Ouvrir la session' }).click();
  await expect(page.getByText('La session « Évaluer au cycle 3 — janvier 2027 » est ouverte.')).toBeVisible();
  await expect(page.getByText('Session en cours').first()).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Permettre l’auto-inscription/ })).toBeChecked();
  await expectNoAxeViolations(page);
  await shot(page, 'lifecycle-session-running');

  // Close, archive, trash, restore.
  await page.getByRole('button', { name: 'Clore et archiver la session' }).click();
  await expect(page.getByText('Session archivée').first()).toBeVisible();
  await page.getByRole('button', { name: 'Mettre à la corbeille' }).click();
  await page
    .getByRole('dialog', { name: 'Mettre à la corbeille ?' })
    .getByRole('button', { name: 'Mettre à la corbeille' })
    .click();
  await expect(page.getByText('Cette session est dans la corbeille')).toBeVisible();
  await page.getByRole('link', { name: 'Corbeille' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'lifecycle-trash');
  await page.getByRole('button', { name: 'Restaurer « Évaluer au cycle 3 — janvier 2027 »' }).click();
  await expect(
    page.getByText('« Évaluer au cycle 3 — janvier 2027 » a été restauré : Session archivée.'),
  ).toBeVisible();
  await expect(page.getByText('La corbeille est vide.')).toBeVisible();
});

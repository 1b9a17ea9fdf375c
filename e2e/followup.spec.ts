import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { e2eEmail, GROUP_B_BEHIND, seedFollowupSession } from './followup-data.ts';
import { expectNoAxeViolations, login, waitForMail } from './support.ts';

const TITLE = 'Enseigner l’oral au cycle 3 — session de novembre';
let courseId = '';
let emptyCourseId = '';

test.beforeAll(async () => {
  courseId = (await seedFollowupSession(TITLE)).courseId;
  emptyCourseId = (await seedFollowupSession('Session sans inscrits', { people: false })).courseId;
});

test('a trainer filters “group B, progress below 50 %”, exports the CSV and sends a reminder that arrives', async ({
  page,
}) => {
  await login(page, 'formateur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await page.goto(`/parcours/${courseId}/suivi`);
  await expect(page.getByRole('heading', { level: 1, name: 'Suivi des participants' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '20 participants inscrits.' })).toBeVisible();
  const grid = page.getByRole('region', { name: /Tableau de suivi/ });
  await expect(grid.getByRole('columnheader', { name: 'Quiz de positionnement' })).toBeVisible();
  // Each state is said in words, with its date.
  await expect(grid.getByRole('row', { name: /Besson Océane/ })).toContainText('Non réussie le');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/suivi-tous.png', fullPage: true });

  // The filter: group B and progress below 50 %.
  await page.locator('#filtre-suivi').getByText('Groupe B', { exact: true }).click();
  await page.getByLabel('Moins de (%)').fill('50');
  await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '5 participants correspondent aux filtres, sur 20.' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/groupIds=.*progressBelow=50/);
  await expect(
    page.getByRole('button', { name: 'Retirer le critère «\u00a0Groupe\u00a0: Groupe B\u00a0»' }),
  ).toBeVisible();
  const names = await grid.locator('tbody th').allInnerTexts();
  expect(names.map((n) => n.split('\n')[0]!.replace('Besson ', '')).sort()).toEqual(
    [...GROUP_B_BEHIND].sort(),
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/suivi-groupe-b-retard.png', fullPage: true });

  // Export the result as CSV: the five people, French Excel's format.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporter (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^suivi-SUIVI-\w+-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!);
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const [headers, ...rows] = parse(csv.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
  expect(headers!.slice(0, 3)).toEqual(['Nom', 'Prénom', 'Adresse électronique']);
  expect(rows.map((row) => row[1]).sort()).toEqual([...GROUP_B_BEHIND].sort());
  expect(rows.every((row) => row[4] === 'Groupe B' && Number(row[8]) < 50)).toBe(true);

  // Save the filter to find it again.
  await page.getByRole('button', { name: 'Enregistrer ce filtre' }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Enregistrer ce filtre' });
  await saveDialog.getByLabel('Nom du filtre').fill('Groupe B en retard');
  await saveDialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText('Le filtre «\u00a0Groupe B en retard\u00a0» est enregistré.')).toBeVisible();
  await expect(page.getByLabel('Filtres enregistrés')).toContainText('Groupe B en retard');

  // Send a reminder to the five: it leaves through SMTP.
  const since = Date.now();
  await page.getByRole('button', { name: 'Envoyer une relance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Envoyer une relance aux participants retenus' });
  await expect(dialog).toContainText('vers les 5 participants retenus');
  await expectNoAxeViolations(page);
  await dialog.getByLabel('Objet').fill('Il reste une semaine pour la session');
  await dialog.getByRole('button', { name: 'Envoyer la relance' }).click();
  await expect(page.getByText('Relance envoyée à 5 participants.')).toBeVisible();
  const mail = await waitForMail(e2eEmail(GROUP_B_BEHIND[0]!), since, 30_000);
  expect(mail.subject).toBe('Il reste une semaine pour la session');
  expect(mail.text).toContain(`Bonjour ${GROUP_B_BEHIND[0]} Besson,`);
  expect(mail.text).toContain(`/parcours/${courseId}`);
  // Someone of group B ahead of 50 % got nothing.
  await expect(waitForMail(e2eEmail('Rose'), since, 2_000)).rejects.toThrow();

  // The reminders page lists it with its deliveries.
  await page.getByRole('link', { name: 'Voir toutes les relances' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relances' })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByRole('row', { name: /5 personnes choisies Il reste une semaine pour la session .* 5$/ }),
    ).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/relances.png', fullPage: true });
});

test('a trainer schedules a reminder, sorts the grid by keyboard and reads the participation list', async ({
  page,
}) => {
  await login(page, 'formateur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await page.goto(`/parcours/${courseId}/relances`);
  await page.getByText('Participants en retard').click();
  await page.getByLabel('Seuil de progression (%)').fill('30');
  await page.getByLabel('Objet du courriel').fill('Point d’étape de mi-session');
  await page.getByRole('button', { name: 'Programmer la relance' }).click();
  await expect(
    page.getByText('La relance «\u00a0Point d’étape de mi-session\u00a0» est programmée.'),
  ).toBeVisible();
  const scheduled = page.getByRole('row', {
    name: /En retard \(moins de 30\s%\) Point d’étape de mi-session/,
  });
  await expect(scheduled).toBeVisible();
  // Refused without a subject: the error is next to the field and in the summary.
  await page.getByLabel('Objet du courriel').fill('');
  await page.getByRole('button', { name: 'Programmer la relance' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  // Delete it, after confirming.
  await scheduled.getByRole('button', { name: /Supprimer la relance/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(
    page.getByText('La relance «\u00a0Point d’étape de mi-session\u00a0» a été supprimée.'),
  ).toBeVisible();

  // A filter that cannot hold is refused next to its field; one that finds nobody says what to do.
  await page.goto(`/parcours/${courseId}/suivi`);
  await page.getByLabel('Au moins (%)').fill('60');
  await page.getByLabel('Moins de (%)').fill('50');
  await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' }),
  ).toContainText('La progression minimale doit être inférieure à la progression maximale.');
  await expectNoAxeViolations(page);
  await page.getByLabel('Au moins (%)').fill('');
  await page.getByRole('button', { name: 'Ajouter une condition sur une activité' }).click();
  await page.getByLabel('Activité 1').selectOption({ label: 'Déposer sa séquence' });
  await page.getByLabel('État 1').selectOption({ label: 'Achevée' });
  await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
  await expect(page.getByText('Aucun participant ne correspond à ces filtres.')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Retirer le critère «\u00a0Achevée\u00a0: Déposer sa séquence\u00a0»' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/suivi-aucun-resultat.png', fullPage: true });
  await page.getByRole('button', { name: /Retirer le critère «\sProgression de moins de 50/ }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '4 participants correspondent aux filtres' }),
  ).toBeVisible();

  // The grid sorted by progress, by keyboard.
  await page.goto(`/parcours/${courseId}/suivi`);
  const sort = page.getByRole('button', { name: /^Progression/ });
  await sort.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sort=progress/);
  await expect(page.getByRole('columnheader', { name: /Progression/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page.getByRole('button', { name: /^Progression/ }).press('Enter');
  await expect(page.getByRole('columnheader', { name: /Progression/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(page.locator('tbody tr').first()).toContainText('100');

  // Participation: the list and its exports.
  await page.goto(`/parcours/${courseId}/attestation`);
  await expect(page.getByRole('heading', { level: 1, name: 'Attestation de participation' })).toBeVisible();
  await expect(page.getByText(/20 participants, dont 4 ont achevé le parcours/)).toBeVisible();
  const xlsx = await page.request.get(
    (await page.getByRole('link', { name: 'Exporter (XLSX)' }).getAttribute('href'))!,
  );
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/attestation.png', fullPage: true });
});

test('a session without participants says what to do on each page', async ({ page }) => {
  await login(page, 'formateur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  for (const [path, text, shot] of [
    ['suivi', 'Personne n’est encore inscrit comme participant à ce parcours.', 'suivi-vide'],
    ['relances', 'Aucune relance n’est programmée.', 'relances-vide'],
    ['attestation', 'Aucun participant n’est inscrit à cette session.', 'attestation-vide'],
  ] as const) {
    await page.goto(`/parcours/${emptyCourseId}/${path}`);
    await expect(page.getByText(text)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `test-results/screens/${shot}.png`, fullPage: true });
  }
});

test('a participant is refused the follow-up', async ({ page }) => {
  await login(page, 'participant@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await page.goto(`/parcours/${courseId}/suivi`);
  await expect(page.getByText('Vous n’avez pas les droits nécessaires pour cette action.')).toBeVisible();
});

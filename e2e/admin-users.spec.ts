import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login, PASSWORD_LINK, waitForMail } from './support.ts';

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Menu principal' });
const userTable = (page: Page) => page.getByRole('table', { name: /^Liste des utilisateurs/ });
/** Body rows of the user list (the header row holds column headers, not cells). */
const bodyRows = (page: Page) => userTable(page).locator('tbody tr');

async function openUserList(page: Page) {
  await mainNav(page).getByRole('button', { name: 'Administration' }).click();
  await mainNav(page).getByRole('link', { name: 'Utilisateurs', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/utilisateurs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  await expect(userTable(page)).toBeVisible();
}

async function search(page: Page, q: string, status = '') {
  await page.getByRole('searchbox', { name: /^Rechercher un utilisateur/ }).fill(q);
  await page.getByLabel('Statut', { exact: true }).selectOption(status);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
}

function totalOf(caption: string | null): number {
  const match = caption?.match(/\((\d+) résultats?\)/);
  if (!match) throw new Error(`no result count in caption «${caption}»`);
  return Number(match[1]);
}

test('a referent searches, filters and pages the users of the academy', async ({ page }) => {
  await login(page, 'referent@magistere.test');
  await openUserList(page);

  // Every domain she may see is the default filter (hers only, Aix-Marseille); 20 per page, more than one page.
  await expect(page.getByLabel('Domaine', { exact: true }).locator('option:checked')).toHaveText(
    'Tous les domaines',
  );
  const total = totalOf(await userTable(page).locator('caption').textContent());
  expect(total).toBeGreaterThan(20);
  await expect(bodyRows(page)).toHaveCount(20);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/utilisateurs.png', fullPage: true });

  // Paging: page 2 holds other people, and says it is the current page.
  const firstPageNames = await bodyRows(page).locator('td:first-child').allTextContents();
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await pagination.getByRole('link', { name: 'Page suivante' }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(pagination.locator('[aria-current="true"], [aria-current="page"]')).toHaveText('2');
  await expect(bodyRows(page).first()).not.toHaveText(firstPageNames[0]!);
  const secondPageNames = await bodyRows(page).locator('td:first-child').allTextContents();
  expect(secondPageNames.length).toBe(Math.min(20, total - 20));
  expect(secondPageNames.filter((name) => firstPageNames.includes(name))).toEqual([]);

  // Search without accents finds accented names.
  await search(page, 'lefevre');
  await expect(page).toHaveURL(/[?&]q=lefevre(&|$)/);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText('Lefèvre Nathalie');
  await expect(bodyRows(page).first()).toContainText('formateur@magistere.test');
  await search(page, 'chloe');
  await expect(bodyRows(page).first()).toContainText('Chloé');
  for (const name of await bodyRows(page).locator('td:first-child').allTextContents()) {
    expect(name).toContain('Chloé');
  }

  // Status filter: only active people when "Actif" is chosen.
  await search(page, '', 'active');
  await expect(page).toHaveURL(/[?&]statut=active(&|$)/);
  await expect(bodyRows(page).first()).toBeVisible();
  for (const status of await bodyRows(page).locator('td:nth-child(4)').allTextContents()) {
    expect(status.trim()).toBe('Actif');
  }

  // A referent of Aix-Marseille does not see Bordeaux people, even with "Tous les domaines".
  await page.getByLabel('Domaine', { exact: true }).selectOption({ label: 'Tous les domaines' });
  await search(page, 'helene faure');
  await expect(page.getByText('Aucun utilisateur ne correspond à votre recherche.')).toBeVisible();
  await expect(page.getByText('Modifiez les filtres, ou créez un utilisateur.')).toBeVisible();
  await expect(userTable(page)).toHaveCount(0);
});

test('a referent creates an account, gives it a role, suspends and reactivates it', async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const email = `aurelie.beranger.${suffix}@magistere.test`;
  const password = 'Mot-de-passe-de-Aurelie-2026';

  await login(page, 'referent@magistere.test');
  await openUserList(page);
  await page.getByRole('link', { name: 'Créer un utilisateur' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un utilisateur' })).toBeVisible();

  // Missing fields are listed in French.
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' });
  await expect(summary).toContainText('Adresse électronique\u00a0: Ce champ est obligatoire.');
  await expect(summary).toContainText('Prénom\u00a0: Ce champ est obligatoire.');

  const since = Date.now();
  await page.getByLabel(/^Adresse électronique/).fill(email);
  await page.getByLabel('Prénom', { exact: true }).fill('Aurélie');
  await page.getByLabel('Nom', { exact: true }).fill('Béranger');
  await page.getByLabel(/^Domaine de rattachement/).selectOption({ label: 'Académie d’Aix-Marseille' });
  await page.getByLabel(/^Discipline/).fill('Lettres modernes');
  await page.getByRole('button', { name: 'Créer le compte' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Aurélie Béranger' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/utilisateurs\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/Le compte «\s?Aurélie Béranger\s?» a été créé\./)).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  // The welcome mail really went out through SMTP, with a link to choose a password.
  const received = await waitForMail(email, since);
  expect(received.subject).toBe('Votre compte Magistère a été créé');
  const mail = received.text ?? '';
  expect(mail).toContain('Bonjour Aurélie Béranger,');
  expect(mail).toContain('(valable 7 jours, une seule fois)');
  expect(mail).toContain(`Un compte a été créé pour vous sur Magistère avec l’adresse ${email}.`);
  const link = mail.match(PASSWORD_LINK)?.[0];
  expect(link, 'password link in the welcome mail').toBeTruthy();

  // Give the new person a role in the academy.
  const roles = page.getByRole('region', { name: 'Rôles' });
  await expect(roles.getByText('Aucun rôle n’est attribué à cette personne.')).toBeVisible();
  await roles.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Formateur' });
  await roles.getByLabel('Niveau du contexte').selectOption({ label: 'Domaine' });
  await roles.getByLabel('Domaine', { exact: true }).selectOption({ label: 'Académie d’Aix-Marseille' });
  await roles.getByRole('button', { name: 'Attribuer le rôle' }).click();
  await expect(roles.getByText('Le rôle a été attribué.')).toBeVisible();
  const roleTable = roles.getByRole('table', { name: 'Rôles attribués à Aurélie Béranger' });
  await expect(roleTable.locator('tbody tr')).toHaveCount(1);
  await expect(roleTable.locator('tbody tr').first()).toContainText('Formateur');
  await expect(roleTable.locator('tbody tr').first()).toContainText('Académie d’Aix-Marseille');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/utilisateur-detail.png', fullPage: true });

  // The new person chooses a password through the welcome link, in a browser of their own.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await them.goto(link!);
  await them.getByLabel(/^Nouveau mot de passe/).fill(password);
  await them.getByLabel('Confirmation du nouveau mot de passe').fill(password);
  await them.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(them.getByRole('heading', { name: 'Mot de passe enregistré' })).toBeVisible();
  await login(them, email, password);
  await expect(them.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await expect(them.getByText('Formateur — Académie d’Aix-Marseille')).toBeVisible();

  // Suspend: the open session ends and logging in is refused in French.
  const account = page.getByRole('region', { name: 'Compte' });
  await account.getByRole('button', { name: 'Suspendre le compte' }).click();
  await expect(page.getByText('Le compte a été suspendu.')).toBeVisible();
  await expect(account.getByRole('button', { name: 'Réactiver le compte' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Suspendu');

  await them.goto('/profil');
  await expect(them).toHaveURL(/\/connexion\?retour=%2Fprofil$/);
  await login(them, email, password);
  await expect(them.getByRole('alert')).toContainText('Votre compte est suspendu');
  await expect(them).toHaveURL(/\/connexion$/);

  // The suspended account shows up with the "Suspendu" filter.
  await page.getByRole('link', { name: 'Utilisateurs', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  await search(page, 'beranger', 'suspended');
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText('Béranger Aurélie');
  await expect(bodyRows(page).first()).toContainText('Suspendu');
  await bodyRows(page).first().getByRole('link', { name: 'Béranger Aurélie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aurélie Béranger' })).toBeVisible();

  // Reactivate: the person can log in again.
  await page
    .getByRole('region', { name: 'Compte' })
    .getByRole('button', { name: 'Réactiver le compte' })
    .click();
  await expect(page.getByText('Le compte a été réactivé.')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Compte' }).getByRole('button', { name: 'Suspendre le compte' }),
  ).toBeVisible();
  await login(them, email, password);
  await expect(them.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await theirs.close();
});

test('a manager sees the users of the academy but cannot create or change them', async ({ page }) => {
  await login(page, 'gestionnaire@magistere.test');
  await openUserList(page);
  await expect(page.getByLabel('Domaine', { exact: true }).locator('option:checked')).toHaveText(
    'Tous les domaines',
  );
  await expect(bodyRows(page).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Créer un utilisateur' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Créer un utilisateur' })).toHaveCount(0);
  await expect(page.getByText('Modifiez les filtres, ou créez un utilisateur.')).toHaveCount(0);

  await search(page, 'girard');
  await expect(bodyRows(page)).toHaveCount(1);
  await bodyRows(page).first().getByRole('link', { name: 'Girard Thomas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thomas Girard' })).toBeVisible();
  // Read-only: no form, no account actions, no role assignment.
  await expect(page.getByRole('heading', { level: 2, name: 'Informations' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Suspendre le compte' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Enregistrer les modifications' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Attribuer le rôle' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Rôles attribués à Thomas Girard' })).toContainText('Tuteur');
});

import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations, login, PASSWORD_LINK, waitForMail } from './support.ts';

// A demo participant that no other spec logs into: this spec owns its password.
const EMAIL = 'hugo.bernard.1@magistere.test';
const NEW_PASSWORD = 'Nouveau-mot-de-passe-2026';
const RESET_LINK = PASSWORD_LINK;

test('a forgotten password is reset with the link of the mail actually sent, once', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié\u00a0?' }).click();
  await expect(page).toHaveURL(/\/mot-de-passe-oublie$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible();

  // An empty request is refused in French, next to the field.
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Adresse électronique\u00a0: Ce champ est obligatoire.',
  );

  const since = Date.now();
  await page.getByLabel('Adresse électronique').fill(EMAIL);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('heading', { name: 'Demande enregistrée' })).toBeVisible();
  await expect(page.getByText(`Si un compte existe avec l’adresse ${EMAIL}`)).toBeVisible();

  const received = await waitForMail(EMAIL, since);
  expect(received.subject).toBe('Réinitialisation de votre mot de passe Magistère');
  const mail = received.text ?? '';
  expect(mail).toContain('Bonjour Hugo Bernard,');
  expect(mail).toContain('(valable 30 minutes, une seule fois)');
  const link = mail.match(RESET_LINK)?.[0];
  expect(link, 'reset link in the mail').toBeTruthy();

  await page.goto(link!);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/reinitialisation.png', fullPage: true });

  // Two different passwords are refused before anything is sent.
  await page.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
  await page.getByLabel('Confirmation du nouveau mot de passe').fill(`${NEW_PASSWORD}x`);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByRole('alert')).toContainText('Les deux mots de passe ne sont pas identiques.');

  await page.getByLabel('Confirmation du nouveau mot de passe').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByRole('heading', { name: 'Mot de passe enregistré' })).toBeVisible();
  await expect(page.getByText('toutes vos sessions ouvertes ont été fermées')).toBeVisible();
  // The spent token is taken out of the address bar.
  await expect(page).toHaveURL(/\/reinitialiser-mot-de-passe$/);

  // The old password no longer opens the account.
  await login(page, EMAIL, DEMO_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('Adresse électronique ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/connexion$/);

  // The new one does.
  await login(page, EMAIL, NEW_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await expect(page.getByText('Bonjour Hugo')).toBeVisible();

  // The same link a second time is refused, in French, with a way to ask for a new one.
  await page.context().clearCookies();
  await page.goto(link!);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }),
  ).toBeVisible();
  // Said when the page opens, before the person types anything: no form to fill in vain.
  await expect(page.getByLabel(/^Nouveau mot de passe/)).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText(
    'Ce lien de réinitialisation n’est plus valide. Demandez-en un nouveau.',
  );
  await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toBeVisible();
  // …and the password did not change.
  await login(page, EMAIL, NEW_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
});

test('a reset link without its token says so in French', async ({ page }) => {
  await page.goto('/reinitialiser-mot-de-passe');
  await expect(page.getByText('Ce lien est incomplet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute(
    'href',
    '/mot-de-passe-oublie',
  );
});

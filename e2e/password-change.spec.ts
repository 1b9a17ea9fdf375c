import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demoEmail, expectNoAxeViolations, login, shot } from './support.ts';

// A demo participant that no other spec logs into: this spec owns its password.
const EMAIL = demoEmail(59);
const NEW_PASSWORD = 'Change-depuis-le-profil-2026';

test('a password change ends the other sessions of the account and says so', async ({ browser }) => {
  const elsewhere = await (await browser.newContext()).newPage();
  await login(elsewhere, EMAIL);
  await expect(elsewhere.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();

  const here = await (await browser.newContext()).newPage();
  await login(here, EMAIL);
  await expect(here.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await here.goto('/profil');
  await expect(here.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
  await here.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
  await here.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
  await here.getByLabel('Confirmation du nouveau mot de passe').fill(NEW_PASSWORD);
  await here.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(here.getByRole('status')).toContainText(
    'Votre mot de passe a été modifié. Vos autres sessions ont été fermées.',
  );
  await expectNoAxeViolations(here);
  await shot(here, 'profil-mot-de-passe-change');

  // This session goes on…
  await here.reload();
  await expect(here.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
  // …the other one is over: its next page asks to log in again.
  await elsewhere.goto('/profil');
  await expect(elsewhere).toHaveURL(/\/connexion/);
  await login(elsewhere, EMAIL, NEW_PASSWORD);
  await expect(elsewhere.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.ts';

test('the login page is accessible and a participant reaches Mon espace', async ({ page }) => {
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/connexion.png', fullPage: true });
  await login(page, 'participant@magistere.test');
  await expect(page.getByRole('navigation', { name: 'Menu principal' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/mon-espace.png', fullPage: true });
});

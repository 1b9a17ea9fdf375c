import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support.ts';

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it is not reached. */
async function tabTo(page: Page, target: Locator, { max = 40, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** The focused element shows a visible focus indicator (outline or box-shadow). */
async function expectVisibleFocus(page: Page) {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return {
      tag: el.tagName,
      text: (el.textContent ?? '').trim().slice(0, 40),
      outlineStyle: s.outlineStyle,
      outlineWidth: Number.parseFloat(s.outlineWidth),
      boxShadow: s.boxShadow,
      visible: el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0,
    };
  });
  expect(style, 'something has the focus').not.toBeNull();
  const outlined = style!.outlineStyle !== 'none' && style!.outlineWidth > 0;
  const shadowed = style!.boxShadow !== 'none' && style!.boxShadow !== '';
  expect(
    outlined || shadowed,
    `focus indicator on ${style!.tag} «${style!.text}»: ${JSON.stringify(style)}`,
  ).toBe(true);
  expect(style!.visible).toBe(true);
}

const focused = (page: Page) => page.locator(':focus');

test('login, Mon espace, the admin menu and the user list work with the keyboard alone', async ({ page }) => {
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();

  // The first Tab reaches the skip links, which become visible.
  await page.keyboard.press('Tab');
  const skipLinks = page.getByRole('navigation', { name: 'Accès rapide' });
  await expect(focused(page)).toHaveText('Contenu');
  await expect(skipLinks.getByRole('link', { name: 'Contenu' })).toBeFocused();
  await expect(skipLinks.getByRole('link', { name: 'Contenu' })).toBeVisible();
  await expectVisibleFocus(page);

  // "Contenu" jumps over the header straight to the form.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#contenu$/);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Adresse électronique')).toBeFocused();
  await expectVisibleFocus(page);

  // Log in with the keyboard only.
  await page.keyboard.type('admin@magistere.test');
  await tabTo(page, page.getByLabel('Mot de passe', { exact: true }), { max: 3 });
  await expectVisibleFocus(page);
  await page.keyboard.type(DEMO_PASSWORD);
  // The "Mot de passe oublié ?" link and the submit button come next, in this order.
  await tabTo(page, page.getByRole('link', { name: 'Mot de passe oublié\u00a0?' }), { max: 3 });
  await expectVisibleFocus(page);
  await tabTo(page, page.getByRole('button', { name: 'Se connecter' }), { max: 2 });
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/');

  // Mon espace, from a fresh load: skip links first, then "Menu" leads into the main navigation.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(skipLinks.getByRole('link', { name: 'Contenu' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(skipLinks.getByRole('link', { name: 'Menu' })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  const nav = page.getByRole('navigation', { name: 'Menu principal' });
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Mon espace' })).toBeFocused();
  await expectVisibleFocus(page);

  // Open the Administration menu and reach "Utilisateurs".
  const adminButton = nav.getByRole('button', { name: 'Administration' });
  // Past Mon espace, Offre de formation, Réseau des concepteurs… whatever the role's menu holds before it.
  await tabTo(page, adminButton, { max: 8 });
  await expectVisibleFocus(page);
  await expect(adminButton).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(adminButton).toHaveAttribute('aria-expanded', 'true');
  const usersLink = nav.getByRole('link', { name: 'Utilisateurs', exact: true });
  // The DSFR menu unfolds on the next frames: Tab once it is shown, as a person would.
  await expect(usersLink).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(usersLink).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/utilisateurs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  // After an in-app navigation the focus goes to the main content, not lost on the body.
  await expect(page.locator('main#contenu')).toBeFocused();

  // The user list: search with the keyboard, then open a person.
  const searchBox = page.getByRole('searchbox', { name: /^Rechercher un utilisateur/ });
  await tabTo(page, searchBox, { max: 10 });
  await expectVisibleFocus(page);
  await page.keyboard.type('lefevre');
  await tabTo(page, page.getByLabel('Domaine', { exact: true }), { max: 2 });
  await expectVisibleFocus(page);
  // "Tous les domaines" is the first option; the admin's working domain is a national one.
  await page.keyboard.press('Home');
  await expect(page.getByLabel('Domaine', { exact: true }).locator('option:checked')).toHaveText(
    'Tous les domaines',
  );
  await tabTo(page, page.getByRole('button', { name: 'Rechercher', exact: true }), { max: 3 });
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]q=lefevre(&|$)/);
  const person = page.getByRole('table', { name: /^Liste des utilisateurs/ }).getByRole('link', {
    name: 'Lefèvre Nathalie',
  });
  await expect(person).toBeVisible();
  await tabTo(page, person, { max: 15 });
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Nathalie Lefèvre' })).toBeVisible();

  // The account menu opens with the keyboard, closes with Escape, and logs out.
  const account = page.getByRole('button', { name: 'Claire Martin', exact: true });
  await tabTo(page, account, { max: 60, back: true });
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(account).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(account).toHaveAttribute('aria-expanded', 'false');
  await expect(account).toBeFocused();
  await page.keyboard.press('Enter');
  const accountMenu = page.locator(`#${await account.getAttribute('aria-controls')}`);
  await expect(accountMenu.getByRole('link', { name: 'Mon profil' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(accountMenu.getByRole('link', { name: 'Mon profil' })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === '/connexion');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
});

test('a login error moves the focus to the error summary, whose links lead to the fields', async ({
  page,
}) => {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').focus();
  await page.keyboard.type('pas-une-adresse');
  await page.keyboard.press('Enter');
  const summary = page.locator('#connexion-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Le formulaire contient des erreurs');
  await expect(summary).toContainText(
    'Adresse électronique\u00a0: Saisissez une adresse électronique valide',
  );
  await expect(summary).toContainText('Mot de passe\u00a0: Ce champ est obligatoire.');
  await page.keyboard.press('Tab');
  await expect(summary.getByRole('link', { name: /^Adresse électronique/ })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeFocused();
});

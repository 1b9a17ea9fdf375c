import { expect, type Page, test } from '@playwright/test';
import { login } from './support.ts';

const ADMIN_LINKS = [
  'Utilisateurs',
  'Domaines',
  'Hébergeurs de vidéos',
  'Journal d’activité',
  'Demandes de suppression',
  'Courriels envoyés',
] as const;
type AdminLink = (typeof ADMIN_LINKS)[number];

const CASES: { email: string; name: string; role: string; admin: AdminLink[] }[] = [
  { email: 'admin@magistere.test', name: 'Claire Martin', role: 'Administrateur', admin: [...ADMIN_LINKS] },
  {
    email: 'referent@magistere.test',
    name: 'Karim Benali',
    role: 'Administrateur local (référent)',
    admin: ['Utilisateurs', 'Journal d’activité', 'Demandes de suppression'],
  },
  {
    email: 'gestionnaire@magistere.test',
    name: 'Sophie Durand',
    role: 'Gestionnaire',
    admin: ['Utilisateurs'],
  },
  { email: 'concepteur@magistere.test', name: 'Julien Moreau', role: 'Concepteur', admin: [] },
  { email: 'formateur@magistere.test', name: 'Nathalie Lefèvre', role: 'Formateur', admin: [] },
  { email: 'tuteur@magistere.test', name: 'Thomas Girard', role: 'Tuteur', admin: [] },
  { email: 'participant@magistere.test', name: 'Camille Roux', role: 'Participant', admin: [] },
  {
    email: 'observateur@magistere.test',
    name: 'Hélène Faure',
    role: 'Observateur (pilote, inspecteur)',
    admin: ['Journal d’activité'],
  },
];

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Menu principal' });

async function logout(page: Page, fullName: string) {
  await page.getByRole('button', { name: fullName, exact: true }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  // Plain /connexion: the next person to log in on this browser is not sent to the last one's page.
  await expect(page).toHaveURL((url) => url.pathname === '/connexion' && url.search === '');
  await expect(page.getByRole('status')).toContainText('Vous êtes déconnecté.');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.getByRole('button', { name: fullName, exact: true })).toHaveCount(0);
  // The session is really closed on the server.
  expect((await page.request.get('/api/me')).status()).toBe(401);
}

for (const c of CASES) {
  test(`${c.role} (${c.email}) sees exactly the menus of the role and logs out`, async ({ page }) => {
    await login(page, c.email);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
    // "Mes rôles" on Mon espace names the role in French.
    await expect(page.getByRole('region', { name: 'Mes rôles' }).getByRole('listitem')).toContainText([
      c.role,
    ]);

    const nav = mainNav(page);
    await expect(nav.getByRole('link', { name: 'Mon espace' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Mon profil' })).toBeVisible();
    const adminButton = nav.getByRole('button', { name: 'Administration' });
    if (c.admin.length === 0) {
      await expect(adminButton).toHaveCount(0);
    } else {
      await expect(adminButton).toHaveAttribute('aria-expanded', 'false');
      await adminButton.click();
      await expect(adminButton).toHaveAttribute('aria-expanded', 'true');
      for (const link of ADMIN_LINKS) {
        const locator = nav.getByRole('link', { name: link, exact: true });
        if (c.admin.includes(link)) await expect(locator).toBeVisible();
        else await expect(locator).toHaveCount(0);
      }
      // The first link of the menu leads to its page.
      const first = c.admin[0]!;
      await nav.getByRole('link', { name: first, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toHaveCount(0);
    }
    await logout(page, c.name);
  });
}

test('a participant typing an admin address sees the refusal page, not the data', async ({ page }) => {
  let usersApiStatus: number | undefined;
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/users') usersApiStatus = response.status();
  });
  await login(page, 'participant@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  for (const url of [
    '/admin/utilisateurs',
    '/admin/domaines',
    '/admin/hebergeurs-video',
    '/admin/journal',
    '/admin/demandes-de-suppression',
    '/admin/courriels',
  ]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
    await expect(
      page.getByText('Vous n’avez pas les droits nécessaires pour consulter cette page.'),
    ).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByText('@magistere.test')).toHaveCount(0);
  }
  // The page never even asked the server for the list.
  expect(usersApiStatus).toBeUndefined();
  // And the API refuses on its own.
  const api = await page.request.get('/api/users');
  expect(api.status()).toBe(403);
  await page.getByRole('link', { name: 'Retour à Mon espace' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await logout(page, 'Camille Roux');
  await page.screenshot({ path: 'test-results/screens/apres-deconnexion.png', fullPage: true });
  // Once logged out, an admin address sends to the login page.
  await page.goto('/admin/utilisateurs');
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fadmin%2Futilisateurs$/);
  await expect(page.getByText('Connectez-vous pour accéder à cette page.')).toBeVisible();
});

test('a manager (user:view only) typing Domaines or Courriels envoyés is refused', async ({ page }) => {
  await login(page, 'gestionnaire@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  for (const url of [
    '/admin/domaines',
    '/admin/hebergeurs-video',
    '/admin/courriels',
    '/admin/journal',
    '/admin/utilisateurs/nouveau',
  ]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
  }
});

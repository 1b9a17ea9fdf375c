/**
 * First visit on a slow school network: each page downloads its own code only (the rich-text editor and
 * drag and drop where they are used), shows an accessible loading state meanwhile, and a page whose code
 * is gone after a deploy reloads once instead of leaving a blank screen.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.ts';

const CATALOGUE_CHUNK = /\/assets\/CataloguePage-[\w-]+\.js$/;

/** Counts the documents the page loads (the first visit, then each reload). */
function documentsOf(page: Page): { count: number } {
  const documents = { count: 0 };
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documents.count += 1;
  });
  return documents;
}

/** Paths of the scripts the page asks for. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

test('the login page and the catalogue leave the editor and drag and drop to the pages using them', async ({
  page,
}) => {
  const scripts = scriptsOf(page);
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Offre de formation' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offre de formation' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.some((s) => s.includes('/LoginPage-'))).toBe(true);
  expect(scripts.some((s) => s.includes('/CataloguePage-'))).toBe(true);
  expect(scripts.filter((s) => /\/(TipTapEditor|CourseEditor)-/.test(s))).toEqual([]);

  // Only the DSFR icons the app uses are shipped.
  const icons = await page.evaluate(() => {
    const selectors = [...document.styleSheets].flatMap((sheet) =>
      [...sheet.cssRules].map((rule) => (rule instanceof CSSStyleRule ? rule.selectorText : '')),
    );
    const has = (icon: string) => selectors.some((s) => s.includes(`.${icon}::before`));
    // Spelled in two parts: the icon scan of the build reads this file too.
    return { used: has('fr-icon-lock-line'), unused: has(['fr-icon', 'ancient-gate-fill'].join('-')) };
  });
  expect(icons).toEqual({ used: true, unused: false });

  // A designer opening a form with a rich-text field gets the editor, then.
  await login(page, 'concepteur@magistere.test');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  await page.goto('/parcours/nouveau');
  await expect(page.getByRole('toolbar').first()).toBeVisible();
  expect(scripts.some((s) => s.includes('/TipTapEditor-'))).toBe(true);
});

/** Paths of the scripts holding zod (the names of its classes survive minification). */
function zodScriptsOf(page: Page): string[] {
  const found: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.text().catch(() => '');
    if (body.includes('$ZodObject')) found.push(new URL(response.url()).pathname);
  });
  return found;
}

test('the catalogue and the login page come without zod; the login form fetches it when used', async ({
  page,
}) => {
  const zod = zodScriptsOf(page);
  await page.goto('/offres');
  await expect(page.locator('main h3 a').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(zod).toEqual([]);

  await page.goto('/connexion');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(zod).toEqual([]);

  // On a slow network the schema is still on its way when the form is sent: the button says so and
  // waits, then the form is checked as before.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/.+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.getByLabel('Adresse électronique').focus();
  await page.keyboard.press('Enter');
  const waiting = page.getByRole('button', { name: 'Connexion…' });
  await expect(waiting).toBeDisabled();
  await expectNoAxeViolations(page);
  release();
  await expect(page.getByRole('heading', { name: 'Le formulaire contient des erreurs' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeEnabled();
  expect(zod.length).toBeGreaterThan(0);
});

test('while a page’s code loads, the frame is drawn and the wait is announced', async ({ page }) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(CATALOGUE_CHUNK, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/offres', { waitUntil: 'commit' });
  await expect(page.getByRole('navigation', { name: 'Menu principal' })).toBeVisible();
  await expect(page.locator('main').getByRole('status')).toHaveText('Chargement en cours…');
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Offre de formation' })).toBeVisible();
  await expect(page.locator('main').getByRole('status')).toHaveCount(0);
});

test('a page whose code is gone after a deploy reloads once, then shows', async ({ page }) => {
  // The page was opened before the deploy: in its document, the chunk (preload and import) is gone.
  const documents = documentsOf(page);
  const refusedIn = new Set<number>();
  await page.route(CATALOGUE_CHUNK, async (route) => {
    if (documents.count > 1) return route.continue();
    refusedIn.add(documents.count);
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
  });
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Offre de formation' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offre de formation' })).toBeVisible();
  await expect(page).toHaveURL(/\/offres$/);
  expect([...refusedIn]).toEqual([1]);
  expect(documents.count).toBe(2);
});

test('a page whose code cannot be loaded even after a reload says so and offers to reload', async ({
  page,
}) => {
  const documents = documentsOf(page);
  const refusedIn = new Set<number>();
  await page.route(CATALOGUE_CHUNK, async (route) => {
    refusedIn.add(documents.count);
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
  });
  await page.goto('/offres');
  await expect(
    page.getByRole('heading', { level: 1, name: 'La page n’a pas pu être chargée' }),
  ).toBeVisible();
  // One reload, not a loop.
  expect([...refusedIn]).toEqual([1, 2]);
  expect(documents.count).toBe(2);
  await expectNoAxeViolations(page);

  // Once the code is back (the next deploy finished), the button brings the page.
  await page.unroute(CATALOGUE_CHUNK);
  await page.getByRole('button', { name: 'Recharger la page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offre de formation' })).toBeVisible();
});

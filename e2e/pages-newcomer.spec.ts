/**
 * Pages a newcomer stumbled on (issue 11): the user search, the role form, the follow-up grid's width,
 * files in the activity creation form, the participant preview, a trashed session's words, the focus frame
 * after a navigation, and one completion answer per activity. Screens at 1280 and 390 px.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.ts';

/** The page at a desktop width, then on a phone, for a person to look at. */
async function shots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/pages-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** JSON calls as the logged-in person of the page (session cookie, CSRF token, same origin). */
async function apiOf(page: Page) {
  const { csrfToken } = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const origin = new URL(page.url()).origin;
  return async <T = { id: string }>(method: 'POST' | 'PATCH' | 'PUT', url: string, data: unknown) => {
    const response = await page.request.fetch(url, {
      method,
      data,
      headers: { 'x-csrf-token': csrfToken, origin },
    });
    expect(response.ok(), await response.text()).toBe(true);
    return (await response.json()) as T;
  };
}

async function aixId(page: Page) {
  const domains = (await (await page.request.get('/api/domains')).json()) as { id: string; slug: string }[];
  return domains.find((d) => d.slug === 'ac-aix-marseille')!.id;
}

async function courseByShortName(page: Page, shortName: string) {
  const courses = (await (await page.request.get('/api/courses')).json()) as {
    id: string;
    shortName: string;
  }[];
  return courses.find((c) => c.shortName === shortName)!.id;
}

const usersTable = (page: Page) => page.getByRole('table', { name: /^Liste des utilisateurs/ });

test('the admin finds a person of any domain without picking one', async ({ page }) => {
  await login(page, 'admin@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await page.goto('/admin/utilisateurs');
  await expect(page.getByLabel('Domaine', { exact: true }).locator('option:checked')).toHaveText(
    'Tous les domaines',
  );
  await page.getByRole('searchbox', { name: /^Rechercher un utilisateur/ }).fill('Roux');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(usersTable(page).locator('tbody tr').first()).toContainText('Roux Camille');
  await expect(usersTable(page).locator('tbody tr').first()).toContainText('Académie d’Aix-Marseille');
  await expectNoAxeViolations(page);
  await shots(page, 'utilisateurs-recherche');
});

test('a referent gives a role in a course and in an activity by searching them, and reads their names', async ({
  page,
}) => {
  await login(page, 'referent@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await page.goto('/admin/utilisateurs?q=roux');
  await usersTable(page).getByRole('link', { name: 'Roux Camille' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Camille Roux' })).toBeVisible();
  const roles = page.getByRole('region', { name: 'Rôles' });
  const table = roles.getByRole('table', { name: 'Rôles attribués à Camille Roux' });
  // Her enrolment in the session is a course-level role: named by the session's title.
  await expect(table).toContainText('Mémoire et apprentissages — session 2026-2027');
  await expect(table).not.toContainText('#');

  // A course: no identifier to type, a search among the courses she may give roles in.
  await roles.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Tuteur' });
  await roles.getByLabel('Niveau du contexte').selectOption({ label: 'Parcours' });
  const search = roles.getByRole('searchbox', { name: /^Rechercher le parcours/ });
  await roles.getByRole('button', { name: 'Attribuer le rôle' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Recherchez puis choisissez');
  await search.fill('micro gestes');
  const found = roles.getByRole('group', { name: 'Parcours correspondants' });
  // Other specs may have renamed it or copied it (« MICRO-GESTES-2 »): the original is picked by its short name.
  await expect(found.getByRole('radio').first()).toBeVisible();
  await expect(roles.getByRole('status').filter({ hasText: /correspondance/ })).toBeVisible();
  const original = found.getByRole('radio', { name: /MICRO-GESTES · / });
  // Its title as the list shows it (its label holds the title, then the short name).
  const label = await original.evaluate((input) => input.parentElement?.textContent ?? '');
  const title = label.split('MICRO-GESTES')[0]!.trim();
  await original.check({ force: true });
  await expectNoAxeViolations(page);
  await shots(page, 'role-parcours');
  await roles.getByRole('button', { name: 'Attribuer le rôle' }).click();
  await expect(roles.getByText('Le rôle a été attribué.')).toBeVisible();
  await expect(table.getByRole('row', { name: /Tuteur/ })).toContainText(title);

  // An activity: found by its title and its course's, named with both.
  await roles.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Formateur' });
  await roles.getByLabel('Niveau du contexte').selectOption({ label: 'Activité' });
  await roles.getByRole('searchbox', { name: /^Rechercher l’activité/ }).fill('repetition espacee session');
  await roles
    .getByRole('group', { name: 'Activités correspondantes' })
    .getByText('La répétition espacée')
    .click();
  await roles.getByRole('button', { name: 'Attribuer le rôle' }).click();
  await expect(roles.getByText('Le rôle a été attribué.')).toBeVisible();
  await expect(table.getByRole('row', { name: /Formateur/ })).toContainText(
    'La répétition espacée (Mémoire et apprentissages — session 2026-2027)',
  );
  await expect(table).not.toContainText('#');
  await expectNoAxeViolations(page);
  await shots(page, 'roles-noms');

  // Cleaned up, so that the other specs find her as the demo made her.
  for (const role of ['Tuteur', 'Formateur']) {
    await table.getByRole('button', { name: new RegExp(`^Retirer le rôle ${role}`) }).click();
    await expect(roles.getByText('Le rôle a été retiré.')).toBeVisible();
  }
});

test('the follow-up keeps the page frame: only the grid scrolls, its first column stays', async ({
  page,
}) => {
  await login(page, 'formateur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const session = await courseByShortName(page, 'MEMOIRE-C34-S1');
  await page.goto(`/parcours/${session}/suivi`);
  await expect(page.getByRole('heading', { level: 1, name: 'Suivi des participants' })).toBeVisible();
  const grid = page.getByRole('region', { name: /tableau de suivi|grille/i });
  await expect(grid).toBeVisible();
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await width()).toBeLessThanOrEqual(1280);
  // The region scrolls sideways, takes the keyboard focus, and its first column stays in view.
  const sizes = await grid.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  await grid.focus();
  await expect(grid).toBeFocused();
  await page.keyboard.press('End');
  const firstCell = grid.locator('tbody th').first();
  const before = (await firstCell.boundingBox())!.x;
  await grid.evaluate((el) => {
    el.scrollLeft = 400;
  });
  await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect((await firstCell.boundingBox())!.x).toBeCloseTo(before, 0);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 900 });
  expect(await width()).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
  await shots(page, 'suivi');
});

test('files and folders get their files in the creation form, and a failed upload can be retried', async ({
  page,
}) => {
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const call = await apiOf(page);
  const course = await call('POST', '/api/courses', {
    domainId: await aixId(page),
    title: `Ressources en un geste — ${Date.now()}`,
    shortName: 'RES-GESTE',
  });
  const section = await call('POST', `/api/courses/${course.id}/sections`, { title: 'Séance 1' });
  const pdf = { name: 'fiche.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };

  // A file: chosen with the title, sent by the same button.
  await page.goto(`/parcours/${course.id}/activite/nouvelle?section=${section.id}&type=file`);
  await expect(page.getByText('Vous pourrez déposer le fichier après l’enregistrement')).toHaveCount(0);
  await page.getByLabel(/^Titre/).fill('Fiche de séance');
  await page.getByLabel(/^Déposer le fichier/).setInputFiles(pdf);
  await expectNoAxeViolations(page);
  await shots(page, 'creation-fichier');
  await page.getByRole('button', { name: 'Ajouter au parcours' }).click();
  await expect(page.getByText('«\u00a0Fiche de séance\u00a0» a été ajouté au parcours.')).toBeVisible();
  const row = (title: string) => page.locator('.mg-row__main').filter({ hasText: title });
  await expect(row('Fiche de séance')).toContainText('PDF');

  // A folder: several files at once.
  await page.goto(`/parcours/${course.id}/activite/nouvelle?section=${section.id}&type=folder`);
  await page.getByLabel(/^Titre/).fill('Documents');
  await page
    .getByLabel(/^Ajouter des fichiers/)
    .setInputFiles([
      pdf,
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Notes de séance') },
    ]);
  await page.getByRole('button', { name: 'Ajouter au parcours' }).click();
  await expect(page.getByText('«\u00a0Documents\u00a0» a été ajouté au parcours.')).toBeVisible();
  await expect(row('Documents')).toContainText('2 fichiers');

  // The upload fails: the activity exists, the page says so and takes the file again.
  await page.route('**/api/activities/*/file', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Service indisponible', status: 503, code: 'down' }),
    }),
  );
  await page.goto(`/parcours/${course.id}/activite/nouvelle?section=${section.id}&type=file`);
  await page.getByLabel(/^Titre/).fill('Fiche à redéposer');
  await page.getByLabel(/^Déposer le fichier/).setInputFiles(pdf);
  await page.getByRole('button', { name: 'Ajouter au parcours' }).click();
  await expect(page).toHaveURL(/\/activite\/[0-9a-f-]{36}\/modifier$/);
  const warning = page
    .getByRole('alert')
    .filter({ hasText: 'a été créée, mais l’envoi du fichier a échoué' });
  await expect(warning).toContainText('«\u00a0Fiche à redéposer\u00a0»');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Fiche à redéposer');
  await expectNoAxeViolations(page);
  await shots(page, 'creation-fichier-echec');
  await page.unroute('**/api/activities/*/file');
  await page.getByLabel(/^Déposer le fichier/).setInputFiles(pdf);
  await expect(
    page.getByRole('status').filter({ hasText: 'Le fichier «\u00a0fiche.pdf\u00a0» a été déposé.' }),
  ).toHaveCount(1);
});

test('the participant preview shows what a participant sees, and leads back', async ({ page }) => {
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const parcours = await courseByShortName(page, 'MEMOIRE-C34');
  await page.goto(`/parcours/${parcours}`);
  const courseNav = page.getByRole('navigation', { name: 'Pages du parcours' });
  await expect(courseNav).toBeVisible();
  await expect(page.getByText('Parcours en construction')).toBeVisible();
  await page.getByRole('link', { name: 'Voir comme un participant' }).click();

  await expect(page.getByText(/^Aperçu participant/)).toBeVisible();
  await expect(courseNav).toHaveCount(0);
  await expect(page.getByText('Parcours en construction')).toHaveCount(0);
  await expect(page.getByText('Mode édition')).toHaveCount(0);
  const bar = page.getByRole('progressbar', { name: 'Votre progression' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expect(page.getByText(/^0\s%\s—\s0 activité sur \d+/)).toBeVisible();
  await expect(page.getByText('À faire').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shots(page, 'apercu-participant');

  await page.getByRole('link', { name: 'Quitter l’aperçu' }).click();
  await expect(courseNav).toBeVisible();
  await expect(bar).toHaveCount(0);
});

test('a trashed session says "la session", with headings in order', async ({ page }) => {
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const call = await apiOf(page);
  const parcours = await courseByShortName(page, 'MEMOIRE-C34');
  const title = `Session à jeter — ${Date.now()}`;
  const session = await call('POST', `/api/courses/${parcours}/sessions`, { title });
  await page.goto(`/parcours/${session.id}/cycle-de-vie`);
  await expect(
    page.getByText('La session disparaît des listes\u00a0; elle peut être restaurée'),
  ).toBeVisible();
  await expect(page.getByText('Le parcours disparaît')).toHaveCount(0);
  await page.getByRole('button', { name: 'Mettre à la corbeille' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mettre à la corbeille\u00a0?' });
  await expect(dialog).toContainText(`La session «\u00a0${title}\u00a0» disparaîtra des listes`);
  await expect(dialog).toContainText('Vous pourrez la restaurer depuis la corbeille.');
  await dialog.getByRole('button', { name: 'Mettre à la corbeille' }).click();
  await expect(page.getByText(`La session «\u00a0${title}\u00a0» a été mise à la corbeille.`)).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Cette session est dans la corbeille' }),
  ).toBeVisible();
  await expect(page.getByText('La session revient à l’étape où elle était.')).toBeVisible();
  await expectNoAxeViolations(page);
  await shots(page, 'session-corbeille');
});

test('after a navigation the main content has the focus and no frame', async ({ page }) => {
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Menu principal' });
  await nav.getByRole('link', { name: 'Mon profil' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
  const main = page.locator('main#contenu');
  await expect(main).toBeFocused();
  const outline = await main.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: style.outlineWidth, visible: el.matches(':focus-visible') };
  });
  // Reached by the keyboard: what would draw the DSFR's focus frame around the whole page.
  expect(outline.visible).toBe(true);
  expect(outline.style === 'none' || outline.width === '0px').toBe(true);
  await shots(page, 'focus-apres-navigation');
});

test('an activity has one completion answer, the same on the course page and on its own page', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await login(page, 'admin@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const call = await apiOf(page);
  // A session of the indexed demo parcours, with two pages of its own: one to mark, one done when opened.
  const session = await call(
    'POST',
    `/api/courses/${await courseByShortName(page, 'MEMOIRE-C34')}/sessions`,
    {
      title: `Session d’auto-positionnement — ${Date.now()}`,
      settings: { startsAt: '2026-01-05T08:00:00.000Z', endsAt: '2027-06-30T16:00:00.000Z' },
    },
  );
  const section = await call('POST', `/api/courses/${session.id}/sections`, { title: 'Se positionner' });
  for (const [title, mode] of [
    ['Se situer', 'manual'],
    ['Lire le référentiel', 'view'],
  ] as const) {
    await call('POST', `/api/courses/${session.id}/activities`, {
      sectionId: section.id,
      kind: 'page',
      title,
      settings: { content: `<p>${title}.</p>` },
      completion: { mode },
    });
  }
  await call('POST', `/api/courses/${session.id}/open`, {});
  await call('POST', `/api/courses/${session.id}/enrolments`, {
    role: 'participant',
    emails: ['participant@magistere.test'],
  });

  const context = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'fr-FR' });
  const learner = await context.newPage();
  await login(learner, 'participant@magistere.test');
  await expect(learner.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await learner.goto(`/parcours/${session.id}`);
  // She opens both; the one she must mark stays to do, and nothing on the page says otherwise.
  for (const title of ['Se situer', 'Lire le référentiel']) {
    await learner.getByRole('link', { name: title }).click();
    await expect(learner.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const own = learner.locator('.mg-completion__state');
    await expect(own).toHaveText(title === 'Se situer' ? 'À faire' : /^Terminé le \d{2}\/\d{2}\/\d{4}$/);
    await learner.goBack();
  }
  const item = (title: string) => learner.locator('.mg-activity').filter({ hasText: title });
  await expect(item('Se situer').locator('.mg-completion__state')).toHaveText('À faire');
  await expect(item('Lire le référentiel').locator('.mg-completion__state')).toHaveText(/^Terminé le/);
  // "Consulté" beside "À faire" said two things at once: a tracked activity shows its completion alone.
  await expect(item('Se situer')).not.toContainText('Consulté');
  await expect(item('Lire le référentiel')).not.toContainText('Consulté');
  await expectNoAxeViolations(learner);
  await shots(learner, 'achevement-parcours');
  await context.close();
});

import { type Browser, expect, type Page, test } from '@playwright/test';
import { callApi, expectNoAxeViolations, login, q, shot } from './support.ts';

type HubItem = { number: number; title: string; domain: { slug: string }; version: string };

/** A page logged in as the platform admin, in its own browser context: the origin's side of the story. */
async function adminPage(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await login(page, 'admin@magistere.test');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  return page;
}

/** The origin publishes a new version: an activity added, the version raised, the notes written. */
async function publishNewVersion(admin: Page, courseId: string, version: string, notes: string) {
  const page = await (await callApi(admin, 'GET', `/api/courses/${courseId}`)).json();
  const last = page.sections.at(-1) as { id: string };
  const added = await callApi(admin, 'POST', `/api/courses/${courseId}/activities`, {
    sectionId: last.id,
    kind: 'page',
    title: 'Auto-évaluation des élèves avec une grille partagée',
    settings: { content: '<p>Faire construire une grille par les élèves.</p>' },
  });
  expect(added.status(), await added.text()).toBe(201);
  const indexed = await callApi(admin, 'PUT', `/api/courses/${courseId}/metadata`, {
    ...page.course.metadata,
    version,
  });
  expect(indexed.status(), await indexed.text()).toBe(200);
  const published = await callApi(admin, 'POST', `/api/courses/${courseId}/publication`, {
    releaseNotes: notes,
  });
  expect(published.status(), await published.text()).toBe(200);
}

test('a Bordeaux designer deploys a national parcours from the hub, then takes its new version', async ({
  page,
  browser,
}) => {
  // The national parcours of the demo course offer.
  const admin = await adminPage(browser);
  const hub = (await (await callApi(admin, 'GET', '/api/hub/courses')).json()) as { items: HubItem[] };
  const origin = hub.items.find((item) => item.domain.slug === 'dgesco');
  expect(origin, 'a dgesco parcours in the demo course offer').toBeDefined();
  const presentation = await (await callApi(admin, 'GET', `/api/offers/${origin!.number}`)).json();
  const originCourseId = presentation.courseId as string;

  // The designer finds it in the Réseau des concepteurs.
  await login(page, 'conceptrice.bordeaux@magistere.test');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Réseau des concepteurs' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Réseau des concepteurs' })).toBeVisible();
  const word = origin!.title.split(/\s+/).find((w) => w.length > 6) ?? origin!.title;
  await page.getByRole('searchbox', { name: 'Rechercher un parcours' }).fill(word);
  await page.getByRole('searchbox', { name: 'Rechercher un parcours' }).press('Enter');
  await expect(page.getByRole('status')).toContainText(q(word));
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: origin!.title }) });
  await expect(card).toContainText('Conçu par DGESCO — national');
  await expect(card).toContainText(`Version ${origin!.version}`);
  await expect(card).toContainText('Jamais déployé');
  await expectNoAxeViolations(page);
  await shot(page, 'hub-search');

  // Deployed into Bordeaux, its only domain.
  await card.getByRole('button', { name: 'Déployer dans mon domaine' }).click();
  const dialog = page.getByRole('dialog', { name: 'Déployer un parcours' });
  await expect(dialog.getByLabel('Domaine de la copie')).toHaveValue(/.+/);
  await expect(dialog.getByLabel('Domaine de la copie').locator('option:checked')).toHaveText(
    'Académie de Bordeaux',
  );
  await expect(dialog.getByLabel('Titre de la copie')).toHaveValue(origin!.title);
  await expectNoAxeViolations(page);
  await shot(page, 'hub-deploy-dialog');
  await dialog.getByRole('button', { name: 'Déployer', exact: true }).click();

  // The copy's life cycle says where it comes from.
  await expect(page.getByRole('heading', { level: 1, name: 'Cycle de vie' })).toBeVisible();
  await expect(
    page.getByText(`Le parcours ${q(origin!.title)} est déployé dans votre domaine`),
  ).toBeVisible();
  await expect(
    page.getByText(`Déployé depuis ${q(origin!.title)} (DGESCO — national), version ${origin!.version}.`),
  ).toBeVisible();
  await expect(page.getByText('Votre copie est à jour.')).toBeVisible();
  const copyUrl = page.url();
  const copyId = new URL(copyUrl).pathname.split('/')[2]!;
  await expectNoAxeViolations(page);
  await shot(page, 'hub-deployed-copy');

  // The origin publishes version 1.1 with its notes.
  const notes = 'Nouvelle activité sur l’auto-évaluation des élèves.\nCorrections dans la séance 1.';
  await publishNewVersion(admin, originCourseId, '1.1', notes);

  // Back in the hub, the parcours no longer offers to deploy it again: it leads to the copy, and to its
  // update now that the offer is newer than the copy.
  await page.goto(`/reseau-des-concepteurs?q=${encodeURIComponent(word)}`);
  await expect(card).toContainText('Déjà déployé dans votre domaine');
  await expect(card).toContainText(`Votre copie\u00a0: version ${origin!.version}`);
  await expect(card.getByRole('button', { name: 'Déployer dans mon domaine' })).toHaveCount(0);
  await expect(card.getByRole('link', { name: 'Ouvrir ma copie' })).toHaveAttribute(
    'href',
    `/parcours/${copyId}`,
  );
  await expectNoAxeViolations(page);
  await shot(page, 'hub-already-deployed');
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'hub-already-deployed-390');
  await page.setViewportSize(wide);
  await card.getByRole('link', { name: 'Mettre à jour' }).click();
  await expect(page).toHaveURL(copyUrl);

  // The deployer is offered it, reads what changed and updates the copy.
  const notice = page.getByRole('heading', { name: 'Nouvelle version 1.1 disponible' });
  await expect(notice).toBeVisible();
  await expect(page.getByText('Nouvelle activité sur l’auto-évaluation des élèves.')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'hub-new-version');
  await page.getByRole('button', { name: 'Mettre à jour ma copie' }).click();
  const confirm = page.getByRole('dialog', { name: 'Mettre à jour ma copie' });
  await expect(confirm).toContainText('version 1.1');
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Remplacer le contenu' }).click();
  await expect(page.getByText('Votre copie est passée à la version 1.1.')).toBeVisible();
  await expect(
    page.getByText(`Déployé depuis ${q(origin!.title)} (DGESCO — national), version 1.1.`),
  ).toBeVisible();
  await expect(notice).toBeHidden();
  await shot(page, 'hub-updated-copy');

  // The copy holds the new activity; the hub counts the deployment.
  await page.goto(`/parcours/${copyId}`);
  await expect(page.getByText('Auto-évaluation des élèves avec une grille partagée').first()).toBeVisible();
  await page.goto(`/reseau-des-concepteurs?q=${encodeURIComponent(word)}`);
  await expect(card).toContainText('Déployé 1 fois');
  await expect(card).toContainText('Version 1.1');
  await expect(card).toContainText('Votre copie\u00a0: version 1.1');
  await expect(card.getByRole('link', { name: 'Mettre à jour' })).toHaveCount(0);
  await admin.context().close();
});

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.ts';

test('a designer changes a course’s settings, duplicates it, exports it and imports the archive', async ({
  page,
}) => {
  await login(page, 'concepteur@magistere.test');
  await page
    .getByRole('link', { name: /Les micro-gestes en situation d’enseignement/ })
    .first()
    .click();
  await page.getByText('Mode édition').click();
  const tools = page.getByRole('list', { name: 'Outils du parcours' });

  // Settings.
  await tools.getByRole('link', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres du parcours' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Titre du parcours').fill('Les micro-gestes professionnels');
  await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Les micro-gestes professionnels' }),
  ).toBeVisible();

  // Export: the link serves the archive.
  const exportLink = page
    .getByRole('list', { name: 'Outils du parcours' })
    .getByRole('link', { name: 'Exporter (.zip)' });
  const href = await exportLink.getAttribute('href');
  expect(href).toMatch(/^\/api\/courses\/[0-9a-f-]{36}\/archive$/);
  const archive = await page.request.get(href!);
  expect(archive.status()).toBe(200);
  expect(archive.headers()['content-type']).toBe('application/zip');
  const zip = await archive.body();

  // Duplicate into the same academy: the copy opens.
  await page
    .getByRole('list', { name: 'Outils du parcours' })
    .getByRole('button', { name: 'Dupliquer' })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Titre de la copie')).toHaveValue('Les micro-gestes professionnels (copie)');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Dupliquer le parcours' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Les micro-gestes professionnels (copie)' }),
  ).toBeVisible();

  // Import the exported archive from Mon espace.
  await page.goto('/');
  const form = page
    .getByRole('form', { name: 'Importer un parcours (.zip)' })
    .or(page.locator('form').filter({ has: page.getByLabel('Archive du parcours') }));
  await form
    .getByLabel('Archive du parcours')
    .setInputFiles({ name: 'micro-gestes.zip', mimeType: 'application/zip', buffer: zip });
  await form.getByRole('button', { name: 'Importer' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Les micro-gestes professionnels' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/parcours\/[0-9a-f-]{36}/);
  await page.screenshot({ path: 'test-results/screens/parcours-importe.png', fullPage: true });

  // A broken archive is refused with the problems listed, in French.
  await page.goto('/');
  await form.getByLabel('Archive du parcours').setInputFiles({
    name: 'casse.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from('pas une archive'),
  });
  await form.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText('L’archive n’a pas pu être importée')).toBeVisible();
  await expect(page.getByText(/Ce fichier n’est pas une archive zip lisible/)).toBeVisible();
  await expectNoAxeViolations(page);
});

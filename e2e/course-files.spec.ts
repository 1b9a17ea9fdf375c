import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  addActivity as addTo,
  createCourse,
  enrolParticipant,
  expectNoAxeViolations,
  hideCourse,
  login,
  openActivityEditor as openEditor,
  pdf,
  q,
} from './support.ts';

const COURSE = `Ressources de formation — ${Date.now()}`;
const VIDEO_URL = 'https://tube-numerique-educatif.apps.education.fr/w/9c9de5e8-0a1b-484f-a7ae-3d7d7b2a1a2f';

const addActivity = (page: Page, kind: string, title: string, fill?: (page: Page) => Promise<void>) =>
  addTo(page, 'Présentation', kind, title, fill);

test('a designer adds a file, a folder and a video; a participant downloads them', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();

  const courseUrl = await createCourse(page, COURSE, 'RESS-FICH');

  // A file: created without one first (the creation form takes it too), then uploaded on the edit page.
  await addActivity(page, 'Fichier', 'Programme de la formation', async (p) => {
    await expect(p.getByText('Un seul fichier. Il est envoyé quand vous créez l’activité.')).toBeVisible();
    await expectNoAxeViolations(p);
  });
  await openEditor(page, 'Programme de la formation');
  await expect(page.getByText('Aucun fichier n’a encore été déposé.')).toBeVisible();
  await page.getByLabel('Déposer le fichier').setInputFiles({
    name: 'programme.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('programme'),
  });
  await expect(page.getByText(`Le fichier ${q('programme.pdf')} a été déposé.`).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /programme\.pdf/ })).toContainText('PDF');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`${q('Programme de la formation')} a été enregistré.`)).toBeVisible();

  // A folder with two files.
  await addActivity(page, 'Dossier', 'Fiches de séance');
  await openEditor(page, 'Fiches de séance');
  await expect(page.getByText('Ce dossier est vide.')).toBeVisible();
  await page.getByLabel('Ajouter des fichiers').setInputFiles([
    { name: 'seance-1.pdf', mimeType: 'application/pdf', buffer: pdf('séance 1') },
    { name: 'seance-2.txt', mimeType: 'text/plain', buffer: Buffer.from('Déroulé de la séance 2.\n') },
  ]);
  await expect(
    page.getByRole('status').filter({ hasText: '2 fichiers ont été ajoutés au dossier.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Supprimer «.*» du dossier$/ })).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`${q('Fiches de séance')} a été enregistré.`)).toBeVisible();

  // A video embedded from PeerTube.
  await addActivity(page, 'Vidéo', 'Une séance filmée', async (p) => {
    await expect(p.getByRole('radio', { name: /Vidéo en ligne/ })).toBeChecked();
    await p.getByRole('textbox', { name: /^Adresse de la vidéo/ }).fill(VIDEO_URL);
    await expectNoAxeViolations(p);
  });

  await enrolParticipant(page, courseUrl);
  await asParticipant(browser, courseUrl);

  // Hide the course again, so that the participant's Mon espace of the other specs stays empty.
  await hideCourse(page, courseUrl);
});

async function asParticipant(browser: Browser, courseUrl: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'participant@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await page.goto(courseUrl);
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();

  // The file.
  await page.getByRole('link', { name: 'Programme de la formation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Programme de la formation' })).toBeVisible();
  const fileLink = page.getByRole('link', { name: /^Télécharger «\sprogramme\.pdf\s»/ });
  await expect(fileLink).toContainText(/PDF – \d+\soctets/);
  await expect(page.getByRole('link', { name: /dans le navigateur/ })).toHaveAttribute(
    'href',
    /\/file\?inline=1$/,
  );
  await expectNoAxeViolations(page);
  const fileDownload = page.waitForEvent('download');
  await fileLink.click();
  expect((await fileDownload).suggestedFilename()).toBe('programme.pdf');

  // The folder.
  await page.getByRole('link', { name: /^Élément suivant/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fiches de séance' })).toBeVisible();
  await expect(page.getByText('2 fichiers', { exact: true })).toBeVisible();
  const second = page.getByRole('link', { name: /^Télécharger «\sseance-2\.txt\s»/ });
  await expect(second).toBeVisible();
  await expectNoAxeViolations(page);
  const folderDownload = page.waitForEvent('download');
  await second.click();
  expect((await folderDownload).suggestedFilename()).toBe('seance-2.txt');
  const zipDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tout télécharger (zip)' }).click();
  expect((await zipDownload).suggestedFilename()).toMatch(/\.zip$/);

  // The video.
  await page.getByRole('link', { name: /^Élément suivant/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Une séance filmée' })).toBeVisible();
  const player = page.locator('iframe[title="Lecteur vidéo\u00a0: Une séance filmée"]');
  await expect(player).toHaveAttribute(
    'src',
    'https://tube-numerique-educatif.apps.education.fr/videos/embed/9c9de5e8-0a1b-484f-a7ae-3d7d7b2a1a2f',
  );
  await expect(player).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups');
  await expectNoAxeViolations(page);
  await context.close();
}

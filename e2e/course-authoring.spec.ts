/**
 * The whole path of a designer: a course, three sections, one activity of each kind through the chooser
 * (a favourite first), images in the rich text, a keyboard reordering, the participant preview; then a
 * person enrolled in the course as a participant opens each activity.
 */
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import {
  addActivity,
  callApi,
  createCourse,
  expectNoAxeViolations,
  hideCourse,
  login,
  openActivityEditor,
  openChooser,
  pdf,
  png,
  q,
  shot as screenshot,
} from './support.ts';

const COURSE = `Construire une séquence en cycle 3 — ${Date.now()}`;
const SECTIONS = ['Découvrir', 'Pratiquer', 'Approfondir'];
const VIDEO_URL = 'https://tube-numerique-educatif.apps.education.fr/w/9c9de5e8-0a1b-484f-a7ae-3d7d7b2a1a2f';
/** One of the demo population, with no role anywhere until the referent enrols them in the course. */
const PARTICIPANT = 'hugo.bernard.1@magistere.test';
const shot = (page: Page, name: string) => screenshot(page, `conception-${name}`);

/** The titles of a section's activities, in order, on the course page (either mode). */
const titlesIn = (page: Page, section: string) =>
  page
    .locator('section', { has: page.getByRole('heading', { level: 2, name: section }) })
    .locator('.mg-activity__title');

/** Opens the image form of a rich-text area; the file field has the focus. */
async function openImageForm(page: Page, area: Locator) {
  await area.click();
  await page.getByRole('button', { name: 'Insérer une image' }).click();
  const form = page.getByRole('group', { name: 'Insérer une image' });
  await expect(form).toBeVisible();
  const file = form.locator('input[type="file"]');
  await expect(file).toBeFocused();
  return { form, file };
}

test('a designer builds a course of every kind; an enrolled participant opens each activity', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const courseUrl = await createCourse(page, COURSE, 'SEQ-C3');
  const courseId = courseUrl.split('/').pop() ?? '';
  await expect(page.getByRole('checkbox', { name: /Mode édition/ })).toBeChecked();

  // Three sections.
  for (const title of SECTIONS) {
    await page.getByRole('textbox', { name: /^Titre de la section/ }).fill(title);
    await page.getByRole('button', { name: 'Ajouter une section' }).click();
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }

  // The chooser: no favourite left from earlier runs, then "Vidéo" marked, and first from then on.
  let dialog = await openChooser(page, 'Approfondir');
  const favourites = dialog.getByRole('button', { name: /^Retirer des favoris/ });
  for (let n = await favourites.count(); n > 0; n -= 1) {
    await favourites.first().click();
    await expect(favourites).toHaveCount(n - 1);
  }
  const choices = dialog.locator('.mg-chooser__choose');
  // Resources, then activities (to do).
  await expect(choices).toHaveText([
    'Dossier',
    'Étiquette pédagogique',
    'Fichier',
    'Lien',
    'Page',
    'Vidéo',
    'Espace de dépôt',
  ]);
  await dialog.getByRole('button', { name: 'Ajouter aux favoris\u00a0: Vidéo' }).click();
  await expect(dialog.getByRole('button', { name: 'Retirer des favoris\u00a0: Vidéo' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(dialog.getByRole('heading', { level: 3 }).first()).toHaveText('Mes favoris');
  await expect(choices.first()).toHaveText('Vidéo');
  await expectNoAxeViolations(page);
  await dialog.screenshot({ path: 'test-results/screens/conception-choix-favori.png' });
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await page.reload();
  dialog = await openChooser(page, 'Approfondir');
  await expect(choices.first()).toHaveText('Vidéo');
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  // A page, with an image: refused when it is not one, refused without alternative text, then inserted.
  await addActivity(page, 'Découvrir', 'Page', 'Lire la situation de départ', async (p) => {
    const area = p.getByRole('textbox', { name: 'Contenu de la page' });
    await area.click();
    await p.keyboard.type('Observez les échanges entre les élèves de CM1.');
    const { form, file } = await openImageForm(p, area);
    await form.getByRole('button', { name: 'Insérer l’image' }).click();
    await expect(form.getByText('Choisissez une image.')).toBeVisible();
    await file.setInputFiles({ name: 'schema.png', mimeType: 'image/png', buffer: pdf('pas une image') });
    await form.getByRole('textbox', { name: /^Texte alternatif/ }).fill('Schéma de la situation');
    await form.getByRole('button', { name: 'Insérer l’image' }).click();
    await expect(form.getByText('Seules les images PNG, JPEG, GIF ou WebP sont acceptées.')).toBeVisible();
    await file.setInputFiles({ name: 'schéma.png', mimeType: 'image/png', buffer: png() });
    await form.getByRole('textbox', { name: /^Texte alternatif/ }).fill('');
    await form.getByRole('button', { name: 'Insérer l’image' }).click();
    const altError = 'Saisissez un texte alternatif, ou cochez «\u00a0Image décorative\u00a0».';
    await expect(form.getByText(altError)).toBeVisible();
    await expect(form.getByRole('textbox', { name: /^Texte alternatif/ })).toBeFocused();
    await expectNoAxeViolations(p);
    await shot(p, 'editeur-image-erreurs');
    await form.getByRole('textbox', { name: /^Texte alternatif/ }).fill('Schéma de la situation');
    await p.keyboard.press('Enter');
    await expect(form).toHaveCount(0);
    await expect(area.locator('img')).toHaveAttribute('alt', 'Schéma de la situation');
    await expect(area.locator('img')).toHaveAttribute('src', /^\/api\/files\/[0-9a-f]{64}\//);
    await expect(area).toBeFocused();
    await shot(p, 'editeur-image-inseree');
  });
  await addActivity(page, 'Découvrir', 'Étiquette pédagogique', 'Objectif de la séquence', async (p) => {
    await p.getByRole('textbox', { name: 'Texte de l’étiquette' }).click();
    await p.keyboard.type('Construire une séquence qui fait progresser chaque élève.');
  });
  await addActivity(page, 'Pratiquer', 'Lien', 'Ressources Éduscol', async (p) => {
    await p.getByRole('textbox', { name: /^Adresse du lien/ }).fill('https://eduscol.education.fr/');
  });
  await addActivity(page, 'Pratiquer', 'Fichier', 'Programme de la séquence');
  await openActivityEditor(page, 'Programme de la séquence');
  await page.getByLabel('Déposer le fichier').setInputFiles({
    name: 'programme.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('programme'),
  });
  await expect(page.getByText(`Le fichier ${q('programme.pdf')} a été déposé.`).first()).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`${q('Programme de la séquence')} a été enregistré.`)).toBeVisible();
  await addActivity(page, 'Approfondir', 'Dossier', 'Fiches de séance');
  await openActivityEditor(page, 'Fiches de séance');
  await page.getByLabel('Ajouter des fichiers').setInputFiles([
    { name: 'seance-1.pdf', mimeType: 'application/pdf', buffer: pdf('séance 1') },
    { name: 'seance-2.pdf', mimeType: 'application/pdf', buffer: pdf('séance 2') },
  ]);
  await expect(
    page.getByRole('status').filter({ hasText: '2 fichiers ont été ajoutés au dossier.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`${q('Fiches de séance')} a été enregistré.`)).toBeVisible();
  // The favourite, chosen from the top of the chooser.
  dialog = await openChooser(page, 'Approfondir');
  await choices.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ajouter\u00a0: Vidéo');
  await page.getByRole('textbox', { name: /^Titre/ }).fill('Une séance filmée');
  await page.getByRole('textbox', { name: /^Adresse de la vidéo/ }).fill(VIDEO_URL);
  await page.getByRole('button', { name: 'Ajouter au parcours' }).click();
  await expect(page.getByText(`${q('Une séance filmée')} a été ajouté au parcours.`)).toBeVisible();
  // And something participants must not see.
  await addActivity(page, 'Approfondir', 'Page', 'Notes du concepteur', async (p) => {
    await p.locator('label', { hasText: 'Masquer aux participants' }).click();
  });

  // A decorative image in a section's description.
  await page.getByRole('button', { name: `Modifier la section ${q('Découvrir')}` }).click();
  const description = page.getByRole('textbox', { name: /^Description de la section/ });
  const { form, file } = await openImageForm(page, description);
  await file.setInputFiles({ name: 'bandeau.png', mimeType: 'image/png', buffer: png(640, 80) });
  await form.locator('label', { hasText: 'Image décorative' }).click();
  await expect(form.getByRole('textbox', { name: /^Texte alternatif/ })).toBeDisabled();
  await form.getByRole('button', { name: 'Insérer l’image' }).click();
  await expect(description.locator('img')).toHaveAttribute('alt', '');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'La section a été enregistrée.' })).toHaveCount(1);
  await expect(description).toHaveCount(0);
  await expect(
    page.locator('section', { has: page.getByRole('heading', { name: 'Découvrir' }) }).locator('img[alt=""]'),
  ).toBeVisible();

  // Reorder with the keyboard: the label above the page, the file above the link.
  await page.getByRole('button', { name: `Descendre ${q('Lire la situation de départ')}` }).focus();
  await page.keyboard.press('Enter');
  await expect(titlesIn(page, 'Découvrir')).toHaveText([
    'Objectif de la séquence',
    'Lire la situation de départ',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'position 2 sur 2' })).toHaveCount(1);
  await page.getByRole('button', { name: `Monter ${q('Programme de la séquence')}` }).focus();
  await page.keyboard.press('Enter');
  await expect(titlesIn(page, 'Pratiquer')).toHaveText(['Programme de la séquence', 'Ressources Éduscol']);
  await page.reload();
  await expect(titlesIn(page, 'Pratiquer')).toHaveText(['Programme de la séquence', 'Ressources Éduscol']);
  // What the course page tells of each kind, from the summaries.
  await expect(page.getByText(/^Fichier · PDF – \d+\soctets$/)).toBeVisible();
  await expect(page.getByText('Dossier · 2 fichiers', { exact: true })).toBeVisible();
  await expect(page.getByText('Lien · eduscol.education.fr', { exact: true })).toBeVisible();
  await expect(
    page.getByText('Vidéo · tube-numerique-educatif.apps.education.fr', { exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'edition');

  // Out of edit mode: the designer's view, hidden items marked.
  await page.getByText('Mode édition').click();
  await expect(page.getByRole('button', { name: /^Monter/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Notes du concepteur' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'vue-concepteur');

  // The participant preview: what participants see, and the way back.
  await page.getByRole('link', { name: 'Voir comme un participant' }).click();
  await expect(page.getByText(/^Aperçu participant\s: vous voyez ce parcours/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Mode édition/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Notes du concepteur' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Commencer le parcours' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Objectif de la séquence', exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'apercu-participant');
  await page.getByRole('link', { name: 'Une séance filmée' }).click();
  await expect(page).toHaveURL(/\/activite\/[0-9a-f-]{36}\?apercu=participant$/);
  await expect(page.getByText(/^Aperçu participant/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Modifier', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Élément suivant/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Quitter l’aperçu' }).click();
  await expect(page.getByRole('link', { name: 'Modifier', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Élément suivant/ })).toBeVisible();

  await enrol(browser, courseId);
  await asParticipant(browser, courseUrl);
  await hideCourse(page, courseUrl);
});

/** The academy's referent gives the participant role in this course (no enrolment screen yet). */
async function enrol(browser: Browser, courseId: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'referent@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const found = await callApi(page, 'GET', `/api/users?q=${encodeURIComponent(PARTICIPANT)}`);
  const [user] = ((await found.json()) as { items: { id: string; email: string }[] }).items;
  expect(user?.email).toBe(PARTICIPANT);
  const assigned = await callApi(page, 'POST', '/api/role-assignments', {
    userId: user?.id,
    role: 'participant',
    contextLevel: 'course',
    instanceId: courseId,
  });
  expect(assigned.status(), await assigned.text()).toBe(201);
  await context.close();
}

async function asParticipant(browser: Browser, courseUrl: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, PARTICIPANT);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  // Enrolled, she finds it under "Mes parcours".
  await page
    .getByRole('region', { name: 'Mes parcours', exact: true })
    .getByRole('link', { name: COURSE, exact: true })
    .click();
  await expect(page).toHaveURL(courseUrl);
  await expect(page.getByRole('link', { name: 'Notes du concepteur' })).toHaveCount(0);
  await expect(titlesIn(page, 'Découvrir')).toHaveText(['Lire la situation de départ']);
  await expectNoAxeViolations(page);
  await shot(page, 'participant');

  const next = () => page.getByRole('link', { name: /^Élément suivant/ }).click();
  const heading = (title: string) =>
    expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // The page, with its image served to the participant.
  await page.getByRole('link', { name: 'Commencer le parcours' }).click();
  await heading('Lire la situation de départ');
  const image = page.locator('main img[alt="Schéma de la situation"]');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  await expectNoAxeViolations(page);
  await shot(page, 'participant-page');

  // The label just before it is read on the course page, not a step: nothing comes before this page.
  await expect(page.getByRole('link', { name: /^Élément précédent/ })).toHaveCount(0);

  await next();
  await heading('Programme de la séquence');
  const fileLink = page.getByRole('link', { name: /^Télécharger «\sprogramme\.pdf\s»/ });
  await expect(fileLink).toContainText(/PDF – \d+\soctets/);
  const download = page.waitForEvent('download');
  await fileLink.click();
  expect((await download).suggestedFilename()).toBe('programme.pdf');
  await expectNoAxeViolations(page);

  await next();
  await heading('Ressources Éduscol');
  await expect(page.getByRole('link', { name: `Ouvrir ${q('Ressources Éduscol')}` })).toHaveAttribute(
    'href',
    'https://eduscol.education.fr/',
  );
  await expectNoAxeViolations(page);

  await next();
  await heading('Fiches de séance');
  await expect(page.getByText('2 fichiers', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Télécharger «\sseance-2\.pdf\s»/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await next();
  await heading('Une séance filmée');
  await expect(page.locator('iframe[title="Lecteur vidéo\u00a0: Une séance filmée"]')).toHaveAttribute(
    'src',
    'https://tube-numerique-educatif.apps.education.fr/videos/embed/9c9de5e8-0a1b-484f-a7ae-3d7d7b2a1a2f',
  );
  await expect(page.getByRole('link', { name: /^Élément suivant/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Back on the course page: everything opened is marked.
  await page.locator('.fr-breadcrumb').getByRole('link', { name: COURSE }).click();
  await expect(page.locator('main .mg-activity .fr-badge', { hasText: 'Consulté' })).toHaveCount(5);
  await shot(page, 'participant-fin');
  await context.close();
}

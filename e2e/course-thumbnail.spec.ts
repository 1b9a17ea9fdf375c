import { expect, type Page, test } from '@playwright/test';
import { png } from '../src/server/demo/thumbnail.ts';
import { enrolParticipant, expectNoAxeViolations, login } from './support.ts';

/** French quotes with their non-breaking spaces, as in the interface's accessible names. */
const q = (text: string) => `«\u00a0${text}\u00a0»`;

const COURSE = 'Enseigner dans le premier degré, accompagnement à la prise de poste';
const ACTIVITY = 'Check-list de rentrée';

/** A real PNG made here: an orange band on deep blue, 480 × 270. */
const thumbnail = png(480, 270, (_x, y) => (y > 90 && y < 180 ? [225, 100, 40] : [0, 0, 145]));

/** Whether an image element finished loading real pixels. */
const loaded = (page: Page, selector: string) =>
  page.locator(selector).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

test('a designer gives a course a thumbnail and an activity an opening date; an admin allows a video host', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  // The demo courses come with thumbnails.
  const card = page.locator('.fr-card').filter({ has: page.getByRole('link', { name: COURSE }) });
  await expect(card.locator('img')).toHaveAttribute('src', /\/thumbnail\?v=/);
  const demoSrc = await card.locator('img').getAttribute('src');

  // Settings: a PDF is refused next to the field, then a PNG replaces the thumbnail.
  await card.getByRole('link', { name: COURSE }).click();
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();
  // The demo participant follows it, for the last step.
  await enrolParticipant(page, page.url().split('?')[0]!);
  await page.getByText('Mode édition').click();
  await page
    .getByRole('list', { name: 'Outils du parcours' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres du parcours' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Vignette du parcours' });
  await expect(section.getByRole('figure')).toContainText('Vignette actuelle');
  await section.getByLabel(/Remplacer la vignette/).setInputFiles({
    name: 'programme.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
  });
  await expect(section.locator('.fr-error-text')).toHaveText(
    'La vignette doit être une image JPEG, PNG ou WebP.',
  );
  await expect(section.locator('img')).toHaveAttribute('src', demoSrc!);
  await page.screenshot({ path: 'test-results/screens/vignette-refusee.png', fullPage: true });

  await section.getByLabel(/Remplacer la vignette/).setInputFiles({
    name: 'vignette-rentree.png',
    mimeType: 'image/png',
    buffer: thumbnail,
  });
  await expect(section.getByText('La vignette a été enregistrée.').first()).toBeVisible();
  await expect(section.locator('img')).not.toHaveAttribute('src', demoSrc!);
  const newSrc = (await section.locator('img').getAttribute('src'))!;
  await expect.poll(() => loaded(page, '.mg-thumbnail-preview img')).toBe(true);
  // The served image is the very one sent.
  expect((await (await page.request.get(newSrc)).body()).equals(thumbnail)).toBe(true);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/vignette-parametres.png', fullPage: true });

  // Mon espace: the card shows it, as a decorative image.
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Mon espace' })
    .click();
  await expect(card.locator('img')).toHaveAttribute('src', newSrc);
  await expect(card.locator('img')).toHaveAttribute('alt', '');
  await expect
    .poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(480);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/vignette-mon-espace.png', fullPage: true });

  // The course page shows it beside the title.
  await card.getByRole('link', { name: COURSE }).click();
  await expect(page.locator('.mg-course-head__image')).toHaveAttribute('src', newSrc);

  // An activity opens later: the editor sets the date, the course page says when.
  await page.getByText('Mode édition').click();
  await page.getByRole('link', { name: `Modifier ${q(ACTIVITY)}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Modifier ${q(ACTIVITY)}`);
  const opening = page.getByLabel(/Disponible à partir du/);
  await expect(opening).toHaveValue('');
  await opening.fill('2027-11-23T14:30');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/activite-date-ouverture.png', fullPage: true });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`${q(ACTIVITY)} a été enregistré.`)).toBeVisible();
  const label = 'Disponible à partir du 23 novembre 2027 à 14\u00a0h\u00a030';
  await expect(page.getByText(label)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/activite-disponible-edition.png', fullPage: true });
  await page.getByText('Mode édition').click();
  await expect(page.getByText(label)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/activite-disponible-a-partir.png', fullPage: true });
  // Back in the editor, the date is there, and can be cleared… but stays for this test.
  await page.getByText('Mode édition').click();
  await page.getByRole('link', { name: `Modifier ${q(ACTIVITY)}` }).click();
  await expect(page.getByLabel(/Disponible à partir du/)).toHaveValue('2027-11-23T14:30');
  await expect(page.getByRole('button', { name: 'Effacer la date' })).toBeVisible();

  // A participant does not see it yet.
  const participantContext = await browser.newContext();
  const participant = await participantContext.newPage();
  await login(participant, 'participant@magistere.test');
  await participant.getByRole('link', { name: COURSE }).click();
  await expect(participant.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();
  await expect(participant.getByRole('link', { name: 'Le conseil des maîtres' })).toBeVisible();
  await expect(participant.getByText(ACTIVITY)).toHaveCount(0);
  await participantContext.close();

  // The designer removes the thumbnail, after confirming: the card falls back to a plain block.
  await page.goto('/');
  await card.getByRole('link', { name: COURSE }).click();
  await page.getByText('Mode édition').click();
  await page
    .getByRole('list', { name: 'Outils du parcours' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  await section.getByRole('button', { name: 'Supprimer la vignette' }).click();
  const confirm = page.getByRole('dialog', { name: 'Supprimer la vignette du parcours\u00a0?' });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/vignette-suppression.png' });
  await confirm.getByRole('button', { name: 'Supprimer la vignette' }).click();
  await expect(section.getByText('La vignette a été supprimée.').first()).toBeVisible();
  await expect(section.getByText('Ce parcours n’a pas encore de vignette.')).toBeVisible();
  await expect(section.getByLabel(/Ajouter une vignette/)).toBeVisible();
  expect((await page.request.get(newSrc)).status()).toBe(404);
  await page.goto('/');
  await expect(card.locator('img')).toHaveCount(0);
  await expect(card.locator('.mg-card-placeholder')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/carte-sans-vignette.png', fullPage: true });

  // An administrator allows a video host; a malformed one is refused next to the field.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, 'admin@magistere.test');
  const nav = admin.getByRole('navigation', { name: 'Menu principal' });
  await nav.getByRole('button', { name: 'Administration' }).click();
  await nav.getByRole('link', { name: 'Hébergeurs de vidéos' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Hébergeurs de vidéos' })).toBeVisible();
  await expect(admin.getByRole('table')).toContainText('apps.education.fr');
  await expectNoAxeViolations(admin);
  const host = admin.getByRole('textbox', { name: /Nom d’hôte/ });
  await host.fill('https://video.ac-bordeaux.fr/video/123');
  await admin.getByRole('button', { name: 'Ajouter l’hébergeur' }).click();
  const invalid = 'Ce nom d’hôte n’est pas valide (exemple\u00a0: podeduc.apps.education.fr).';
  // Next to the field, and in the summary above the form.
  await expect(admin.locator('.fr-input-group--error').getByText(invalid)).toBeVisible();
  await expect(admin.getByRole('alert')).toContainText(invalid);
  await expect(host).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(admin);
  await admin.screenshot({ path: 'test-results/screens/hebergeur-refuse.png', fullPage: true });
  await host.fill('video.ac-bordeaux.fr');
  await admin.getByRole('button', { name: 'Ajouter l’hébergeur' }).click();
  await expect(admin.getByText(`L’hébergeur ${q('video.ac-bordeaux.fr')} a été ajouté.`)).toBeVisible();
  await expect(admin.getByRole('table')).toContainText('video.ac-bordeaux.fr');
  await expect(host).toHaveValue('');
  expect((await (await admin.request.get('/api/admin/video-hosts')).json()).hosts).toContain(
    'video.ac-bordeaux.fr',
  );
  await expectNoAxeViolations(admin);
  await admin.screenshot({ path: 'test-results/screens/hebergeurs-video.png', fullPage: true });
  // Removed again: the list is as the demo left it.
  await admin.getByRole('button', { name: 'Retirer l’hébergeur video.ac-bordeaux.fr' }).click();
  await expect(admin.getByText(`L’hébergeur ${q('video.ac-bordeaux.fr')} a été retiré.`)).toBeVisible();
  await expect(admin.getByRole('table')).not.toContainText('video.ac-bordeaux.fr');
  await adminContext.close();
});

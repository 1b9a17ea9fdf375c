/**
 * The deposit space, in three browser contexts: a designer adds the space, a participant deposits a file
 * and its description, another participant comments on it, and a trainer downloads every deposit as one
 * zip. Each page is checked by axe and looked at 1280 and 390 px wide.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  addActivity,
  createCourse,
  demoEmail,
  enrolParticipant,
  expectNoAxeViolations,
  hideCourse,
  login,
  pdf,
  shot,
} from './support.ts';

const COURSE = `Productions de stage — ${Date.now()}`;
const SPACE = 'Dépôt des séquences';
const PHONE = { width: 390, height: 844 };
const OTHER = demoEmail(7);

async function openSpace(browser: Browser, email: string, courseUrl: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await page.goto(courseUrl);
  await page.getByRole('link', { name: SPACE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SPACE })).toBeVisible();
  return page;
}

/** A screenshot at 390 px wide, then back to the desktop width. */
async function phoneShot(page: Page, name: string) {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  await expectNoAxeViolations(page);
  await shot(page, `${name}-390`);
  if (before) await page.setViewportSize(before);
}

test('a participant deposits a file, another comments on it, the trainer downloads everything', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await login(page, 'concepteur@magistere.test');
  const courseUrl = await createCourse(page, COURSE, 'DEPOT-E2E');
  await addActivity(page, 'Présentation', 'Espace de dépôt', SPACE, async (p) => {
    await expect(p.getByRole('radio', { name: /Tous les participants/ })).toBeChecked();
    await expect(p.getByRole('spinbutton', { name: /Nombre maximal de fichiers/ })).toHaveValue('5');
    await expectNoAxeViolations(p);
    await shot(p, 'deposit-editor');
  });
  await enrolParticipant(page, courseUrl);
  await enrolParticipant(page, courseUrl, OTHER);

  // The participant deposits a description and a file, by keyboard where a person would.
  const participant = await openSpace(browser, 'participant@magistere.test', courseUrl);
  await expect(participant.getByText('Vous n’avez encore rien déposé.')).toBeVisible();
  await expectNoAxeViolations(participant);
  const editor = participant.getByRole('textbox', { name: /Description de votre production/ });
  await editor.click();
  await participant.keyboard.type('Ma séquence sur les fractions, en cycle 3.');
  await participant.keyboard.press('Tab');
  await expect(participant.getByRole('button', { name: 'Déposer' })).toBeFocused();
  await participant.keyboard.press('Enter');
  await expect(
    participant.getByRole('status').filter({ hasText: 'Votre dépôt a été enregistré.' }),
  ).toBeVisible();
  await participant.getByLabel('Ajouter des fichiers').setInputFiles({
    name: 'sequence-fractions.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('séquence'),
  });
  await expect(
    participant.getByRole('status').filter({ hasText: '1 fichier a été ajouté à votre dépôt.' }),
  ).toBeVisible();
  await expect(participant.getByRole('link', { name: /sequence-fractions\.pdf/ })).toContainText('PDF');
  await expectNoAxeViolations(participant);
  await shot(participant, 'deposit-participant');
  await phoneShot(participant, 'deposit-participant');

  // Another participant sees it and comments on it.
  const other = await openSpace(browser, OTHER, courseUrl);
  const card = other.getByRole('article').first();
  await expect(card.getByText('Ma séquence sur les fractions, en cycle 3.')).toBeVisible();
  const download = other.waitForEvent('download');
  await card.getByRole('link', { name: /sequence-fractions\.pdf/ }).click();
  expect((await download).suggestedFilename()).toBe('sequence-fractions.pdf');
  const comment = card.getByRole('textbox', { name: /^Commenter le dépôt de/ });
  await comment.fill('Très claire, merci !\nJe reprends l’idée des bandes.');
  await card.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(card.getByText('Très claire, merci !')).toBeVisible();
  await expect(card.getByRole('heading', { name: '1 commentaire' })).toBeVisible();
  await expectNoAxeViolations(other);
  await shot(other, 'deposit-other');
  await phoneShot(other, 'deposit-other');

  // The author reads the comment on her own deposit.
  await participant.reload();
  await expect(participant.getByText('Très claire, merci !')).toBeVisible();

  // The trainer sees every deposit, downloads them all, and hides the comment.
  const trainer = await openSpace(browser, 'formateur@magistere.test', courseUrl);
  await expect(trainer.getByText('1 dépôt.')).toBeVisible();
  const zip = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: 'Télécharger tous les dépôts (zip)' }).click();
  expect((await zip).suggestedFilename()).toMatch(/dépôts\.zip$/);
  await trainer.getByRole('button', { name: /^Masquer le commentaire de/ }).click();
  await expect(trainer.getByText('Masqué par la formation')).toBeVisible();
  await expectNoAxeViolations(trainer);
  await shot(trainer, 'deposit-trainer');
  await phoneShot(trainer, 'deposit-trainer');

  // Hidden: the author of the deposit no longer reads it; its own author still does, marked hidden.
  await participant.reload();
  await expect(participant.getByText('Ma séquence sur les fractions, en cycle 3.')).toBeVisible();
  await expect(participant.getByText('Très claire, merci !')).toHaveCount(0);
  await other.reload();
  await expect(other.getByText('Très claire, merci !')).toBeVisible();
  await expect(other.getByText('Masqué par la formation')).toBeVisible();

  await hideCourse(page, courseUrl);
  for (const p of [participant, other, trainer]) await p.context().close();
});

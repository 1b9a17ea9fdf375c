/**
 * Notifications: a trainer announces her session; the participant finds it in the bell of the header
 * live, without reloading the page, and in her mailbox, opens it, then chooses the daily digest for announcements.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login, q, shot, waitForMail } from './support.ts';

const SESSION = 'Mémoire et apprentissages — session 2026-2027';
const SUBJECT = 'Première classe virtuelle lundi';

async function personPage(browser: Browser, origin: string, email: string, width = 1280) {
  const context = await browser.newContext({
    baseURL: origin,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width, height: width < 500 ? 844 : 900 },
  });
  const page = await context.newPage();
  await login(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  return page;
}

/** The bell of the desktop header (the DSFR draws the quick-access items again in the mobile menu). */
const bell = (page: Page) =>
  page.locator('.fr-header__tools').getByRole('button', { name: /^Notifications/ });

test('an announcement reaches the participant’s bell and mailbox; she chooses the digest instead', async ({
  browser,
  baseURL,
}) => {
  // The announcement goes to the sixty people of the demo session, and the platform's mail job sends about
  // one a second: hers may be among the last.
  test.setTimeout(150_000);
  const origin = baseURL!;
  const participant = await personPage(browser, origin, 'participant@magistere.test');
  await expect(bell(participant)).toHaveAccessibleName('Notifications');

  // The trainer announces the session from its life cycle page.
  const trainer = await personPage(browser, origin, 'formateur@magistere.test');
  await trainer.getByRole('link', { name: SESSION }).first().click();
  await expect(trainer.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();
  await trainer.goto(`${trainer.url().split('?')[0]}/cycle-de-vie`);
  const since = Date.now();
  await trainer.getByRole('button', { name: 'Annoncer la session par courriel' }).click();
  const dialog = trainer.getByRole('dialog', { name: 'Annoncer la session' });
  await dialog.getByLabel('Objet').fill(SUBJECT);
  await dialog.getByLabel('Message').fill('Rendez-vous lundi à 17 h dans la classe virtuelle du parcours.');
  await dialog.getByRole('button', { name: 'Envoyer l’annonce' }).click();
  await expect(trainer.getByText(/L’annonce a été envoyée à \d+ participants\./)).toBeVisible();

  // The participant's page was neither reloaded nor refocused: the bell is told live.
  await expect(bell(participant)).toHaveAccessibleName('Notifications\u00a0: 1 non lue');
  await bell(participant).click();
  const title = `Annonce de la session ${q(SESSION)}\u00a0: ${SUBJECT}`;
  // Accessible names are matched with their spaces normalised (the non-breaking ones included).
  const loose = `Non lue — ${title}`.replace(/[\s\u00a0]+/g, '\\s+');
  const item = participant.getByRole('link', { name: new RegExp(loose) });
  await expect(item).toBeVisible();
  await expectNoAxeViolations(participant);
  await shot(participant, 'notifications-bell-desktop');

  // The same announcement, in her mailbox, once.
  const mail = await waitForMail('participant@magistere.test', since, 100_000);
  expect(mail.subject).toBe(SUBJECT);
  expect(mail.text).toContain('Rendez-vous lundi à 17 h');

  // Following it opens the session and marks it read.
  await item.click();
  await expect(participant.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();
  await expect(bell(participant)).toHaveAccessibleName('Notifications');

  // The full list, then the preferences.
  await participant.goto('/notifications');
  await expect(participant.getByRole('heading', { level: 1, name: 'Mes notifications' })).toBeVisible();
  await expect(participant.getByRole('link', { name: title })).toBeVisible();
  await expectNoAxeViolations(participant);
  await shot(participant, 'notifications-list-desktop');
  await participant.getByRole('link', { name: 'Choisir comment être prévenu(e)' }).click();
  await expect(
    participant.getByRole('heading', { level: 1, name: 'Mes notifications\u00a0: préférences' }),
  ).toBeVisible();
  const announcements = participant.getByRole('group', { name: 'Annonce d’une session par ses formateurs' });
  await expect(announcements.getByRole('radio', { name: /par courriel aussitôt/ })).toBeChecked();
  await announcements.getByText('Dans Magistère et dans le récapitulatif quotidien').click();
  await participant.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
  await expect(participant.getByText('Vos préférences ont été enregistrées.')).toBeVisible();
  await expectNoAxeViolations(participant);
  await shot(participant, 'notifications-preferences-desktop');
  await participant.reload();
  await expect(
    participant
      .getByRole('group', { name: 'Annonce d’une session par ses formateurs' })
      .getByRole('radio', { name: /récapitulatif quotidien/ }),
  ).toBeChecked();
  await participant.context().close();
  await trainer.context().close();
});

test('at 390 px the bell is in the menu, and the pages fit', async ({ browser, baseURL }) => {
  const page = await personPage(browser, baseURL!, 'participant@magistere.test', 390);
  await page.getByRole('button', { name: 'Menu' }).click();
  const menuBell = page.locator('.fr-header__menu').getByRole('button', { name: /^Notifications/ });
  await menuBell.click();
  await expect(page.getByRole('link', { name: 'Voir toutes mes notifications' }).last()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/notifications-bell-390.png' });
  await page.getByRole('link', { name: 'Voir toutes mes notifications' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes notifications' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'notifications-list-390');
  await page.goto('/profil/notifications');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'notifications-preferences-390');
  await page.context().close();
});

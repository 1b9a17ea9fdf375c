import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login, waitForMail } from './support.ts';

/**
 * The internal mail, in two browser contexts: the participant writes to "the trainers of my session", the
 * trainer (who asked for e-mail copies) gets the copy through SMTP, answers, labels the conversation and
 * finds it again by search.
 */
const SESSION = 'Mémoire et apprentissages — session 2026-2027';

test('participant writes to the trainers, the trainer answers, labels and finds the conversation', async ({
  browser,
}) => {
  const trainerContext = await browser.newContext();
  const participantContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  const participant = await participantContext.newPage();

  // The trainer asks for e-mail copies.
  await login(trainer, 'formateur@magistere.test');
  await expect(trainer.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await trainer
    .getByRole('link', { name: /^Messagerie/ })
    .first()
    .click();
  await expect(trainer.getByRole('heading', { level: 1, name: 'Messagerie' })).toBeVisible();
  // Through its label, as a person clicks it: the DSFR input itself is drawn under the label, and a click
  // forced on it lands wherever the page has moved meanwhile.
  const copies = trainer.getByLabel('Recevoir une copie de chaque message par courrier électronique');
  await trainer.getByText('Recevoir une copie de chaque message par courrier électronique').click();
  await expect(copies).toBeChecked();
  await expect(
    trainer.getByRole('status').filter({ hasText: 'Vos préférences ont été enregistrées.' }),
  ).toBeVisible();
  await expectNoAxeViolations(trainer);

  // The participant writes to the trainers of the session, keyboard first.
  await login(participant, 'participant@magistere.test');
  await expect(participant.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await participant.goto('/messagerie');
  await participant.getByRole('link', { name: 'Écrire un message' }).click();
  await expect(participant.getByRole('heading', { level: 1, name: 'Nouveau message' })).toBeVisible();
  await participant.getByLabel('Parcours ou session').selectOption({ label: SESSION });
  await participant.getByRole('button', { name: /Les formateurs du parcours/ }).click();
  await expect(participant.getByRole('button', { name: /Retirer Les formateurs du parcours/ })).toBeVisible();
  await participant.getByLabel('Objet').fill('Question sur la mémoire de travail');
  await participant.getByRole('textbox', { name: 'Message' }).click();
  await participant.keyboard.type('Bonjour, où trouver les ressources du module 2 ?');
  // The draft saves itself a few seconds after the last change.
  await expect(participant.getByRole('status').filter({ hasText: /Brouillon enregistré à/ })).toBeVisible({
    timeout: 15_000,
  });
  await expectNoAxeViolations(participant);
  await participant.screenshot({ path: 'test-results/screens/messagerie-ecrire.png', fullPage: true });
  const since = Date.now();
  await participant.getByRole('button', { name: 'Envoyer' }).click();
  await expect(
    participant.getByRole('status').filter({ hasText: 'Votre message a été envoyé.' }),
  ).toBeVisible();
  await expect(participant.getByRole('link', { name: 'Question sur la mémoire de travail' })).toBeVisible();

  // The copy arrives by e-mail.
  const mail = await waitForMail('formateur@magistere.test', since);
  expect(mail.subject).toContain('Question sur la mémoire de travail');
  expect(mail.text).toContain('où trouver les ressources du module 2');

  // The trainer's header counter went up live, without reloading; then they read and answer.
  await expect(trainer.getByTestId('messaging-link').first()).toContainText('1', { timeout: 15_000 });
  await expect(trainer.getByRole('link', { name: 'Question sur la mémoire de travail' })).toBeVisible();
  await trainer.goto('/messagerie');
  await trainer.setViewportSize({ width: 390, height: 844 });
  await trainer.screenshot({ path: 'test-results/screens/messagerie-boite-390.png', fullPage: true });
  await trainer.setViewportSize({ width: 1280, height: 900 });
  await trainer.getByRole('link', { name: 'Question sur la mémoire de travail' }).click();
  await expect(
    trainer.getByRole('heading', { level: 1, name: 'Question sur la mémoire de travail' }),
  ).toBeVisible();
  await expectNoAxeViolations(trainer);
  await trainer.getByRole('link', { name: 'Répondre', exact: true }).click();
  await expect(trainer.getByLabel('Objet')).toHaveValue(/Question sur la mémoire de travail/);
  await trainer.getByRole('textbox', { name: 'Message' }).click();
  await trainer.keyboard.press('Control+Home');
  await trainer.keyboard.type('Dans la section Ressources du parcours.');
  await trainer.getByRole('button', { name: 'Envoyer' }).click();
  await expect(trainer.getByRole('status').filter({ hasText: 'Votre message a été envoyé.' })).toBeVisible();

  // Labels the conversation…
  await trainer.goto('/messagerie');
  await trainer.getByRole('link', { name: 'Question sur la mémoire de travail' }).first().click();
  await trainer.getByLabel('Nom de l’étiquette').fill('Module 2');
  await trainer.getByLabel('Couleur').selectOption({ label: 'Vert émeraude' });
  await trainer.getByRole('button', { name: 'Appliquer' }).click();
  await expect(trainer.locator('.fr-badge', { hasText: 'Module 2' })).toBeVisible();
  await expectNoAxeViolations(trainer);
  await trainer.screenshot({ path: 'test-results/screens/messagerie-conversation.png', fullPage: true });

  // …and finds it by search (accents and plural forms do not matter).
  await trainer.goto('/messagerie');
  await trainer.getByLabel('Rechercher dans mes messages').fill('memoire');
  await trainer.keyboard.press('Enter');
  await expect(trainer).toHaveURL(/q=memoire/);
  await expect(trainer.getByRole('link', { name: 'Question sur la mémoire de travail' })).toBeVisible();
  await trainer.getByLabel('Rechercher dans mes messages').fill('astrophysique');
  await trainer.keyboard.press('Enter');
  await expect(trainer.getByText('Aucun message ne correspond à votre recherche.')).toBeVisible();
  await trainer.goto('/messagerie');
  await trainer.getByRole('link', { name: 'Module 2' }).click();
  await expect(trainer.getByRole('link', { name: 'Question sur la mémoire de travail' })).toBeVisible();

  // The participant gets the answer in the same conversation.
  await participant.goto('/messagerie');
  await participant.getByRole('link', { name: /RE.*Question sur la mémoire de travail/ }).click();
  await expect(participant.getByText('Dans la section Ressources du parcours.')).toBeVisible();
  await expect(
    participant.getByText('Bonjour, où trouver les ressources du module 2 ?').first(),
  ).toBeVisible();
  await participant.setViewportSize({ width: 390, height: 844 });
  await participant.screenshot({ path: 'test-results/screens/messagerie-reponse-390.png', fullPage: true });
  await expectNoAxeViolations(participant);

  await trainerContext.close();
  await participantContext.close();
});

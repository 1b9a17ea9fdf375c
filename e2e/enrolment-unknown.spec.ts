import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { INBOX } from './server.ts';
import { expectNoAxeViolations, login, PASSWORD_LINK } from './support.ts';

// Addresses no demo account uses: this spec creates them.
const UNKNOWN = ['agathe.nouvelle@exemple.fr', 'basile.nouveau@exemple.fr'];
const PASSWORD = 'Mon-premier-mot-de-passe-2026';

async function demoSession(page: Page) {
  const courses = (await (await page.request.get('/api/courses')).json()) as {
    id: string;
    shortName: string;
    title: string;
  }[];
  const session = courses.find((c) => c.shortName === 'MEMOIRE-C34-S1');
  expect(session, 'the demo session').toBeDefined();
  return session!;
}

/** The mails received for this address since `since`, with this subject, waiting for the first. */
async function mailWithSubject(to: string, subject: RegExp, since: number): Promise<ParsedMail> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const file of readdirSync(INBOX).sort()) {
      if (Number(file.split('-')[0]) < since) continue;
      const mail = await simpleParser(readFileSync(path.join(INBOX, file)));
      const recipients = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
      if (recipients.includes(to) && subject.test(mail.subject ?? '')) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail "${subject}" to ${to}`);
}

test('a trainer enrols two people without an account: she creates their accounts, they are enrolled and invited', async ({
  page,
}) => {
  await login(page, 'formateur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const session = await demoSession(page);
  await page.goto(`/parcours/${session.id}/participants`);
  await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();

  await page.getByRole('textbox', { name: /^Participants/ }).fill(UNKNOWN.join('\n'));
  await page.getByRole('button', { name: 'Vérifier les adresses' }).click();
  await expect(
    page.getByText(`Ces adresses n’ont pas de compte\u00a0: ${UNKNOWN.join(', ')}.`),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirmer l’inscription' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // She may create them: ticked, the report is checked again and says what will be created.
  // The DSFR draws the box on the label, which takes the click, as a person's would.
  const create = page.getByLabel(/Créer leurs comptes et inviter ces personnes par courriel/);
  await page.getByText('Créer leurs comptes et inviter ces personnes par courriel').click();
  await expect(create).toBeChecked();
  await expect(page.getByText('2 comptes à créer, avec une invitation par courriel')).toBeVisible();
  await expect(page.getByText('Tout est prêt')).toBeVisible();
  const accounts = page.getByRole('table', { name: 'Comptes qui seront créés' });
  await expect(accounts.getByRole('row')).toHaveCount(3);
  await expect(accounts).toContainText('Agathe Nouvelle');
  await expect(accounts).toContainText('Basile Nouveau');
  await expectNoAxeViolations(page);
  // The enrolment part of the page, where the report is (the list of 26 people above is another spec's).
  const panel = page.getByRole('region', { name: 'Inscrire des personnes' });
  await panel.screenshot({ path: 'test-results/screens/inscription-inconnus-1280.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.screenshot({ path: 'test-results/screens/inscription-inconnus-390.png' });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  const since = Date.now() - 1000;
  await page.getByRole('button', { name: 'Confirmer l’inscription' }).click();
  await expect(
    page.getByText(
      'Inscription faite\u00a0: 2 personnes inscrites. 2 comptes créés\u00a0: chaque personne a reçu une invitation par courriel.',
      { exact: false },
    ),
  ).toBeVisible();
  const enrolled = page.getByRole('table', { name: /Personnes inscrites/ });
  for (const email of UNKNOWN) await expect(enrolled.getByText(email)).toBeVisible();
  await expectNoAxeViolations(page);

  // The invitation is in the inbox, and so is the notice of the enrolment.
  const invitation = await mailWithSubject(UNKNOWN[0]!, /^Votre compte Magistère a été créé$/, since);
  expect(invitation.text).toContain('Bonjour Agathe Nouvelle,');
  const link = invitation.text?.match(PASSWORD_LINK)?.[0];
  expect(link, 'password link in the invitation').toBeTruthy();
  const notice = await mailWithSubject(UNKNOWN[0]!, /^Inscription à la session/, since);
  expect(notice.text).toContain(session.title);
  expect(notice.text).toContain(`/parcours/${session.id}`);

  // The new person chooses a password with it and opens the session.
  await page.context().clearCookies();
  await page.goto(link!);
  await page.getByLabel(/^Nouveau mot de passe/).fill(PASSWORD);
  await page.getByLabel('Confirmation du nouveau mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByRole('heading', { name: 'Mot de passe enregistré' })).toBeVisible();
  await login(page, UNKNOWN[0]!, PASSWORD);
  await expect(page).not.toHaveURL(/connexion/);
  await page.goto(`/parcours/${session.id}`);
  await expect(page.getByRole('heading', { level: 1, name: session.title })).toBeVisible();
});

test('a designer, who may not create accounts, reads a Windows-1252 file and is told whom to ask', async ({
  page,
}) => {
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const me = await (await page.request.get('/api/me')).json();
  const domains = (await (await page.request.get('/api/domains')).json()) as { id: string; slug: string }[];
  const created = await page.request.post('/api/courses', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      domainId: domains.find((d) => d.slug === 'ac-aix-marseille')!.id,
      title: 'Parcours e2e : comptes inconnus',
      shortName: 'E2E-INCONNUS',
    },
  });
  expect(created.status()).toBe(201);
  const course = (await created.json()).id as string;
  await page.goto(`/parcours/${course}/participants`);
  await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();

  // As French Excel saves it: Windows-1252, semicolons, accented names.
  const file = Buffer.from(
    'Prénom;Nom;Courriel;Rôle\r\nÉlodie;Hélène;elodie.helene@exemple.fr;formatrice\r\n',
    'latin1',
  );
  await page.getByRole('tab', { name: 'Importer un fichier CSV' }).click();
  await page
    .getByLabel('Fichier CSV des inscriptions')
    .setInputFiles({ name: 'inscriptions.csv', mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(
    page.getByText('Encodage détecté\u00a0: Windows-1252\u00a0; séparateur\u00a0: point-virgule.'),
  ).toBeVisible();
  const preview = page.getByRole('table', { name: 'Premières lignes du fichier, telles que lues' });
  await expect(preview.getByRole('row').nth(1)).toContainText('Élodie');
  await expect(preview.getByRole('row').nth(1)).toContainText('Hélène');
  await expect(
    page.getByText(
      'Cette adresse n’a pas de compte\u00a0: elodie.helene@exemple.fr. Demandez à l’administrateur local de votre domaine (',
      { exact: false },
    ),
  ).toContainText('referent@magistere.test');
  await expect(page.getByLabel(/Créer leurs comptes/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Confirmer l’inscription' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const panel = page.getByRole('region', { name: 'Inscrire des personnes' });
  await panel.screenshot({ path: 'test-results/screens/inscription-csv-1252-1280.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.screenshot({ path: 'test-results/screens/inscription-csv-1252-390.png' });
  await expectNoAxeViolations(page);
});

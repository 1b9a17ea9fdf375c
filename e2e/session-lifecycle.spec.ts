/**
 * The acceptance path of a session's life, through the interface only (mail is read from the test SMTP
 * server): a designer builds a parcours from the demo template, indexes it, creates a session, enrols
 * people by pasted addresses and by a CSV in two groups, opens it; a participant progresses; the trainer
 * follows group B, exports and sends a reminder; the session is archived, trashed and restored.
 */
import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import {
  addActivity,
  demoEmail,
  demoPerson,
  expectNoAxeViolations,
  login,
  q,
  shot,
  waitForMail,
} from './support.ts';

/** Unique per run: the e2e database is shared by every spec of a run. */
const STAMP = Date.now().toString(36).slice(-5).toUpperCase();
const PARCOURS = `Différencier en classe hétérogène ${STAMP}`;
const SESSION = `Différencier en classe hétérogène — session ${STAMP}`;

/** Pasted as participants; then 20 by CSV: 10 in Groupe A, 10 in Groupe B. */
const PASTED = [3, 5, 7];
const GROUP_A = Array.from({ length: 10 }, (_, i) => 30 + i);
const GROUP_B = Array.from({ length: 10 }, (_, i) => 40 + i);
/** The Groupe B participant who follows the course. */
const LEARNER = GROUP_B[0]!;

const screen = (page: Page, name: string) => shot(page, `cycle-session-${name}`);
/** A dialog is drawn over the viewport: a full-page picture would show the page below it uncovered. */
const screenDialog = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/cycle-session-${name}.png` });

/** `YYYY-MM-DDTHH:mm` for a datetime-local field, `days` from today. */
function localInput(days: number, time: string) {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T${time}`;
}

/** A new browser context logged in as `email`, on Mon espace. */
async function personPage(browser: Browser, origin: string, email: string) {
  const context = await browser.newContext({
    baseURL: origin,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  const page = await context.newPage();
  await login(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  return page;
}

test('a session lives from the template to the trash and back, with enrolment, progress and follow-up', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const origin = new URL(page.url()).origin;

  // 1. A parcours from the demo template, with a second activity to complete.
  await page.getByRole('link', { name: 'Créer un parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un parcours' })).toBeVisible();
  await page.getByLabel(/Partir d’un gabarit/).selectOption({ label: 'Gabarit — parcours en autoformation' });
  await page.getByLabel('Titre du parcours').fill(PARCOURS);
  await page.getByLabel('Nom abrégé').fill(`DIFF-${STAMP}`);
  await expectNoAxeViolations(page);
  await screen(page, '01-creer-parcours');
  await page.getByRole('button', { name: 'Créer le parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: PARCOURS })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Contenu de la séance', exact: true })).toBeVisible();
  await addActivity(page, 'Séance 1', 'Page', 'Mon plan de différenciation', async (form) => {
    await form.getByText('Le participant la marque comme terminée').click();
  });
  await expectNoAxeViolations(page);
  await screen(page, '02-parcours');

  // 2. Indexation, reached from what the life cycle says is missing.
  const nav = page.getByRole('navigation', { name: 'Pages du parcours' });
  await nav.getByRole('link', { name: 'Cycle de vie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cycle de vie' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Créer une session' })).toBeDisabled();
  await expectNoAxeViolations(page);
  await screen(page, '03-cycle-de-vie-construction');
  await page.getByRole('link', { name: 'Renseignez le champ « Collection ».' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indexation' })).toBeVisible();
  await page.getByLabel('Collection').selectOption({ label: 'Formation accompagnée' });
  await page.getByText('Enseignants du second degré').click();
  await page
    .getByRole('textbox', { name: 'Objectifs' })
    .fill('Adapter les tâches, les supports et l’accompagnement à la diversité des élèves.');
  await page.getByText('Académique', { exact: true }).click();
  const remote = page.getByRole('group', { name: /Durée à distance/ });
  await remote.getByLabel('Heures').fill('6');
  await remote.getByLabel('Minutes').fill('0');
  await page.getByLabel(/Mots-clés/).fill('différenciation, hétérogénéité');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Enregistrer l’indexation' }).click();
  await expect(page.getByText('L’indexation a été enregistrée.')).toBeVisible();
  await screen(page, '04-indexation');

  // 3. A session, started yesterday.
  await nav.getByRole('link', { name: 'Cycle de vie' }).click();
  await page.getByRole('button', { name: 'Créer une session' }).click();
  const create = page.getByRole('dialog', { name: 'Créer une session' });
  await create.getByLabel('Titre de la session').fill(SESSION);
  await create.getByLabel(/Date de début/).fill(localInput(-1, '09:00'));
  await create.getByLabel(/Date de fin/).fill(localInput(40, '17:00'));
  await expectNoAxeViolations(page);
  await screenDialog(page, '05-creer-session');
  await create.getByRole('button', { name: 'Créer la session' }).click();
  await expect(page.getByText(`La session ${q(SESSION)} a été créée`)).toBeVisible();
  await expect(page.getByText('Session en préparation').first()).toBeVisible();
  const sessionUrl = page.url().replace(/\/cycle-de-vie.*$/, '');
  const sessionId = sessionUrl.split('/').pop()!;
  await expectNoAxeViolations(page);
  await screen(page, '06-session-preparation');

  // 4. Three participants pasted, then the trainer in the trainers' list.
  await nav.getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();
  await expect(page.getByText('Personne n’est encore inscrit dans ce parcours.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: /^Participants/ }).fill(PASTED.map(demoEmail).join('\n'));
  await page.getByRole('button', { name: 'Vérifier les adresses' }).click();
  await expect(page.getByText('3 personnes à inscrire')).toBeVisible();
  await expect(page.getByText('Tout est prêt')).toBeVisible();
  await expectNoAxeViolations(page);
  await screen(page, '07-inscription-liste');
  await page.getByRole('button', { name: 'Confirmer l’inscription' }).click();
  await expect(page.getByText('Inscription faite\u00a0: 3 personnes inscrites.')).toBeVisible();
  await expect(page.getByText('3 participants, 0 formateur, 0 tuteur')).toBeVisible();
  await page.getByRole('textbox', { name: /^Formateurs/ }).fill('formateur@magistere.test');
  await page.getByRole('button', { name: 'Vérifier les adresses' }).click();
  await expect(page.getByText('1 personne à inscrire')).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer l’inscription' }).click();
  await expect(page.getByText('Inscription faite\u00a0: 1 personne inscrite.')).toBeVisible();
  await expect(page.getByText('3 participants, 1 formateur, 0 tuteur')).toBeVisible();

  // 5. Twenty by CSV in two groups: one bad line is reported and nothing is applied until it is fixed.
  const lines = [
    ...GROUP_A.map((i) => `${demoEmail(i)};participant;Groupe A`),
    ...GROUP_B.map((i) => `${demoEmail(i)};participant;Groupe B`),
  ];
  const csv = (rows: string[]) =>
    Buffer.from(`\uFEFFcourriel;rôle;groupe\r\n${rows.join('\r\n')}\r\n`, 'utf8');
  const bad = [...lines];
  bad[12] = `${demoEmail(GROUP_B[2]!).replace('@', '@@')};participant;Groupe B`;
  await page.getByRole('tab', { name: 'Importer un fichier CSV' }).click();
  await page
    .getByLabel('Fichier CSV des inscriptions')
    .setInputFiles({ name: 'inscriptions.csv', mimeType: 'text/csv', buffer: csv(bad) });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('Des lignes sont à corriger')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Lignes à corriger ou ignorées' });
  await expect(problems.getByRole('row')).toHaveCount(2);
  await expect(problems.getByRole('row').nth(1)).toContainText('14');
  await expect(page.getByRole('button', { name: 'Confirmer l’inscription' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screen(page, '08-csv-ligne-fausse');
  await page.reload();
  await expect(page.getByText('3 participants, 1 formateur, 0 tuteur')).toBeVisible();
  await page.getByRole('tab', { name: 'Importer un fichier CSV' }).click();
  await page
    .getByLabel('Fichier CSV des inscriptions')
    .setInputFiles({ name: 'inscriptions.csv', mimeType: 'text/csv', buffer: csv(lines) });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('20 personnes à inscrire')).toBeVisible();
  await expect(page.getByText('Groupes qui seront créés\u00a0: Groupe A, Groupe B')).toBeVisible();
  await expectNoAxeViolations(page);
  await screen(page, '09-csv-pret');
  await page.getByRole('button', { name: 'Confirmer l’inscription' }).click();
  await expect(
    page.getByText(
      'Inscription faite\u00a0: 20 personnes inscrites. Groupes créés\u00a0: Groupe A, Groupe B.',
    ),
  ).toBeVisible();
  await expect(page.getByText('23 participants, 1 formateur, 0 tuteur')).toBeVisible();
  await expectNoAxeViolations(page);
  await screen(page, '10-participants');

  // 6. The session opens.
  await nav.getByRole('link', { name: 'Cycle de vie' }).click();
  await page.getByRole('button', { name: 'Ouvrir la session' }).click();
  const open = page.getByRole('dialog', { name: 'Ouvrir la session' });
  await open.getByText('Permettre l’auto-inscription').click();
  await expect(open.getByRole('checkbox', { name: /Permettre l’auto-inscription/ })).toBeChecked();
  await expectNoAxeViolations(page);
  await open.getByRole('button', { name: 'Ouvrir la session' }).click();
  await expect(page.getByText(`La session ${q(SESSION)} est ouverte.`)).toBeVisible();
  await expect(page.getByText('Session en cours').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screen(page, '11-session-ouverte');

  // 7. A participant of Groupe B completes both activities; the bar moves.
  const learner = await personPage(browser, origin, demoEmail(LEARNER));
  await learner.getByRole('link', { name: SESSION }).first().click();
  await expect(learner.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();
  const bar = learner.getByRole('progressbar', { name: 'Votre progression' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expectNoAxeViolations(learner);
  await screen(learner, '12-participant-debut');
  await learner.getByRole('link', { name: 'Contenu de la séance', exact: true }).click();
  await expect(learner.getByRole('heading', { level: 1, name: 'Contenu de la séance' })).toBeVisible();
  await expectNoAxeViolations(learner);
  await learner.getByRole('link', { name: SESSION }).click();
  await expect(bar).toHaveAttribute('aria-valuenow', '50');
  // Drawn, not only announced: the filled half of the track is as wide as the empty half.
  const fill = bar.locator('.mg-progress__fill');
  await expect
    .poll(async () => ((await fill.boundingBox())?.width ?? 0) / ((await bar.boundingBox())?.width ?? 1))
    .toBeCloseTo(0.5, 1);
  await expect(learner.getByText(/^50\s%\s—\s1 activité sur 2/)).toBeVisible();
  await screen(learner, '13-participant-moitie');
  const toggle = learner.getByRole('button', {
    name: 'Marquer comme terminé\u00a0: Mon plan de différenciation',
  });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(learner.getByText(/^100\s%\s—\s2 activités sur 2/)).toBeVisible();
  await expectNoAxeViolations(learner);
  await screen(learner, '14-participant-termine');
  await learner.context().close();

  // 8. A colleague of the académie joins the session from its page (no catalogue yet leads there).
  const colleague = await personPage(browser, origin, 'participant@magistere.test');
  await colleague.goto(sessionUrl);
  await expect(colleague.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();
  await expectNoAxeViolations(colleague);
  await screen(colleague, '15-auto-inscription');
  await colleague.getByRole('button', { name: 'M’inscrire à cette session' }).click();
  await expect(colleague.getByText('Votre inscription est enregistrée. Bonne formation !')).toBeVisible();
  await expect(colleague.getByRole('progressbar', { name: 'Votre progression' })).toHaveAttribute(
    'aria-valuenow',
    '0',
  );
  await expect(colleague.getByRole('button', { name: 'Me désinscrire' })).toBeVisible();
  await expectNoAxeViolations(colleague);
  await screen(colleague, '16-auto-inscrite');
  await colleague.context().close();

  // 9. The trainer: group B below 50 %, CSV export, a reminder that arrives.
  const trainer = await personPage(browser, origin, 'formateur@magistere.test');
  await trainer.getByRole('link', { name: SESSION }).first().click();
  await expect(trainer.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();
  await trainer
    .getByRole('navigation', { name: 'Pages du parcours' })
    .getByRole('link', { name: 'Suivi' })
    .click();
  await expect(trainer.getByRole('heading', { level: 1, name: 'Suivi des participants' })).toBeVisible();
  await expect(trainer.getByRole('status').filter({ hasText: '24 participants inscrits.' })).toBeVisible();
  await expectNoAxeViolations(trainer);
  await screen(trainer, '17-suivi');
  await trainer.locator('#filtre-suivi').getByText('Groupe B', { exact: true }).click();
  await trainer.getByLabel('Moins de (%)').fill('50');
  await trainer.getByRole('button', { name: 'Appliquer les filtres' }).click();
  await expect(
    trainer.getByRole('status').filter({ hasText: '9 participants correspondent aux filtres, sur 24.' }),
  ).toBeVisible();
  const grid = trainer.getByRole('region', { name: /Tableau de suivi/ });
  const behind = GROUP_B.slice(1).map(demoPerson);
  await expect(grid.locator('tbody tr')).toHaveCount(9);
  await expect(grid.getByRole('row', { name: new RegExp(demoPerson(LEARNER).firstName) })).toHaveCount(0);
  await expectNoAxeViolations(trainer);
  await screen(trainer, '18-suivi-groupe-b');

  const download = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: 'Exporter (CSV)' }).click();
  const file = await download;
  const [headers, ...rows] = parse(readFileSync((await file.path())!).toString('utf8'), {
    delimiter: ';',
    bom: true,
  }) as string[][];
  expect(headers!.slice(0, 3)).toEqual(['Nom', 'Prénom', 'Adresse électronique']);
  expect(rows.map((row) => row[2]).sort()).toEqual(GROUP_B.slice(1).map(demoEmail).sort());

  const since = Date.now();
  await trainer.getByRole('button', { name: 'Envoyer une relance' }).click();
  const remind = trainer.getByRole('dialog', { name: 'Envoyer une relance aux participants retenus' });
  await expect(remind).toContainText('vers les 9 participants retenus');
  await expectNoAxeViolations(trainer);
  await remind.getByLabel('Objet').fill('Où en êtes-vous de la session\u00a0?');
  await screenDialog(trainer, '19-relance');
  await remind.getByRole('button', { name: 'Envoyer la relance' }).click();
  await expect(trainer.getByText('Relance envoyée à 9 participants.')).toBeVisible();
  const mail = await waitForMail(demoEmail(GROUP_B[1]!), since, 30_000);
  expect(mail.subject).toBe('Où en êtes-vous de la session\u00a0?');
  expect(mail.text).toContain(`Bonjour ${behind[0]!.firstName} ${behind[0]!.lastName},`);
  expect(mail.text).toContain(`/parcours/${sessionId}`);
  // The participant who finished got nothing.
  await expect(waitForMail(demoEmail(LEARNER), since, 2_000)).rejects.toThrow();
  await trainer.context().close();

  // 10. Archived, put in the trash, restored.
  await page.goto(`${sessionUrl}/cycle-de-vie`);
  await expect(page.getByRole('heading', { level: 1, name: 'Cycle de vie' })).toBeVisible();
  await page.getByRole('button', { name: 'Clore et archiver la session' }).click();
  await expect(page.getByText('Session archivée').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screen(page, '20-session-archivee');
  await page.getByRole('button', { name: 'Mettre à la corbeille' }).click();
  const trash = page.getByRole('dialog', { name: 'Mettre à la corbeille ?' });
  await expectNoAxeViolations(page);
  await trash.getByRole('button', { name: 'Mettre à la corbeille' }).click();
  await expect(page.getByText('Cette session est dans la corbeille')).toBeVisible();
  await page.getByRole('link', { name: 'Corbeille' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screen(page, '21-corbeille');
  await page.getByRole('button', { name: `Restaurer ${q(SESSION)}` }).click();
  await expect(page.getByText(`${q(SESSION)} a été restauré\u00a0: Session archivée.`)).toBeVisible();
  // Other specs may leave courses of their own in the trash: this session is no longer there.
  await expect(page.getByRole('button', { name: `Restaurer ${q(SESSION)}` })).toHaveCount(0);
  await page.getByRole('link', { name: 'Aller à son cycle de vie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cycle de vie' })).toBeVisible();
  await expect(page.getByText('Session archivée').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rouvrir la session' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screen(page, '22-session-restauree');
  // Restored with its people and groups.
  await nav.getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByText('24 participants, 1 formateur, 0 tuteur')).toBeVisible();
});

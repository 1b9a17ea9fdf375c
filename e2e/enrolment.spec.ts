import { expect, type Page, test } from '@playwright/test';
import { demoEmail, expectNoAxeViolations, login } from './support.ts';

async function newCourse(page: Page, title: string, shortName: string) {
  const me = await (await page.request.get('/api/me')).json();
  const domains = (await (await page.request.get('/api/domains')).json()) as { id: string; slug: string }[];
  const response = await page.request.post('/api/courses', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { domainId: domains.find((d) => d.slug === 'ac-aix-marseille')!.id, title, shortName },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id as string;
}

test('a designer enrols 3 people by pasted addresses and 20 by CSV with two groups, all or nothing', async ({
  page,
}) => {
  await login(page, 'concepteur@magistere.test');
  await expect(page).not.toHaveURL(/connexion/);
  const course = await newCourse(page, 'Session e2e : inscriptions', 'E2E-INS');
  await page.goto(`/parcours/${course}/participants`);
  await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();
  await expect(page.getByText('Personne n’est encore inscrit dans ce parcours.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Three people pasted in the participants' list, with every kind of separator.
  const pasted = [demoEmail(1), demoEmail(2), demoEmail(4)];
  await page
    .getByRole('textbox', { name: /^Participants/ })
    .fill(`${pasted[0]!.toUpperCase()} , ${pasted[1]};\n\n ${pasted[2]} `);
  await page.getByRole('button', { name: 'Vérifier les adresses' }).click();
  await expect(page.getByText('3 personnes à inscrire')).toBeVisible();
  await expect(page.getByText('Tout est prêt')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/inscription-listes-rapport.png', fullPage: true });
  await page.getByRole('button', { name: 'Confirmer l’inscription' }).click();
  await expect(page.getByText('Inscription faite\u00a0: 3 personnes inscrites.')).toBeVisible();
  await expect(page.getByText('3 participants, 0 formateur, 0 tuteur')).toBeVisible();
  const table = page.getByRole('table', { name: /Personnes inscrites/ });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByText('Liste d’adresses').first()).toBeVisible();

  // A CSV of 20 lines in two groups, one line wrong: reported, nothing applied.
  const people = Array.from({ length: 20 }, (_, i) => demoEmail(10 + i));
  const lines = people.map(
    (email, i) => `${email};${i === 0 ? 'formatrice' : 'participant'};Groupe ${i < 10 ? 'A' : 'B'}`,
  );
  const bad = [...lines];
  bad[18] = `${people[18]};directeur;Groupe B`;
  const csv = (rows: string[]) =>
    Buffer.from(`\uFEFFcourriel;rôle;groupe\r\n${rows.join('\r\n')}\r\n`, 'utf8');
  await page.getByRole('tab', { name: 'Importer un fichier CSV' }).click();
  const upload = page.getByLabel('Fichier CSV des inscriptions');
  await upload.setInputFiles({ name: 'inscriptions.csv', mimeType: 'text/csv', buffer: csv(bad) });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('Des lignes sont à corriger')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Lignes à corriger ou ignorées' });
  await expect(problems.getByRole('row')).toHaveCount(2);
  await expect(problems.getByRole('row').nth(1)).toContainText('20');
  await expect(problems.getByRole('row').nth(1)).toContainText('Rôle inconnu');
  await expect(page.getByText('Groupes qui seront créés\u00a0: Groupe A, Groupe B')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirmer l’inscription' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/inscription-csv-erreur.png', fullPage: true });
  // Nothing was written: still three people, no group.
  await page.reload();
  await expect(page.getByText('3 participants, 0 formateur, 0 tuteur')).toBeVisible();
  const apiGroups = await (await page.request.get(`/api/courses/${course}/groups`)).json();
  expect(apiGroups.groups).toEqual([]);

  // Fixed, checked again, applied.
  await page.getByRole('tab', { name: 'Importer un fichier CSV' }).click();
  await page
    .getByLabel('Fichier CSV des inscriptions')
    .setInputFiles({ name: 'inscriptions.csv', mimeType: 'text/csv', buffer: csv(lines) });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('20 personnes à inscrire')).toBeVisible();
  await expect(page.getByText('20 ajouts dans des groupes')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/inscription-csv-pret.png', fullPage: true });
  await page.getByRole('button', { name: 'Confirmer l’inscription' }).click();
  await expect(
    page.getByText(
      'Inscription faite\u00a0: 20 personnes inscrites. Groupes créés\u00a0: Groupe A, Groupe B.',
    ),
  ).toBeVisible();
  await expect(page.getByText('22 participants, 1 formateur, 0 tuteur')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/participants.png', fullPage: true });

  // The groups are visible: filter on one, then the groups page.
  await page.getByLabel('Groupe', { exact: true }).selectOption({ label: 'Groupe A' });
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(page.getByRole('table', { name: /Personnes inscrites \(10 résultats\)/ })).toBeVisible();
  await page.getByRole('link', { name: 'Gérer les groupes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Groupes' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Groupe A \(10 membres\)/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Groupe B \(10 membres\)/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/groupes.png', fullPage: true });

  // A grouping of both groups.
  await page.getByLabel('Nom du groupement').fill('Tous les groupes');
  await page.getByLabel('Groupe A', { exact: true }).check({ force: true });
  await page.getByLabel('Groupe B', { exact: true }).check({ force: true });
  await page.getByRole('button', { name: 'Créer le groupement' }).click();
  await expect(page.getByText('Le groupement «\u00a0Tous les groupes\u00a0» a été créé.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Groupements du parcours' })).toContainText(
    'Groupe A, Groupe B',
  );

  // Unenrolment, confirmed in a modal; the person goes to the history.
  await page.goto(`/parcours/${course}/participants`);
  await page.getByRole('button', { name: 'Désinscrire Hugo Bernard (participant)' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: /Désinscrire Hugo Bernard/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/desinscription.png' });
  await dialog.getByRole('button', { name: 'Désinscrire' }).click();
  await expect(page.getByText('Hugo Bernard a été désinscrit.')).toBeVisible();
  await expect(page.getByText('21 participants, 1 formateur, 0 tuteur')).toBeVisible();
  await page.getByLabel('Inscription', { exact: true }).selectOption('removed');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(page.getByRole('table', { name: /Personnes désinscrites/ })).toContainText(demoEmail(1));
});

test('a local administrator keeps a cohort, enrols it, and enrols one person found by name', async ({
  page,
}) => {
  await login(page, 'referent@magistere.test');
  await expect(page).not.toHaveURL(/connexion/);
  await page.getByRole('button', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Cohortes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cohortes' })).toBeVisible();
  await expect(page.getByText('Aucune cohorte n’a encore été créée.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Nom de la cohorte').fill('Équipe du collège Mistral');
  await page.getByRole('button', { name: 'Créer la cohorte' }).click();
  await expect(
    page.getByText('La cohorte «\u00a0Équipe du collège Mistral\u00a0» a été créée.'),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Équipe du collège Mistral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Équipe du collège Mistral' })).toBeVisible();

  // One unknown address: nobody is added, the line is named.
  const members = [demoEmail(31), demoEmail(32), demoEmail(34)];
  const field = page.getByRole('textbox', { name: /^Adresses électroniques/ });
  await field.fill(`${members.join('\n')}\ninconnu@exemple.fr`);
  await page.getByRole('button', { name: 'Ajouter à la cohorte' }).click();
  await expect(
    page.getByText('Ligne 4\u00a0: aucun compte n’utilise l’adresse inconnu@exemple.fr.').first(),
  ).toBeVisible();
  await expect(page.getByText('Cette cohorte n’a pas encore de membre.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/cohorte-erreur.png', fullPage: true });
  await field.fill(members.join(' ; '));
  await page.getByRole('button', { name: 'Ajouter à la cohorte' }).click();
  await expect(page.getByText('3 personnes ajoutées (0 déjà membres).')).toBeVisible();
  await expect(page.getByRole('table', { name: /Membres de la cohorte/ }).getByRole('row')).toHaveCount(4);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/cohorte.png', fullPage: true });

  // The cohort, enrolled in a course of the domain.
  const course = await newCourse(page, 'Session e2e : cohorte', 'E2E-COHORTE');
  await page.goto(`/parcours/${course}/participants`);
  // The tabs follow the keyboard, as the DSFR's do.
  await page.getByRole('tab', { name: 'Coller des adresses' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Inscrire une cohorte' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page
    .getByLabel('Cohorte', { exact: true })
    .selectOption({ label: 'Équipe du collège Mistral (3 membres)' });
  await page.getByRole('button', { name: 'Vérifier la cohorte' }).click();
  await expect(page.getByText('3 personnes à inscrire')).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer l’inscription' }).click();
  await expect(page.getByText('Inscription faite\u00a0: 3 personnes inscrites.')).toBeVisible();
  await expect(page.getByRole('table', { name: /Personnes inscrites/ }).getByText('Cohorte')).toHaveCount(3);

  // One person found by name, enrolled as tutor.
  await page.getByRole('tab', { name: 'Rechercher une personne' }).click();
  await page.getByLabel('Nom ou adresse électronique', { exact: true }).fill('Dubois');
  await page.getByLabel('Inscrire comme').selectOption('tutor');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).last().click();
  const found = page.getByRole('table', { name: 'Personnes trouvées' });
  await expect(found).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/inscription-personne.png', fullPage: true });
  await found
    .getByRole('button', { name: /^Inscrire .* comme tuteur$/ })
    .first()
    .click();
  await expect(page.getByText(/a été inscrit comme tuteur\./)).toBeVisible();
  await expect(page.getByText('3 participants, 0 formateur, 1 tuteur')).toBeVisible();
});

/**
 * "Ouvrir la session" keeps self-enrolment as the session's settings have it: the dialog shows the saved
 * value, and confirming saves what it shows (it used to show its own unticked box and save "no").
 */
import { expect, test } from '@playwright/test';
import { callApi, expectNoAxeViolations, login } from './support.ts';

const STAMP = Date.now().toString(36).slice(-5).toUpperCase();

test('opening a session keeps its self-enrolment on', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();

  // Set-up through the API: a parcours from the demo template, indexed, and its session with its dates
  // and self-enrolment allowed in its settings.
  const ok = async (response: Awaited<ReturnType<typeof callApi>>) => {
    expect(response.ok(), await response.text()).toBe(true);
    return response.json();
  };
  const domains = (await (await page.request.get('/api/domains')).json()) as { id: string; slug: string }[];
  const aix = domains.find((d) => d.slug === 'ac-aix-marseille')!.id;
  const templates = (await (await page.request.get('/api/templates')).json()) as {
    id: string;
    title: string;
  }[];
  const template = templates.find((c) => c.title === 'Gabarit — parcours en autoformation')!;
  const parcours = await ok(
    await callApi(page, 'POST', `/api/courses/${template.id}/from-template`, {
      domainId: aix,
      title: `Ouvrir sans perdre l’auto-inscription ${STAMP}`,
      shortName: `OUVRIR-${STAMP}`,
    }),
  );
  await ok(
    await callApi(page, 'PUT', `/api/courses/${parcours.id}/metadata`, {
      collection: 'formation',
      publics: ['enseignants_1d'],
      objectives: '<p>Ouvrir une session.</p>',
      origin: 'academie',
    }),
  );
  const session = await ok(
    await callApi(page, 'POST', `/api/courses/${parcours.id}/sessions`, { title: `Session ${STAMP}` }),
  );
  await ok(
    await callApi(page, 'PUT', `/api/courses/${session.id}/session`, {
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      selfEnrolment: true,
    }),
  );

  await page.goto(`/parcours/${session.id}/cycle-de-vie`);
  await expect(page.getByRole('heading', { level: 1, name: 'Cycle de vie' })).toBeVisible();
  await page.getByRole('button', { name: 'Ouvrir la session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ouvrir la session' });
  await expect(page.locator('#modale-ouvrir-session')).toHaveCSS('opacity', '1');
  await expect(dialog.getByRole('checkbox', { name: /Permettre l’auto-inscription/ })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/ouvrir-session-auto-inscription.png' });
  await dialog.getByRole('button', { name: 'Ouvrir la session' }).click();
  await expect(page.getByText('Session en cours').first()).toBeVisible();

  // Saved as shown: the settings still allow it, and so does the server.
  const settings = page.locator('form').filter({ has: page.getByRole('button', { name: /Enregistrer/ }) });
  await expect(
    settings.getByRole('checkbox', { name: /Permettre l’auto-inscription/ }).first(),
  ).toBeChecked();
  const workflow = await ok(await callApi(page, 'GET', `/api/courses/${session.id}/workflow`));
  expect(workflow.session.selfEnrolment).toBe(true);

  // Out of the way of the other specs: archived and hidden, not in the trash (another spec expects the
  // designer's trash to empty).
  await ok(await callApi(page, 'POST', `/api/courses/${session.id}/archive`));
  for (const id of [session.id, parcours.id])
    await ok(await callApi(page, 'PATCH', `/api/courses/${id}`, { visibility: 'hidden' }));
});

import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login, shot } from './support.ts';

/**
 * An activity restricted to a group of the demo session (MEMOIRE-C34-S1): the designer restricts it in
 * the activity's form, a member of Groupe A does not see it, a member of Groupe B does, the trainer sees
 * it with its "Réservé à" badge and, in the follow-up, "non concerné" for the people of Groupe A.
 */
const GROUP_B = 'Groupe B — école';
const BADGE = `Réservé à\u00a0: ${GROUP_B}`;

type PageActivity = { id: string; kind: string; title: string; completion: { mode: string } };
type Member = { email: string; firstName: string; lastName: string };

async function demoSession(page: Page) {
  const courses = (await (await page.request.get('/api/courses')).json()) as {
    id: string;
    shortName: string;
  }[];
  const session = courses.find((c) => c.shortName === 'MEMOIRE-C34-S1');
  expect(session, 'the demo session').toBeDefined();
  return session!.id;
}

async function loggedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  return page;
}

test('a designer restricts an activity to Groupe B: only its members see it, the trainer sees the badge', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const courseId = await demoSession(page);
  const coursePage = (await (await page.request.get(`/api/courses/${courseId}`)).json()) as {
    course: { title: string };
    sections: { activities: PageActivity[] }[];
  };
  // A tracked activity with its own page (not a label): it shows in the follow-up as well.
  const activity = coursePage.sections
    .flatMap((s) => s.activities)
    .filter((a) => a.kind !== 'label' && a.completion.mode !== 'none')
    .at(-1)!;
  const groups = (await (await page.request.get(`/api/courses/${courseId}/groups`)).json()) as {
    groups: { name: string; members: Member[] }[];
  };
  const memberOf = (name: string) => groups.groups.find((g) => g.name.startsWith(name))!.members[0]!;
  const inA = memberOf('Groupe A');
  const inB = memberOf('Groupe B');

  // The designer opens the activity from the course in edit mode, then its form.
  await page.goto(`/parcours/${courseId}?edition=1`);
  await page.getByRole('link', { name: activity.title, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: activity.title })).toBeVisible();
  await page.getByRole('link', { name: 'Modifier', exact: true }).click();
  const restrict = page.getByRole('group', { name: /Restreindre aux groupes/ });
  await expect(restrict).toBeVisible();
  await expect(restrict.getByRole('checkbox')).toHaveCount(2);
  await restrict.getByText(GROUP_B).click();
  await expect(restrict.getByRole('checkbox', { name: new RegExp(GROUP_B) })).toBeChecked();
  await expectNoAxeViolations(page);
  await shot(page, 'audience-formulaire');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: coursePage.course.title })).toBeVisible();
  await expect(page.getByText(BADGE)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'audience-concepteur');

  // Back in the form, the box is still ticked: what is stored is what is shown.
  await page.goto(`/parcours/${courseId}/activite/${activity.id}/modifier`);
  await expect(
    page
      .getByRole('group', { name: /Restreindre aux groupes/ })
      .getByRole('checkbox', { name: new RegExp(GROUP_B) }),
  ).toBeChecked();

  // A member of Groupe A: not on the page, and its address leads nowhere.
  const a = await loggedIn(browser, inA.email);
  await a.goto(`/parcours/${courseId}`);
  await expect(a.getByRole('heading', { level: 1, name: coursePage.course.title })).toBeVisible();
  await expect(a.getByRole('link', { name: activity.title, exact: true })).toHaveCount(0);
  await expect(a.getByText('Réservé à')).toHaveCount(0);
  await expectNoAxeViolations(a);
  await shot(a, 'audience-groupe-a');
  await a.goto(`/parcours/${courseId}/activite/${activity.id}`);
  await expect(a.getByText('Cet élément n’existe pas ou ne vous est pas accessible.').first()).toBeVisible();
  await shot(a, 'audience-groupe-a-lien-direct');
  await a.context().close();

  // A member of Groupe B: on the page, without the badge (it is for the staff), and it opens.
  const b = await loggedIn(browser, inB.email);
  await b.goto(`/parcours/${courseId}`);
  const link = b.getByRole('link', { name: activity.title, exact: true });
  await expect(link).toBeVisible();
  await expect(b.getByText('Réservé à')).toHaveCount(0);
  await expectNoAxeViolations(b);
  await shot(b, 'audience-groupe-b');
  await link.click();
  await expect(b.getByRole('heading', { level: 1, name: activity.title })).toBeVisible();
  await expectNoAxeViolations(b);
  await b.context().close();

  // The trainer sees it with the badge, and "non concerné" in the follow-up for Groupe A.
  const trainer = await loggedIn(browser, 'formateur@magistere.test');
  await trainer.goto(`/parcours/${courseId}`);
  await expect(trainer.getByRole('link', { name: activity.title, exact: true })).toBeVisible();
  await expect(trainer.getByText(BADGE)).toBeVisible();
  await expectNoAxeViolations(trainer);
  await shot(trainer, 'audience-formateur');
  await trainer.goto(`/parcours/${courseId}/suivi`);
  const grid = trainer.getByRole('region', { name: /Tableau de suivi/ });
  await expect(grid.getByRole('columnheader', { name: activity.title })).toBeVisible();
  const rowOf = (m: Member) => grid.getByRole('row', { name: new RegExp(`${m.lastName} ${m.firstName}`) });
  await expect(rowOf(inA)).toContainText('non concerné');
  await expect(rowOf(inB)).not.toContainText('non concerné');
  await expectNoAxeViolations(trainer);
  await shot(trainer, 'audience-suivi');
  await trainer.locator('.mg-legend').screenshot({ path: 'test-results/screens/audience-suivi-legende.png' });
  // The restricted activity is the last column: scrolled into view for the picture.
  await grid.evaluate((region) => region.scrollTo({ left: region.scrollWidth }));
  await grid.screenshot({ path: 'test-results/screens/audience-suivi-grille.png' });
  await trainer.context().close();
});

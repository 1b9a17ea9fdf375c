/**
 * Who sees which course, as a participant meets it: her session opens, a parcours in construction does
 * not, and a session open to self-enrolment shows its name and the way in until she enrols.
 */
import { type Browser, expect, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.ts';

type Listed = { id: string; shortName: string; title: string; stage: string };

/** The demo's courses as their designer lists them. */
async function designerCourses(browser: Browser): Promise<Listed[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'concepteur@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const list = (await (await page.request.get('/api/courses')).json()) as Listed[];
  await context.close();
  return list;
}

test('a participant opens her session, not a draft, and enrols herself where she may', async ({
  browser,
  page,
}) => {
  const courses = await designerCourses(browser);
  const draft = courses.find((c) => c.shortName === 'MEMOIRE-C34')!;
  expect(draft.stage).toBe('construction');

  await login(page, 'participant@magistere.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  // What the API gives her: sessions only.
  const hers = (await (await page.request.get('/api/courses')).json()) as Listed[];
  expect(hers.map((c) => c.shortName)).toContain('MEMOIRE-C34-S1');
  expect(hers.map((c) => c.shortName)).not.toContain('MEMOIRE-C34');

  // The parcours in construction, even by its address, is refused.
  await page.goto(`/parcours/${draft.id}`);
  await expect(page.getByText(/droits nécessaires/i).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: draft.title })).toHaveCount(0);

  // The académie's mathematics session is open to self-enrolment: its name and the way in, no content.
  const sessionId = courses.find((c) => c.shortName === 'MATHS-MVA-C2-S1')!.id;
  await page.goto(`/parcours/${sessionId}`);
  const enrol = page.getByRole('button', { name: 'M’inscrire à cette session' });
  await expect(enrol).toBeVisible();
  await expect(page.getByText('Cette session est ouverte à l’inscription', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/visibility-door-1280.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/visibility-door-390.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await enrol.click();
  await expect(page.getByText('Votre inscription est enregistrée', { exact: false })).toBeVisible();
  // Enrolled, the session's content opens in place.
  await expect(page.locator('main h2[id^="section-"]').first()).toBeVisible();
  await expect(enrol).toHaveCount(0);
});

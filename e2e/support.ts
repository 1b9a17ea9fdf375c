import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { type APIResponse, expect, type Page } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { E2E_PORT, INBOX } from './server.ts';

export const DEMO_PASSWORD = 'Magistere-demo-2026';

/** The password link of a mail, on the server's own port (E2E_PORT may move it). */
export const PASSWORD_LINK = new RegExp(
  `http://localhost:${E2E_PORT}/reinitialiser-mot-de-passe#jeton=[A-Za-z0-9_\\-.~%]+`,
);

/** Runs axe on the page (WCAG 2.1 A/AA) and fails on any violation, listing them. */
export async function expectNoAxeViolations(page: Page) {
  // A DSFR modal fades in: axe measuring contrast mid-transition sees half-transparent text.
  // Endless animations (spinners) never settle, so only finite ones are awaited.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * Waits for a mail to this address received by the test SMTP server after `since` (epoch ms) and returns
 * it parsed: subject and plain text, decoded from whatever transfer encoding the sender chose.
 */
export async function waitForMail(to: string, since: number, timeoutMs = 20_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of readdirSync(INBOX).sort().reverse()) {
      if (Number(file.split('-')[0]) < since) continue;
      const mail = await simpleParser(readFileSync(path.join(INBOX, file)));
      const recipients = [mail.to ?? []].flat().flatMap((address) => address.value.map((v) => v.address));
      if (recipients.includes(to)) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

/** The demo population (src/server/demo/seed.ts): `prénom.nom.<i>@magistere.test`, i from 0 to 59. */
const DEMO_FIRST = [
  'Léa',
  'Hugo',
  'Manon',
  'Louis',
  'Chloé',
  'Gabriel',
  'Inès',
  'Arthur',
  'Jade',
  'Raphaël',
  'Louise',
  'Jules',
];
const DEMO_LAST = [
  'Bernard',
  'Petit',
  'Robert',
  'Richard',
  'Dubois',
  'Laurent',
  'Simon',
  'Michel',
  'Garcia',
  'Fournier',
];

/** The first and last name of the nth person of the demo population. */
export const demoPerson = (i: number) => ({
  firstName: DEMO_FIRST[i % DEMO_FIRST.length]!,
  lastName: DEMO_LAST[Math.floor(i / DEMO_FIRST.length) % DEMO_LAST.length]!,
});

/** The address of the nth person of the demo population (accents dropped, as the seed does). */
export const demoEmail = (i: number) => {
  const { firstName, lastName } = demoPerson(i);
  return `${firstName}.${lastName}.${i}@magistere.test`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
};

/** French quotes with their non-breaking spaces, as in the interface's accessible names. */
export const q = (text: string) => `«\u00a0${text}\u00a0»`;

/** A full-page screenshot under `test-results/screens/`, to be looked at. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

/** Bytes that browsers and the server's type detection take for a PDF. */
export const pdf = (title: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/**
 * A PNG of `width` × `height`: a blue-France field with a white band across, something a reader can see in
 * a screenshot (and that the server's type detection takes for an image).
 */
export function png(width = 480, height = 200): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const white = y > height * 0.4 && y < height * 0.6;
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) row.set(white ? [255, 255, 255] : [0, 0, 145], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Calls the API with the page's session, as the web app does (CSRF token from `GET /api/me`, same
 * origin): for set-up and clean-up steps the interface does not offer.
 */
export async function callApi(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<APIResponse> {
  const { csrfToken } = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  return page.request.fetch(path, {
    method,
    ...(data === undefined ? {} : { data }),
    headers: { 'x-csrf-token': csrfToken, origin: new URL(page.url()).origin },
  });
}

/** Creates a course of Aix-Marseille from Mon espace; ends on its page (in edit mode) and returns its URL. */
export async function createCourse(page: Page, title: string, shortName: string): Promise<string> {
  await page.getByRole('link', { name: 'Créer un parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un parcours' })).toBeVisible();
  await page.getByLabel('Domaine', { exact: true }).selectOption({ label: 'Académie d’Aix-Marseille' });
  await page.getByLabel('Titre du parcours').fill(title);
  await page.getByLabel('Nom abrégé').fill(shortName);
  await page.getByRole('button', { name: 'Créer le parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return page.url().split('?')[0] ?? '';
}

/** Enrols the demo participant in a course, as its staff would: she sees only the courses she follows. */
export async function enrolParticipant(page: Page, courseUrl: string, email = 'participant@magistere.test') {
  const response = await callApi(
    page,
    'POST',
    `/api/courses/${courseUrl.split('/').pop()}/enrolments/lists/apply`,
    {
      lists: { participant: email },
    },
  );
  expect(response.status(), await response.text()).toBe(200);
}

/** Hides a course again, so that the participant's Mon espace of the other specs stays as it was. */
export async function hideCourse(page: Page, courseUrl: string) {
  const hidden = await callApi(page, 'PATCH', `/api/courses/${courseUrl.split('/').pop()}`, {
    visibility: 'hidden',
  });
  expect(hidden.status()).toBe(200);
}

/** Opens the activity chooser of a section (course page in edit mode) once its modal has faded in. */
export async function openChooser(page: Page, section: string) {
  await page
    .getByRole('button', { name: `Ajouter une activité ou une ressource dans la section ${q(section)}` })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter une activité ou une ressource' });
  await expect(dialog).toBeVisible();
  // Let the DSFR modal finish fading in before looking at it.
  await expect(page.locator('#modale-choix-activite')).toHaveCSS('opacity', '1');
  return dialog;
}

/**
 * Adds an activity of `kind` (its name in the chooser) to a section through the chooser: the title, then
 * whatever `fill` does on the form; back on the course page with the confirmation.
 */
export async function addActivity(
  page: Page,
  section: string,
  kind: string,
  title: string,
  fill?: (page: Page) => Promise<void>,
) {
  const dialog = await openChooser(page, section);
  await dialog.getByRole('button', { name: kind, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ajouter\u00a0: ${kind}`);
  await page.getByRole('textbox', { name: /^Titre/ }).fill(title);
  await fill?.(page);
  await page.getByRole('button', { name: 'Ajouter au parcours' }).click();
  await expect(page.getByText(`${q(title)} a été ajouté au parcours.`)).toBeVisible();
}

/** From the course page in edit mode, the edit form of an activity. */
export async function openActivityEditor(page: Page, title: string) {
  await page.getByRole('link', { name: `Modifier ${q(title)}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Modifier ${q(title)}`);
}

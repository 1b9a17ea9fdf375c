import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { E2E_PORT, INBOX } from './server.ts';

export const DEMO_PASSWORD = 'Magistere-demo-2026';

/** The password link of a mail, on the server's own port (E2E_PORT may move it). */
export const PASSWORD_LINK = new RegExp(
  `http://localhost:${E2E_PORT}/reinitialiser-mot-de-passe#jeton=[A-Za-z0-9_\\-.~%]+`,
);

/** Runs axe on the page (WCAG 2.1 A/AA) and fails on any violation, listing them. */
export async function expectNoAxeViolations(page: Page) {
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

/**
 * What a browser downloads on a first visit (empty cache), page by page: JavaScript, CSS, fonts, each as
 * transferred over the wire, the built web app served by the real server.
 *
 * Chromium (/usr/bin/chromium, or CHROMIUM_PATH) is driven by Playwright; each page gets a fresh browser
 * context, so nothing is cached. The browser asks for gzip only (`Accept-Encoding: gzip`), the encoding
 * every school proxy passes; BENCH_ACCEPT_ENCODING changes it (e.g. `gzip, deflate, br, zstd`, Chromium's own).
 * A page counts as loaded once what it is for is drawn — the login form's button, the catalogue's offers,
 * the course links of "Mon espace", a course's activities — and the network has then been idle for 500 ms.
 * What it received is checked first: the page itself answered 200, no asset and no API call failed (but
 * `GET /api/me`'s 401 for an anonymous visitor), some JavaScript came: an error page or an empty catalogue
 * is not a figure (the row says ÉCHEC, the exit code is 1).
 *
 * Pages: the login page and the catalogue (anonymous), "Mon espace" and the first course it links to
 * (participant), and a course in edit mode (designer: the rich-text editor and drag and drop).
 *
 * Run: `npm run build` first (the server serves dist/web), then `npm run bench -- page-weight`. The server
 * runs on a fresh database of the machine's PostgreSQL (BENCH_PG_ADMIN_URL, as `course-page`), or
 * BENCH_URL names a running one on 127.0.0.1. BENCH_VERBOSE=1 lists every script and stylesheet. Exit code: 1 if a page did not draw or a request failed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Response } from '@playwright/test';
import { createDatabase, type FreshDatabase } from './lib/generate.ts';
import { login, startTarget } from './lib/harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The target of issue 11 for the pages a newcomer sees first. */
const JS_BUDGET_BYTES = 200 * 1024;

type Kind = 'js' | 'css' | 'font' | 'other';
type Weight = Record<Kind, number> & {
  requests: number;
  jsFiles: number;
  encodings: string[];
  /** Every script and stylesheet: path and bytes received. */
  files: [string, number][];
};
type Row = { page: string; path: string; weight: Weight; failed: string[] };

/** A link of `main` whose address matches `href`: what shows that the page drew its content. */
type Ready = { what: string; selector: string; href?: RegExp };

const UUID = '[0-9a-f-]{36}';
const READY = {
  login: { what: 'le bouton du formulaire de connexion', selector: 'main form button[type="submit"]' },
  catalogue: { what: 'les offres du catalogue', selector: 'main a[href]', href: /^\/offres\/\d+$/ },
  space: {
    what: 'les parcours de « Mon espace »',
    selector: 'main a[href]',
    href: new RegExp(`^/parcours/${UUID}$`),
  },
  course: {
    what: 'les activités du parcours',
    selector: 'main a[href]',
    href: new RegExp(`^/parcours/${UUID}/activite/${UUID}$`),
  },
  editing: {
    what: 'les liens « Modifier » des activités',
    selector: 'main a[href]',
    href: new RegExp(`^/parcours/${UUID}/activite/${UUID}/modifier$`),
  },
} satisfies Record<string, Ready>;

/** Waits until `ready` is drawn; false after the timeout. */
async function drawn(page: Page, ready: Ready, timeout = 60_000): Promise<boolean> {
  try {
    if (!ready.href) await page.locator(ready.selector).first().waitFor({ timeout });
    else
      await page.waitForFunction(
        ({ selector, source }) =>
          [...document.querySelectorAll(selector)].some((a) =>
            new RegExp(source).test(a.getAttribute('href') ?? ''),
          ),
        { selector: ready.selector, source: ready.href.source },
        { timeout },
      );
    return true;
  } catch {
    return false;
  }
}

function kindOf(resourceType: string, url: string): Kind {
  if (resourceType === 'script' || /\.m?js(\?|$)/.test(url)) return 'js';
  if (resourceType === 'stylesheet' || /\.css(\?|$)/.test(url)) return 'css';
  if (resourceType === 'font') return 'font';
  return 'other';
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Loads `pathname` in `context` and sums the bytes of every response, as received (encoded body). */
async function weigh(
  context: BrowserContext,
  url: string,
  pathname: string,
  label: string,
  ready: Ready,
  anonymous: boolean,
): Promise<Row> {
  const page = await context.newPage();
  const weight: Weight = {
    js: 0,
    css: 0,
    font: 0,
    other: 0,
    requests: 0,
    jsFiles: 0,
    encodings: [],
    files: [],
  };
  const failed: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText})`));
  let inFlight = 0;
  let lastActivity = Date.now();
  const active = (change: number) => () => {
    inFlight += change;
    lastActivity = Date.now();
  };
  page.on('request', active(1));
  page.on('requestfinished', active(-1));
  page.on('requestfailed', active(-1));
  const onResponse = (response: Response) => {
    pending.push(
      (async () => {
        const request = response.request();
        // 401 on /api/me is how an anonymous visitor is told apart: the expected answer, not a failure.
        const expected =
          anonymous && new URL(response.url()).pathname === '/api/me' && response.status() === 401;
        if (response.status() >= 400 && !expected) failed.push(`${response.url()} (${response.status()})`);
        const sizes = await request.sizes();
        const kind = kindOf(request.resourceType(), response.url());
        weight[kind] += sizes.responseBodySize;
        weight.requests += 1;
        if (kind === 'js') weight.jsFiles += 1;
        if (kind === 'js' || kind === 'css')
          weight.files.push([new URL(response.url()).pathname, sizes.responseBodySize]);
        const encoding = (await response.allHeaders())['content-encoding'] ?? 'identity';
        if ((kind === 'js' || kind === 'css') && !weight.encodings.includes(encoding))
          weight.encodings.push(encoding);
      })(),
    );
  };
  page.on('response', onResponse);
  const answer = await page.goto(`${url}${pathname}`, { timeout: 120_000 });
  if (answer?.status() !== 200) failed.push(`la page a répondu ${answer?.status() ?? 'rien'}`);
  if (!(await drawn(page, ready))) failed.push(`contenu attendu absent : ${ready.what}`);
  // What the page fetches once drawn counts too: wait for 500 ms without a request (Playwright's
  // networkidle state, once reached before the content, would not wait again).
  while (inFlight > 0 || Date.now() - lastActivity < 500) await page.waitForTimeout(100);
  page.off('response', onResponse);
  await Promise.all(pending);
  if (weight.js === 0) failed.push('aucun JavaScript reçu');
  const shown = new URL(page.url()).pathname;
  if (shown !== pathname.split('?')[0]) failed.push(`redirigé vers ${shown}`);
  await page.close();
  return { page: label, path: pathname, weight, failed };
}

/** The first course "Mon espace" links to, as this person sees it. */
async function firstCourse(context: BrowserContext, url: string): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${url}/`, { timeout: 120_000 });
  await drawn(page, READY.space);
  const href = await page
    .locator('main a[href^="/parcours/"]')
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute('href') ?? '').find((h) => /^\/parcours\/[0-9a-f-]{36}$/.test(h)),
    );
  await page.close();
  if (!href) throw new Error('aucun parcours dans « Mon espace »');
  return href;
}

export async function run(): Promise<number> {
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    console.error('dist/web absent : lancer `npm run build` avant ce banc');
    return 2;
  }
  const database: FreshDatabase | undefined = process.env.BENCH_URL ? undefined : await createDatabase();
  try {
    const target = await startTarget({ env: database ? { DATABASE_URL: database.url, JOBS: 'false' } : {} });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    });
    try {
      const acceptEncoding = process.env.BENCH_ACCEPT_ENCODING ?? 'gzip';
      const fresh = async (email?: string) => {
        const context = await browser.newContext({
          locale: 'fr-FR',
          extraHTTPHeaders: { 'accept-encoding': acceptEncoding },
        });
        if (email) {
          const cookie = await login(target.url, email);
          const at = cookie.indexOf('=');
          await context.addCookies([
            { name: cookie.slice(0, at), value: cookie.slice(at + 1), url: target.url },
          ]);
        }
        return context;
      };
      const pages: {
        label: string;
        email?: string;
        ready: Ready;
        path: (c: BrowserContext) => Promise<string>;
      }[] = [
        { label: 'Connexion (anonyme)', ready: READY.login, path: async () => '/connexion' },
        { label: 'Catalogue /offres (anonyme)', ready: READY.catalogue, path: async () => '/offres' },
        {
          label: 'Mon espace (participant)',
          email: 'participant@magistere.test',
          ready: READY.space,
          path: async () => '/',
        },
        {
          label: 'Parcours (participant)',
          email: 'participant@magistere.test',
          ready: READY.course,
          path: (c) => firstCourse(c, target.url),
        },
        {
          label: 'Parcours en mode édition (concepteur)',
          email: 'concepteur@magistere.test',
          ready: READY.editing,
          path: async (c) => `${await firstCourse(c, target.url)}?edition=1`,
        },
      ];
      const rows: Row[] = [];
      for (const spec of pages) {
        // Finding the course warms a context's cache: the measured load gets a context of its own.
        const probe = await fresh(spec.email);
        const pathname = await spec.path(probe).finally(() => probe.close());
        const context = await fresh(spec.email);
        rows.push(await weigh(context, target.url, pathname, spec.label, spec.ready, !spec.email));
        await context.close();
      }
      console.log(`Accept-Encoding: ${acceptEncoding}`);
      console.log('| page | JS | fichiers JS | CSS | polices | total (requêtes) | encodage |');
      console.log('|---|---|---|---|---|---|---|');
      for (const { page, weight: w, failed } of rows) {
        const total = w.js + w.css + w.font + w.other;
        const js = failed.length > 0 ? `ÉCHEC (${kb(w.js)})` : kb(w.js);
        console.log(
          `| ${page} | ${js} | ${w.jsFiles} | ${kb(w.css)} | ${kb(w.font)} | ${kb(total)} (${w.requests}) | ${w.encodings.join(', ')} |`,
        );
      }
      for (const row of rows.slice(0, 2)) {
        const verdict =
          row.failed.length > 0 ? 'non mesurée' : row.weight.js <= JS_BUDGET_BYTES ? 'tenue' : 'DÉPASSÉE';
        console.log(`cible ${kb(JS_BUDGET_BYTES)} de JavaScript, ${row.page} : ${verdict}`);
      }
      if (process.env.BENCH_VERBOSE)
        for (const { page, weight } of rows) {
          console.log(`\n${page}`);
          for (const [file, bytes] of weight.files.sort((a, b) => b[1] - a[1]))
            console.log(`  ${kb(bytes)} ${file}`);
        }
      console.log(
        JSON.stringify(rows.map(({ weight: { files: _files, ...weight }, ...row }) => ({ ...row, weight }))),
      );
      const failures = rows.flatMap((row) => row.failed.map((f) => `${row.page} : ${f}`));
      for (const failure of failures) console.error(`échec : ${failure}`);
      return failures.length > 0 ? 1 : 0;
    } finally {
      await browser.close();
      await target.stop();
    }
  } finally {
    await database?.drop();
  }
}

if (import.meta.main) process.exitCode = await run();

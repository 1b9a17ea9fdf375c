/**
 * Start failures are explained in French, and the web app is rebuilt only when its sources changed.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { needsBuild, sourceHash } from '../../scripts/build-web.ts';
import { EmbeddedPostgresError } from './platform/db/embedded.ts';
import { checkPortFree, describeStartFailure, during } from './startup.ts';

const where = { host: '127.0.0.1', port: 3000 };

describe('a failed start', () => {
  it('never says "undefined": a rejection without an error still names the step and says so', async () => {
    const failure = await during('démarrage de PostgreSQL embarqué', () => Promise.reject(undefined)).catch(
      (error: unknown) => error,
    );
    const report = describeStartFailure(failure, where);
    expect(report).toBe(
      'Échec du démarrage (démarrage de PostgreSQL embarqué) : cause inconnue (aucune erreur transmise)',
    );
    expect(describeStartFailure(undefined, where)).not.toMatch(/undefined/);
  });

  it('says in French that the port is taken, and how to choose another, before anything else starts', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const failure = await during(`vérification du port ${port}`, () =>
        checkPortFree('127.0.0.1', port),
      ).catch((error: unknown) => error);
      const report = describeStartFailure(failure, { host: '127.0.0.1', port });
      expect(report).toMatch(
        new RegExp(
          `^Échec du démarrage \\(vérification du port ${port}\\) : Le port ${port} est déjà utilisé`,
        ),
      );
      expect(report).toMatch(new RegExp(`PORT=${port + 1} npm start`));
      // The technical cause follows, for whoever searches the logs.
      expect(report).toMatch(/cause : listen EADDRINUSE/);
    } finally {
      holder.close();
    }
  });

  it('explains a refused database connection, even when the driver gives an AggregateError with no message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), {
      code: 'ECONNREFUSED',
      address: '127.0.0.1',
      port: 5999,
    });
    const report = describeStartFailure(new Error('', { cause: new AggregateError([refused], '') }), where);
    expect(report).toMatch(/^Échec du démarrage : Connexion refusée par 127\.0\.0\.1:5999/);
    expect(report).not.toMatch(/undefined/);
  });

  it('explains a wrong password or a missing database of DATABASE_URL', () => {
    const auth = Object.assign(new Error('password authentication failed for user "x"'), { code: '28P01' });
    expect(describeStartFailure(new Error('x', { cause: auth }), where)).toMatch(
      /PostgreSQL refuse l’utilisateur ou le mot de passe de DATABASE_URL/,
    );
    const missing = Object.assign(new Error('database "nope" does not exist'), { code: '3D000' });
    expect(describeStartFailure(missing, where)).toMatch(/La base nommée dans DATABASE_URL n’existe pas/);
  });

  it('shows what the embedded PostgreSQL said under its French explanation', () => {
    const error = new EmbeddedPostgresError('PostgreSQL embarqué n’a pas démarré sur /x/pg (code 1).', {
      log: ['FATAL:  could not open file "global/pg_control"'],
    });
    expect(describeStartFailure(error, where)).toBe(
      [
        'Échec du démarrage : PostgreSQL embarqué n’a pas démarré sur /x/pg (code 1).',
        '  PostgreSQL a écrit :',
        '    FATAL:  could not open file "global/pg_control"',
      ].join('\n'),
    );
  });
});

const root = await mkdtemp(path.join(os.tmpdir(), 'magistere-build-stamp-'));

describe('the web build at start', () => {
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('builds when dist/web is missing, not again for the same sources, again when a source changes', async () => {
    await cp(path.resolve('src/shared'), path.join(root, 'src/shared'), { recursive: true });
    await writeFile(path.join(root, 'package-lock.json'), '{}');
    await writeFile(path.join(root, 'vite.config.ts'), 'export default {};');
    expect(needsBuild(root)).toBe(true);

    await mkdir(path.join(root, 'dist/web'), { recursive: true });
    await cp(path.resolve('src/web/index.html'), path.join(root, 'dist/web/index.html'));
    await writeFile(path.join(root, 'dist/web/.build-stamp'), `${sourceHash(root)}\n`);
    expect(needsBuild(root)).toBe(false);

    // A test file is not part of the bundle.
    await writeFile(path.join(root, 'src/shared/extra.test.ts'), 'export {};');
    expect(needsBuild(root)).toBe(false);

    await writeFile(path.join(root, 'src/shared/roles.ts'), 'export const ROLES = [];');
    expect(needsBuild(root)).toBe(true);
    await writeFile(path.join(root, 'dist/web/.build-stamp'), `${sourceHash(root)}\n`);
    expect(needsBuild(root)).toBe(false);

    await writeFile(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(needsBuild(root)).toBe(true);
  });
});

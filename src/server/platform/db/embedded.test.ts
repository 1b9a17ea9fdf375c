/**
 * The embedded PostgreSQL's start conditions: as root in a folder the `postgres` user cannot enter, and with a
 * lock file left behind by a process that is gone.
 */
import { chmod, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { blockedAt, clearLock, inspectLock, planRootLayout, startEmbeddedPostgres } from './embedded.ts';

const base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'magistere-embedded-')));
await chmod(base, 0o755);
afterAll(() => rm(base, { recursive: true, force: true }));

/** Someone who owns nothing here, like the `postgres` user in a clone under /root/. */
const stranger = { uid: 54321, gid: 54321, gids: [54321] };

describe('as root, in a folder the postgres user cannot enter', () => {
  it('finds the first folder on the way that a user may not traverse', async () => {
    const closed = path.join(base, 'closed');
    await mkdir(path.join(closed, 'project', 'var'), { recursive: true });
    await chmod(closed, 0o700);
    expect(await blockedAt(path.join(closed, 'project', 'var', 'pg'), stranger)).toBe(closed);
    await chmod(closed, 0o711);
    expect(await blockedAt(path.join(closed, 'project', 'var', 'pg'), stranger)).toBeUndefined();
    // Group bits count for a member of the folder's group.
    await chmod(closed, 0o710);
    expect(await blockedAt(closed, stranger)).toBe(closed);
    expect(await blockedAt(closed, { ...stranger, gids: [54321, os.userInfo().gid] })).toBeUndefined();
  });

  it('places the cluster and the binaries where postgres can reach them, the same place at every start', async () => {
    const clone = path.join(base, 'root-clone');
    await mkdir(path.join(clone, 'node_modules', 'native'), { recursive: true });
    await mkdir(path.join(clone, 'var'), { recursive: true });
    await chmod(clone, 0o700);
    const input = {
      cluster: path.join(clone, 'var', 'pg'),
      native: path.join(clone, 'node_modules', 'native'),
      version: '18.0.0-linux-x64',
      who: stranger,
      fallbackDir: path.join(base, 'fallback'),
    };
    const layout = await planRootLayout(input);
    expect(layout.cluster).toMatch(new RegExp(`^${base}/fallback/pg-[0-9a-f]{12}$`));
    expect(layout.binariesCopy).toBe(path.join(base, 'fallback', 'postgres-18.0.0-linux-x64'));
    expect(layout.notes.join('\n')).toMatch(/L’utilisateur postgres ne peut pas entrer dans .*root-clone/);
    expect(await planRootLayout(input)).toEqual(layout);
    // Another data directory gets another cluster.
    const other = await planRootLayout({ ...input, cluster: path.join(clone, 'other', 'pg') });
    expect(other.cluster).not.toBe(layout.cluster);

    await chmod(clone, 0o755);
    expect(await planRootLayout(input)).toEqual({ cluster: input.cluster, notes: [] });
  });

  it.runIf(process.getuid?.() === 0)(
    'starts for real from a 0700 folder, and finds its data again at the next start',
    async () => {
      const clone = path.join(base, 'private');
      await mkdir(path.join(clone, 'var'), { recursive: true });
      await chmod(clone, 0o700);
      const fallback = path.join(base, 'var-lib');
      const first = await startEmbeddedPostgres(path.join(clone, 'var', 'pg'), 'magistere', {
        rootFallbackDir: fallback,
      });
      try {
        expect(first.dir.startsWith(`${fallback}/pg-`)).toBe(true);
        const client = new pg.Client({ connectionString: first.url });
        await client.connect();
        await client.query('CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$là$$)');
        await client.end();
      } finally {
        await first.stop();
      }
      const second = await startEmbeddedPostgres(path.join(clone, 'var', 'pg'), 'magistere', {
        rootFallbackDir: fallback,
      });
      try {
        expect(second.dir).toBe(first.dir);
        const client = new pg.Client({ connectionString: second.url });
        await client.connect();
        expect((await client.query('SELECT value FROM kept')).rows).toEqual([{ value: 'là' }]);
        await client.end();
      } finally {
        await second.stop();
      }
    },
    120_000,
  );
});

describe('a lock file left behind', () => {
  it('is stale when its process is gone, or when its number now belongs to another program', async () => {
    const cluster = path.join(base, 'cluster');
    await mkdir(cluster, { recursive: true });
    expect(await inspectLock(cluster)).toEqual({ state: 'none' });

    const pidFile = path.join(cluster, 'postmaster.pid');
    await writeFile(pidFile, `2147480000\n${cluster}\n`);
    expect(await inspectLock(cluster)).toEqual({ state: 'stale', pid: 2147480000 });
    // PostgreSQL itself takes over the file of a dead process: it stays.
    await clearLock(cluster);
    expect(await readFile(pidFile, 'utf8')).toMatch(/^2147480000/);

    // This test's own process is alive and is no PostgreSQL: PostgreSQL would refuse the file, so it goes.
    await writeFile(pidFile, `${process.pid}\n${cluster}\n`);
    expect(await inspectLock(cluster)).toEqual({ state: 'stale', pid: process.pid });
    await clearLock(cluster);
    expect(await inspectLock(cluster)).toEqual({ state: 'none' });
  });
});

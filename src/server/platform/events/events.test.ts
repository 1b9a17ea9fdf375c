/**
 * Domain events on a real PostgreSQL: delivered after COMMIT only, never after a ROLLBACK, a listener's
 * failure kept to itself, and emitting on the database itself (a job) delivered at once.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { connect, type Database } from '../db/index.ts';
import { Bus } from '../realtime/bus.ts';
import { type DomainEvent, Events, emit } from './index.ts';

let t: TestApp;
let database: Database;
let events: Events;
let heard: string[];
let failures: string[];

const changed = (courseId: string): DomainEvent => ({ type: 'course.changed', courseId });
/** What a listener sees of the probe table: whether the writer's row is there (committed) or not. */
const rows = async () =>
  (await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM events_probe`)).rows[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  // A database handle and a hub of its own: the application's listeners stay out of these tests.
  database = connect(t.databaseUrl, 4);
  events = new Events({ bus: new Bus(), db: database.db });
  await events.ready;
  events.logTo({ error: (details) => failures.push(String((details as { err: Error }).err.message)) });
  events.on('course.changed', async ({ courseId }) => {
    heard.push(`${courseId}:${await rows()}`);
  });
  await database.db.execute(sql`CREATE TABLE events_probe (id int)`);
});
afterAll(async () => {
  await database.close();
  await t.close();
});
beforeEach(async () => {
  heard = [];
  failures = [];
  await database.db.execute(sql`TRUNCATE events_probe`);
});

describe('domain events', () => {
  it('are delivered once the transaction has committed, not when emitted', async () => {
    const result = await database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO events_probe VALUES (1)`);
      await emit(tx, changed('a'));
      expect(heard).toEqual([]);
      return 'écrit';
    });
    expect(result).toBe('écrit');
    // The listener, on another connection, saw the row: it ran after COMMIT.
    expect(heard).toEqual(['a:1']);
  });

  it('are dropped when the transaction rolls back, and with a savepoint rolled back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO events_probe VALUES (1)`);
        await emit(tx, changed('perdu'));
        throw new Error('échec');
      }),
    ).rejects.toThrow('échec');
    expect(heard).toEqual([]);

    await database.db.transaction(async (tx) => {
      await emit(tx, changed('gardé'));
      await tx
        .transaction(async (savepoint) => {
          await emit(savepoint, changed('annulé'));
          throw new Error('savepoint');
        })
        .catch(() => {});
      await tx.transaction(async (savepoint) => emit(savepoint, changed('libéré')));
    });
    expect(heard).toEqual(['gardé:0', 'libéré:0']);
  });

  it('keep a listener’s failure to itself: logged, the others run, the write stands', async () => {
    const stop = events.on('course.changed', () => {
      throw new Error('écouteur en panne');
    });
    const after = events.on('course.changed', ({ courseId }) => {
      heard.push(`après:${courseId}`);
    });
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO events_probe VALUES (1)`);
        await emit(tx, changed('b'));
      });
    } finally {
      stop();
      after();
    }
    expect(heard).toEqual(['b:1', 'après:b']);
    expect(failures).toEqual(['écouteur en panne']);
    expect(await rows()).toBe(1);
  });

  it('are delivered at once when emitted on the database itself, outside any transaction (a job)', async () => {
    await database.db.execute(sql`INSERT INTO events_probe VALUES (1)`);
    await emit(database.db, changed('job'));
    expect(heard).toEqual(['job:1']);
  });

  it('say the same fact once per transaction, and refuse a transaction already finished', async () => {
    let finished: Parameters<Parameters<typeof database.db.transaction>[0]>[0] | undefined;
    await database.db.transaction(async (tx) => {
      finished = tx;
      await emit(tx, changed('c'));
      await emit(tx, changed('c'));
      await emit(tx, changed('d'));
    });
    expect(heard).toEqual(['c:0', 'd:0']);
    await expect(emit(finished!, changed('tard'))).rejects.toThrow(/already finished/);
  });

  it('run a listener for every node once on the node that wrote, though the bus brings its message back', async () => {
    const everywhere: string[] = [];
    const stop = events.on('access.changed', ({ userId }) => everywhere.push(userId ?? 'tous'), {
      everyNode: true,
    });
    try {
      await database.db.transaction((tx) => emit(tx, { type: 'access.changed', userId: null }));
    } finally {
      stop();
    }
    expect(everywhere).toEqual(['tous']);
  });

  it('have no listener on a database no hub was attached to (a seed script)', async () => {
    const other = connect(t.databaseUrl, 1);
    try {
      await other.db.transaction((tx) => emit(tx, changed('ailleurs')));
      await emit(other.db, changed('ailleurs'));
    } finally {
      await other.close();
    }
    expect(heard).toEqual([]);
  });
});

import { PgBoss } from 'pg-boss';

export type JobDefinition<T extends object = object> = {
  name: string;
  /** Cron expression for recurring jobs, in UTC unless `tz` names a time zone. */
  cron?: string;
  /** IANA time zone of the cron expression (e.g. `Europe/Paris`, so 07:00 stays 07:00 in summer). */
  tz?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  handler: (data: T, attempt: { retryCount: number; retryLimit: number }) => Promise<void>;
};

/**
 * Background jobs on pg-boss: persisted in PostgreSQL, retried, and run exactly once across nodes.
 * With `enabled: false` (API tests) jobs are still queued, so what was asked is visible, but not worked.
 */
export class Jobs {
  readonly #boss: PgBoss;
  readonly #definitions = new Map<string, JobDefinition<object>>();
  readonly #enabled: boolean;
  #started = false;
  #stopping = false;

  constructor(connectionString: string, options: { enabled: boolean; onError?: (error: unknown) => void }) {
    this.#enabled = options.enabled;
    this.#boss = new PgBoss({
      connectionString,
      max: 3,
      schema: 'pgboss',
      supervise: options.enabled,
      schedule: options.enabled,
    });
    // Once stopping, the database may close pg-boss's idle connections before its pool ends: their
    // "terminating connection" is the goodbye of a stop, not an error to report.
    this.#boss.on('error', (error) => {
      if (!this.#stopping) options.onError?.(error);
    });
  }

  define<T extends object>(definition: JobDefinition<T>): void {
    this.#definitions.set(definition.name, definition as JobDefinition<object>);
  }

  async start(): Promise<void> {
    await this.#boss.start();
    this.#started = true;
    for (const definition of this.#definitions.values()) {
      const retryLimit = definition.retryLimit ?? 0;
      await this.#boss.createQueue(definition.name, {
        retryLimit,
        retryDelay: definition.retryDelaySeconds ?? 30,
        retryBackoff: retryLimit > 0,
      });
      if (!this.#enabled) continue;
      await this.#boss.work<object>(definition.name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs)
          await definition.handler(job.data, { retryCount: job.retryCount, retryLimit });
      });
      if (definition.cron)
        await this.#boss.schedule(
          definition.name,
          definition.cron,
          null,
          definition.tz ? { tz: definition.tz } : undefined,
        );
    }
  }

  async send(name: string, data: object = {}): Promise<void> {
    if (!this.#definitions.has(name)) throw new Error(`unknown job ${name}`);
    await this.#boss.send(name, data);
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#started) await this.#boss.stop({ graceful: true, timeout: 10_000 });
  }
}

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const Url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `doit être une URL (${protocols.join(', ')})`,
    );

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: Url(['http:', 'https:']).optional(),
  DATA_DIR: z.string().min(1).default('./var'),
  DATABASE_URL: Url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: Url(['redis:', 'rediss:']).optional(),
  SMTP_URL: Url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('Magistère <ne-pas-repondre@magistere.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(200),
  AUTH_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  PRESENCE_FLUSH_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  LOGIN_MAX_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(100),
  DEMO_DATA: Bool.default(true),
  JOBS: Bool.default(true),
  WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  TRUST_PROXY: Bool.default(false),
  METRICS_TOKEN: z.string().trim().min(16, 'doit compter au moins 16 caractères').optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** The address users reach; links in mails and the allowed Origin derive from it. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  session: { idleMs: number; absoluteMs: number };
  loginMaxFailuresPerMinute: number;
  /** Higher than the per-account limit: schools and académies reach us through shared addresses. */
  loginMaxFailuresPerAddressPerMinute: number;
  /** Largest file accepted in one upload. */
  uploadMaxMb: number;
  /** How long a node may answer "who is this session" from memory; access changes clear it at once. */
  authCacheMs: number;
  /** How long a node holds presence hits before writing them in one statement (0: at once). */
  presenceFlushMs: number;
  demoData: boolean;
  jobs: boolean;
  /**
   * Processes serving the port: one per core by default. Jobs run in the first only; without REDIS_URL
   * their caches forget together through PostgreSQL.
   */
  workers: number;
  trustProxy: boolean;
  /** The bearer token `/metrics` asks for; unset, `/metrics` is not served. */
  metricsToken: string | undefined;
};

export class ConfigError extends Error {}

/** Reads the environment into one validated Config; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')} : ${issue.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    loginMaxFailuresPerMinute: e.LOGIN_MAX_FAILURES_PER_MINUTE,
    loginMaxFailuresPerAddressPerMinute: e.LOGIN_MAX_FAILURES_PER_ADDRESS_PER_MINUTE,
    authCacheMs: e.AUTH_CACHE_SECONDS * 1000,
    presenceFlushMs: e.PRESENCE_FLUSH_MS,
    uploadMaxMb: e.UPLOAD_MAX_MB,
    demoData: e.DEMO_DATA,
    jobs: e.JOBS,
    workers: e.WORKERS ?? availableParallelism(),
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
  };
}

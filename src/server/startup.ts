/**
 * Start failures in French: which step failed and why, in words an operator can act on, then the technical
 * cause chain — never a bare "undefined".
 */
import net from 'node:net';
import { EmbeddedPostgresError } from './platform/db/embedded.ts';

/** A failure during one named step of the start. */
export class StartStepError extends Error {
  readonly step: string;
  constructor(step: string, cause: unknown) {
    super(`échec pendant : ${step}`, { cause });
    this.name = 'StartStepError';
    this.step = step;
  }
}

/** Runs one step of the start; a failure carries the step's French name. */
export async function during<T>(step: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw error instanceof StartStepError ? error : new StartStepError(step, error);
  }
}

/** Fails now, not after the database, migrations and demo data, when the HTTP port is taken. */
export function checkPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}

type Where = { host: string; port: number };
type Coded = Error & {
  code?: string;
  syscall?: string;
  address?: string;
  port?: number;
  path?: string;
  hostname?: string;
};

function text(error: unknown): string {
  if (error instanceof AggregateError && !error.message && error.errors.length) return text(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  if (error === undefined || error === null) return 'cause inconnue (aucune erreur transmise)';
  return String(error);
}

/** The French explanation of a known failure, or undefined. */
export function explain(error: unknown, where: Where): string | undefined {
  if (error instanceof EmbeddedPostgresError) return error.message;
  if (error instanceof AggregateError && error.errors.length) return explain(error.errors[0], where);
  if (!(error instanceof Error)) return undefined;
  const e = error as Coded;
  const endpoint = e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : undefined;
  switch (e.code) {
    case 'EADDRINUSE':
      return `Le port ${where.port} est déjà utilisé sur ${where.host} : arrêtez le programme qui l’occupe (« ss -ltnp | grep :${where.port} ») ou choisissez un autre port, par exemple PORT=${where.port + 1} npm start.`;
    case 'EADDRNOTAVAIL':
      return `L’adresse ${where.host} (HOST) n’appartient pas à cette machine : utilisez 127.0.0.1, ou 0.0.0.0 derrière un répartiteur de charge.`;
    case 'EACCES':
    case 'EPERM':
      if (e.syscall === 'listen' || e.syscall === 'bind')
        return `Le port ${where.port} est réservé à l’administrateur du système : choisissez un port à partir de 1024 (PORT=3000) et placez un proxy devant.`;
      return `Droits insuffisants${e.path ? ` sur ${e.path}` : ''} : l’utilisateur qui lance Magistère doit pouvoir y lire et y écrire (voir DATA_DIR).`;
    case 'ENOSPC':
      return `Plus de place sur le disque${e.path ? ` (${e.path})` : ''} : libérez de l’espace puis relancez.`;
    case 'EROFS':
      return `${e.path ?? 'Le dossier de données'} est en lecture seule : choisissez un DATA_DIR où écrire.`;
    case 'ECONNREFUSED':
      return `Connexion refusée par ${endpoint ?? 'le serveur'} : la base de données (DATABASE_URL) ou Redis (REDIS_URL) est-elle démarrée à cette adresse ?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `L’hôte ${e.hostname ?? ''} est introuvable : vérifiez DATABASE_URL et REDIS_URL.`;
    case 'ETIMEDOUT':
      return `${endpoint ?? 'Le serveur'} ne répond pas : vérifiez l’adresse et le pare-feu (DATABASE_URL, REDIS_URL).`;
    case '28P01':
    case '28000':
      return 'PostgreSQL refuse l’utilisateur ou le mot de passe de DATABASE_URL.';
    case '3D000':
      return 'La base nommée dans DATABASE_URL n’existe pas : créez-la (« createdb … ») ou corrigez son nom.';
    case '42501':
      return 'L’utilisateur de DATABASE_URL n’a pas les droits nécessaires sur la base (création de tables, extensions).';
    default:
      return undefined;
  }
}

/** The whole report: the step, the French explanation of the deepest known cause, then the cause chain. */
export function describeStartFailure(error: unknown, where: Where): string {
  const chain: unknown[] = [];
  for (let at: unknown = error; at !== undefined && chain.length < 8; ) {
    chain.push(at);
    at = at instanceof Error ? at.cause : undefined;
  }
  const step = chain.find((e): e is StartStepError => e instanceof StartStepError)?.step;
  const causes = chain.filter((e) => !(e instanceof StartStepError));
  let explanation: string | undefined;
  for (const cause of causes) explanation ??= explain(cause, where);
  const technical = causes.map(text).filter((line) => !explanation?.includes(line));
  if (!causes.length) technical.push(text(undefined));
  const lines = [`Échec du démarrage${step ? ` (${step})` : ''} : ${explanation ?? technical.shift()}`];
  for (const line of technical) lines.push(`  cause : ${line}`);
  const log = causes.find((e): e is EmbeddedPostgresError => e instanceof EmbeddedPostgresError)?.log;
  if (log?.length) lines.push('  PostgreSQL a écrit :', ...log.map((line) => `    ${line}`));
  return lines.join('\n');
}

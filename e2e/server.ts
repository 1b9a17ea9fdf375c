/**
 * Starts what the end-to-end tests run against: a fresh DATA_DIR, a real SMTP server that stores every
 * mail under DATA_DIR/smtp-inbox (so tests read the mail that was actually sent), and the platform itself
 * (`src/server/main.ts`, built web app, demo data).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export const E2E_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? 'var/e2e');
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3225);
export const INBOX = path.join(E2E_DATA_DIR, 'smtp-inbox');

if (process.argv[1] === new URL(import.meta.url).pathname) {
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  mkdirSync(INBOX, { recursive: true });
  let n = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        n += 1;
        writeFileSync(
          path.join(INBOX, `${Date.now()}-${String(n).padStart(4, '0')}.eml`),
          Buffer.concat(chunks),
        );
        callback();
      });
    },
  });
  smtp.listen(E2E_SMTP_PORT, '127.0.0.1');
  const server = spawn(process.execPath, ['src/server/main.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(E2E_PORT),
      PUBLIC_URL: `http://localhost:${E2E_PORT}`,
      DATA_DIR: E2E_DATA_DIR,
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      LOG_LEVEL: 'warn',
    },
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.on('exit', (code) => {
    smtp.close(() => process.exit(code ?? 0));
  });
}

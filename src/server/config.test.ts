import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: embedded database, port 3000, data under ./var', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.dataDir).toMatch(/\/var$/);
    expect(config.session.idleMs).toBe(120 * 60_000);
    expect(config.loginMaxFailuresPerMinute).toBe(10);
    expect(config.loginMaxFailuresPerAddressPerMinute).toBe(100);
  });

  it('reads the per-address login limit and refuses a bad one', () => {
    expect(loadConfig({ LOGIN_MAX_FAILURES_PER_ADDRESS_PER_MINUTE: '500' })).toMatchObject({
      loginMaxFailuresPerAddressPerMinute: 500,
    });
    for (const bad of ['0', 'cent', '1.5']) {
      expect(() => loadConfig({ LOGIN_MAX_FAILURES_PER_ADDRESS_PER_MINUTE: bad })).toThrow(
        /LOGIN_MAX_FAILURES_PER_ADDRESS_PER_MINUTE/,
      );
    }
  });

  it('reads and types every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://magistere.example.fr/',
      DATABASE_URL: 'postgres://u:p@db:5432/magistere',
      REDIS_URL: 'redis://cache:6379',
      SMTP_URL: 'smtp://relay:25',
      DEMO_DATA: 'false',
      SESSION_IDLE_MINUTES: '30',
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://magistere.example.fr',
      databaseUrl: 'postgres://u:p@db:5432/magistere',
      redisUrl: 'redis://cache:6379',
      smtpUrl: 'smtp://relay:25',
      demoData: false,
      session: { idleMs: 30 * 60_000 },
    });
  });

  it('stops on a bad value with a message naming each variable', () => {
    expect(() =>
      loadConfig({ PORT: 'quatre-vingts', DATABASE_URL: 'mysql://x', DEMO_DATA: 'peut-être' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '99999', SMTP_URL: 'http://relay' });
    } catch (error) {
      expect((error as Error).message).toMatch(/^Configuration invalide/);
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/SMTP_URL/);
    }
  });
});

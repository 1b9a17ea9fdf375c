import { expect, test } from '@playwright/test';
import { demoEmail, login } from './support.ts';

// A demo participant no other spec logs into: this spec ends its session.
const EMAIL = demoEmail(58);

test('the realtime WebSocket of a real browser: the session cookie, the page’s Origin, the CSP, the end of the session', async ({
  page,
}) => {
  await login(page, EMAIL);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const result = await page.evaluate(async () => {
    const me = (await (await fetch('/api/me')).json()) as { user: { id: string }; csrfToken: string };
    const socket = new WebSocket(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/realtime`,
    );
    const received: unknown[] = [];
    const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));
    const next = (type: string) =>
      new Promise<unknown>((resolve) => {
        const listener = (event: MessageEvent) => {
          const message = JSON.parse(String(event.data)) as { type: string };
          if (message.type !== type) return;
          socket.removeEventListener('message', listener);
          resolve(message);
        };
        socket.addEventListener('message', listener);
      });
    socket.addEventListener('message', (event) => received.push(JSON.parse(String(event.data))));
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    socket.send(JSON.stringify({ type: 'subscribe', channel: `user:${me.user.id}` }));
    const subscribed = await next('subscribed');
    socket.send(JSON.stringify({ type: 'subscribe', channel: 'user:00000000-0000-4000-8000-000000000000' }));
    const refused = await next('refused');
    socket.send(JSON.stringify({ type: 'ping' }));
    await next('pong');
    await fetch('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
    return { subscribed, refused, closedWith: await closed, userId: me.user.id };
  });
  expect(result.subscribed).toEqual({ type: 'subscribed', channel: `user:${result.userId}`, seq: 0 });
  expect(result.refused).toMatchObject({ type: 'refused', reason: 'forbidden' });
  expect(result.closedWith).toBe(4001);
});

import { expect } from 'vitest';
import { DEMO_PASSWORD } from './ui.js';

// Browser tests set up their data through the API, as a signed-in user would through the console, but faster.

export type Session = { baseUrl: string; cookie: string; csrf: string };

export async function apiLogin(baseUrl: string, username: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { baseUrl, cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** A call as `who`; a write must answer `expected`. */
export async function call<T>(who: Session, method: 'GET' | 'POST', url: string, body?: unknown, expected = method === 'GET' ? 200 : 201): Promise<T> {
  const res = await fetch(`${who.baseUrl}/api/v1${url}`, {
    method,
    headers: { cookie: who.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': who.csrf }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await res.text();
  expect(res.status, `${method} ${url}: ${answer}`).toBe(expected);
  return (answer.startsWith('{') ? JSON.parse(answer) : answer) as T;
}

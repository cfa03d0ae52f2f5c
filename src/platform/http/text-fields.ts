import type { FastifyInstance } from 'fastify';
import { httpError } from './errors.js';
import { INVISIBLE_FORMATTING, INVISIBLE_MESSAGE } from './text-fields.shared.js';

/** Keys whose values are secrets, never shown, so nothing there can mislead a reader (and a password is the user's to choose). */
const SECRET_KEY = /password/i;

/** Paths of the strings in `body` that hold invisible formatting characters (at most 20); walked without recursion, as bodies may nest thousands deep. */
function invisibleIn(body: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[body, '']];
  while (stack.length && found.length < 20) {
    const [value, at] = stack.pop()!;
    if (typeof value === 'string') {
      if (INVISIBLE_FORMATTING.test(value)) found.push(at);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, at ? `${at}.${i}` : String(i)]));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (!SECRET_KEY.test(k)) stack.push([v, at ? `${at}.${k}` : k]);
    }
  }
  return found;
}

/**
 * Every JSON body of the API, whatever its schema, is refused when a text in it holds invisible formatting
 * characters: one check for every plain-text field, including those a schema declares as a bare string.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null || typeof request.body !== 'object' || Buffer.isBuffer(request.body)) return;
    if (!request.url.startsWith('/api/')) return;
    const found = invisibleIn(request.body);
    if (found.length) throw httpError('VALIDATION_FAILED', { issues: found.map((path) => ({ where: 'body', path, message: INVISIBLE_MESSAGE })) });
  });
}

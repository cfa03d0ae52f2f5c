import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { httpError } from './errors.js';

/** Names people read: no control characters (PostgreSQL cannot store NUL, and a newline in a name misleads). */
export const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

/**
 * Characters that change how text around them is shown without being seen themselves: bidirectional embeddings and
 * overrides (U+202A–202E), isolates (U+2066–2069) and zero-width characters and marks (U+200B–200F). In a name on
 * the public page they make one subject look like another, or a quantity read backwards.
 */
export const INVISIBLE_FORMATTING = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;
const INVISIBLE_MESSAGE = 'no bidirectional or zero-width characters (U+200B–200F, U+202A–202E, U+2066–2069)';

/** Free text of a form field, trimmed, between `min` and `max` characters, without control or invisible formatting characters. */
export const plainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(NO_CONTROL_CHARACTERS, 'no control characters')
    .refine((s) => !INVISIBLE_FORMATTING.test(s), INVISIBLE_MESSAGE);

/** Free text over lines (a problem described step by step): line breaks and tabs, no other control characters. */
export const paragraphs = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^(?:[\t\n\r]|\P{Cc})*$/u, 'no control characters other than line breaks and tabs');

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

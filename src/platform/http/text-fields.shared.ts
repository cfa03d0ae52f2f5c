import { z } from 'zod';

// What a plain-text field accepts, for the contracts (and so the console's forms); the guard over whole bodies, which
// needs Fastify, stays in text-fields.ts.

/** Names people read: no control characters (PostgreSQL cannot store NUL, and a newline in a name misleads). */
export const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

/**
 * Characters that change how text around them is shown without being seen themselves: bidirectional embeddings and
 * overrides (U+202A–202E), isolates (U+2066–2069) and zero-width characters and marks (U+200B–200F). In a name on
 * the public page they make one subject look like another, or a quantity read backwards.
 */
export const INVISIBLE_FORMATTING = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;
export const INVISIBLE_MESSAGE = 'no bidirectional or zero-width characters (U+200B–200F, U+202A–202E, U+2066–2069)';

/** Free text of a form field, trimmed, between `min` and `max` characters, without control or invisible formatting characters. */
export const plainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(NO_CONTROL_CHARACTERS, 'no control characters')
    .refine((s) => !INVISIBLE_FORMATTING.test(s), INVISIBLE_MESSAGE);

/** Free text that may run over lines (a problem described step by step, a notice's body): line breaks and tabs, no other control characters. */
export const paragraphText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^(?:[\t\n\r]|\P{Cc})*$/u, 'no control characters other than line breaks and tabs');

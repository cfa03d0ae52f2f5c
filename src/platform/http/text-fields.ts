import { z } from 'zod';

/** Names people read: no control characters (PostgreSQL cannot store NUL, and a newline in a name misleads). */
export const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

/** Free text of a form field, trimmed, between `min` and `max` characters, without control characters. */
export const plainText = (min: number, max: number) => z.string().trim().min(min).max(max).regex(NO_CONTROL_CHARACTERS, 'no control characters');

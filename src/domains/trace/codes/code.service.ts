import { maskIdNumber } from '../../../platform/pii/pii.js';
import { describeCode } from './codes.js';
import { traceError } from '../errors.js';

/** What a code is, for any scan endpoint: an invalid one is a 400 naming the problem (and a likely correction). */
export function whatIsCode(input: string) {
  const d = describeCode(input);
  if (d.kind === 'invalid') throw traceError('CODE_INVALID', { problem: d.problem, ...(d.suggestion ? { suggestion: d.suggestion } : {}) });
  // An 18-digit identity in a code may be a person's ID number: it never goes back in full.
  if ((d.kind === 'long' || d.kind === 'subject') && /^\d{17}[\dX]$/.test(d.identity)) {
    const identity = maskIdNumber(d.identity);
    return { ...d, identity, code: d.code.replace(d.identity, identity) };
  }
  return d;
}

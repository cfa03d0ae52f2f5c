/**
 * Check characters of the two identity numbers a subject registers with. Written here because no well-kept
 * package covers GB 32100 (see docs/decisions.md); both algorithms are short and tested against values printed
 * in the standards. Shared (`*.shared.ts`): the console imports it too, to catch a typing error before
 * submitting, so it imports nothing; the server stays the judge.
 */

// GB 32100-2015 §4: the 31 characters of the code, without I, O, Z, S, V.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100): 18 characters, the last a mod-31 check character. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem = 'FORMAT' | 'CHECK_CHARACTER';

export function checkUscc(code: string): UsccProblem | null {
  // Position 1: registration authority; 2: organisation type; 3–8: region (digits); 9–17: organisation code.
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'FORMAT';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'CHECK_CHARACTER';
}

// GB 11643-1999: weights 2^(17-i) mod 11, check value by ISO 7064 MOD 11-2 ('X' stands for 10).
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export type IdNumberProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

/** 居民身份证号码 (GB 11643): 6-digit address, 8-digit birth date, 3-digit sequence, check character. */
export function checkIdNumber(id: string, today: Date = new Date()): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'FORMAT';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const real = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!real || y < 1800 || birth.getTime() > today.getTime()) return 'BIRTH_DATE';
  return idCheckChar(id.slice(0, 17)) === id[17] ? null : 'CHECK_CHARACTER';
}

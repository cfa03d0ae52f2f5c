// The check characters of the two identity numbers, as the server checks them (src/domains/registry/
// identity-check.ts, which the console may not import): a typing error is caught before submitting.

// GB 32100-2015: the 31 characters of the code, without I, O, Z, S, V.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export type IdProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

/** 统一社会信用代码: 18 characters, the last a mod-31 check character. */
export function checkUscc(code: string): IdProblem | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'FORMAT';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'CHECK_CHARACTER';
}

// GB 11643-1999: ISO 7064 MOD 11-2, 'X' standing for 10.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** 居民身份证号码: 6-digit address, 8-digit birth date, 3-digit sequence, check character. */
export function checkIdNumber(id: string, today: Date = new Date()): IdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'FORMAT';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const real = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!real || y < 1800 || birth.getTime() > today.getTime()) return 'BIRTH_DATE';
  return idCheckChar(id.slice(0, 17)) === id[17] ? null : 'CHECK_CHARACTER';
}

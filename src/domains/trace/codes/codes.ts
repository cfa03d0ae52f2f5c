import { mod1110CheckDigit, mod1110Step, mod1110Valid } from './check-digit.js';
import type { SerialPermutation } from './serial-permutation.js';

/**
 * The code family of DESIGN.md §3. A product code is 20 digits: type (1) + county of the issuing subject (6) +
 * serial (12, a keyed permutation of a counter) + ISO 7064 MOD 11,10 check digit. The county prefix routes a
 * code to its province. Every scan endpoint takes any code and says what it is (`describeCode`).
 */
export const PRODUCT_CODE_TYPES = {
  1: { key: 'batch', zh: '生产批次码', en: 'production batch code' },
  2: { key: 'trace', zh: '流通追溯码', en: 'circulation trace code' },
  3: { key: 'market_entry', zh: '入市追溯凭证', en: 'market-entry voucher' },
  5: { key: 'temporary_product', zh: '产品临时码', en: 'temporary product code' },
} as const;
export type ProductCodeType = keyof typeof PRODUCT_CODE_TYPES;

export function isProductCodeType(t: number): t is ProductCodeType {
  return t in PRODUCT_CODE_TYPES;
}

export function productCode(type: ProductCodeType, county: string, serial: number): string {
  if (!/^\d{6}$/.test(county)) throw new RangeError(`county must be 6 digits: ${county}`);
  const body = `${type}${county}${String(serial).padStart(12, '0')}`;
  return body + mod1110CheckDigit(body);
}

/** The one pair of neighbours MOD 11,10 cannot tell apart when swapped, from running state p (check-digit.ts). */
const blindPair = (p: number, a: number, b: number) => {
  const lo = (15 - p) % 10;
  return (a === lo && b === (lo + 1) % 10) || (b === lo && a === (lo + 1) % 10);
};

/**
 * The codes of a run of counters whose check digit catches every adjacent transposition from the county's last
 * digit on (the serial and the check digit), with their counters. MOD 11,10 misses one pair of neighbours per
 * running state; issuing skips the counters whose code holds one there (about a quarter), so a typist swapping two
 * digits of a serial is always told. Only the type-and-county prefix, the same on every code of the county, keeps
 * its blind spot where it has one. Each code is still unique (the permutation is a bijection) and decrypts to its
 * counter. Digits are worked as numbers, not strings: a print run passes a million counters through here.
 */
export function safeCodes(permutation: SerialPermutation, type: ProductCodeType, county: string, counters: readonly number[]): { code: string; counter: number }[] {
  const prefix = `${type}${county}`;
  let p6 = 10;
  for (let i = 0; i < 6; i++) p6 = mod1110Step(p6, prefix.charCodeAt(i) - 48);
  const countyLast = prefix.charCodeAt(6) - 48;
  const p7 = mod1110Step(p6, countyLast);
  const serials = permutation.encryptMany(counters);
  const d = new Int8Array(12);
  const out: { code: string; counter: number }[] = [];
  next: for (let n = 0; n < counters.length; n++) {
    let v = serials[n]!;
    for (let k = 11; k >= 0; k--) {
      d[k] = v % 10;
      v = Math.floor(v / 10);
    }
    if (blindPair(p6, countyLast, d[0]!)) continue;
    let p = p7;
    for (let k = 0; k < 11; k++) {
      if (blindPair(p, d[k]!, d[k + 1]!)) continue next;
      p = mod1110Step(p, d[k]!);
    }
    const last = d[11]!;
    const check = (11 - mod1110Step(p, last)) % 10;
    // The last serial digit swapped with the check digit passes when the check of the swapped body is the old last digit.
    if (last !== check && (11 - mod1110Step(p, check)) % 10 === last) continue;
    out.push({ code: `${prefix}${String(serials[n]).padStart(12, '0')}${check}`, counter: counters[n]! });
  }
  return out;
}

/** The code of the counter-th issue of this type in this county, through the county's permutation. */
export function issueCode(permutation: SerialPermutation, type: ProductCodeType, county: string, counter: number): string {
  return productCode(type, county, permutation.encrypt(counter));
}

export type CodeDescription =
  | { kind: 'product'; code: string; type: ProductCodeType; typeKey: string; typeName: { zh: string; en: string }; county: string; province: string; serial: string }
  | { kind: 'long'; code: string; type: ProductCodeType; typeKey: string; category: number; identity: string; productClass: string; issuedAt: string; seq: string }
  | { kind: 'subject'; code: string; category: number; identity: string; accountNo: number }
  | { kind: 'temporary_subject'; code: string; county: string }
  | { kind: 'invalid'; code: string; problem: CodeProblem; suggestion?: string };

export type CodeProblem = 'EMPTY' | 'NOT_A_CODE' | 'WRONG_LENGTH' | 'CHECK_DIGIT' | 'UNKNOWN_TYPE' | 'BAD_DATE';

const LONG = /^([1235])\.([0-3])\.([0-9A-Z]{18})\.(\d{2,10})\.(\d{14})\.(\d{3})$/;
const SUBJECT = /^([0-3])\.([0-9A-Z]{18})\.(\d{5})$/;
const TEMPORARY_SUBJECT = /^LS(\d{6})[0-9A-Z]{8}$/;

/** What a scanned or typed string is: any code type, or why it is none. Pure: existence is the caller's query. */
export function describeCode(input: string): CodeDescription {
  const code = input.trim().toUpperCase();
  if (code === '') return { kind: 'invalid', code, problem: 'EMPTY' };
  if (/^\d+$/.test(code)) {
    if (code.length !== 20) return { kind: 'invalid', code, problem: 'WRONG_LENGTH' };
    const type = Number(code[0]);
    if (!isProductCodeType(type)) return { kind: 'invalid', code, problem: 'UNKNOWN_TYPE' };
    if (!mod1110Valid(code)) {
      // A wrong last digit is the one single-digit error whose correction is certain; others need the database.
      return { kind: 'invalid', code, problem: 'CHECK_DIGIT', suggestion: code.slice(0, 19) + mod1110CheckDigit(code.slice(0, 19)) };
    }
    const t = PRODUCT_CODE_TYPES[type];
    return { kind: 'product', code, type, typeKey: t.key, typeName: { zh: t.zh, en: t.en }, county: code.slice(1, 7), province: code.slice(1, 3), serial: code.slice(7, 19) };
  }
  const long = LONG.exec(code);
  if (long) {
    const [, type, category, identity, productClass, stamp, seq] = long;
    if (!validStamp(stamp!)) return { kind: 'invalid', code, problem: 'BAD_DATE' };
    const t = Number(type) as ProductCodeType;
    return { kind: 'long', code, type: t, typeKey: PRODUCT_CODE_TYPES[t].key, category: Number(category), identity: identity!, productClass: productClass!, issuedAt: isoOfStamp(stamp!), seq: seq! };
  }
  const subject = SUBJECT.exec(code);
  if (subject) return { kind: 'subject', code, category: Number(subject[1]), identity: subject[2]!, accountNo: Number(subject[3]) };
  const temporary = TEMPORARY_SUBJECT.exec(code);
  if (temporary) return { kind: 'temporary_subject', code, county: temporary[1]! };
  return { kind: 'invalid', code, problem: 'NOT_A_CODE' };
}

/** yyyyMMddHHmmss as a real moment (interpreted in China time, UTC+8, as the national platform writes it). */
function validStamp(s: string): boolean {
  const [y, mo, d, h, mi, se] = [s.slice(0, 4), s.slice(4, 6), s.slice(6, 8), s.slice(8, 10), s.slice(10, 12), s.slice(12, 14)].map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  return y >= 2000 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && se < 60;
}

function isoOfStamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}+08:00`;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkUscc, idCheckChar, usccCheckChar } from './identity-check.shared.js';

describe('GB 11643 居民身份证号码', () => {
  it('accepts the examples printed in GB 11643-1999 (Appendix)', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(checkIdNumber('440524188001010014')).toBeNull();
  });

  it('catches a wrong check character and every single-digit change of the body', () => {
    expect(checkIdNumber('110105194912310021')).toBe('CHECK_CHARACTER');
    const good = '440524188001010014';
    for (let i = 0; i < 17; i++) {
      for (const digit of '0123456789') {
        if (digit === good[i]) continue;
        const bad = good.slice(0, i) + digit + good.slice(i + 1);
        expect(checkIdNumber(bad), bad).not.toBeNull();
      }
    }
  });

  it('refuses impossible and future birth dates, and malformed numbers', () => {
    const withCheck = (first17: string) => first17 + idCheckChar(first17);
    expect(checkIdNumber(withCheck('11010519490231002'))).toBe('BIRTH_DATE'); // 31 Feb
    expect(checkIdNumber(withCheck('11010520990101002'), new Date('2026-11-29'))).toBe('BIRTH_DATE');
    expect(checkIdNumber(withCheck('11010517990101002'))).toBe('BIRTH_DATE');
    expect(checkIdNumber('11010519491231002x')).toBe('FORMAT');
    expect(checkIdNumber('1101051949123100')).toBe('FORMAT');
  });

  it('always validates a number completed with its own check character', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 0, max: 999 }), (days, seq) => {
        const birth = new Date(Date.UTC(1930, 0, 1) + days * 86400_000).toISOString().slice(0, 10).replace(/-/g, '');
        const first17 = `370783${birth}${String(seq).padStart(3, '0')}`;
        return checkIdNumber(first17 + idCheckChar(first17)!) === null;
      }),
    );
  });
});

describe('GB 32100 统一社会信用代码', () => {
  it('accepts the example printed in GB 32100-2015 and published codes', () => {
    expect(checkUscc('91350100M000100Y43')).toBeNull(); // GB 32100-2015 Appendix example
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('catches a changed character and forbidden letters', () => {
    expect(checkUscc('91350100M000100Y44')).toBe('CHECK_CHARACTER');
    expect(checkUscc('91350100M000100Y4I')).toBe('FORMAT'); // I is not in the code's alphabet
    expect(checkUscc('9135010')).toBe('FORMAT');
    const good = '91350100M000100Y43';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 17; i++) {
      for (const c of alphabet) {
        if (c === good[i] || (i >= 2 && i < 8 && !/\d/.test(c))) continue;
        const bad = good.slice(0, i) + c + good.slice(i + 1);
        expect(checkUscc(bad), bad).not.toBeNull();
      }
    }
  });
});

import { createHmac } from 'node:crypto';

/**
 * The 12-digit serial of a product code is a keyed permutation of a counter (format-preserving encryption), so
 * codes are unique without a retry and cannot be guessed from their neighbours. A balanced Feistel network over
 * two halves of 10^6 — the domain 10^12 is exactly 10^6 × 10^6, so no cycle-walking is needed — with
 * HMAC-SHA256 as the round function, keyed per platform and tweaked by code type and county.
 */
const HALF = 1_000_000;
export const SERIAL_SPACE = HALF * HALF;
const ROUNDS = 8;

export type SerialPermutation = { encrypt(counter: number): number; decrypt(serial: number): number };

export function serialPermutation(key: Buffer | string, tweak: string): SerialPermutation {
  const round = (r: number, half: number) => {
    const mac = createHmac('sha256', key).update(`${tweak}|${r}|${half}`).digest();
    // 48 bits of the MAC reduced mod 10^6: the bias (2^48 is not a multiple of 10^6) is below 4·10^-9.
    return mac.readUIntBE(0, 6) % HALF;
  };
  return {
    encrypt(counter) {
      if (!Number.isSafeInteger(counter) || counter < 0 || counter >= SERIAL_SPACE) throw new RangeError(`counter out of range: ${counter}`);
      let a = Math.floor(counter / HALF);
      let b = counter % HALF;
      for (let r = 0; r < ROUNDS; r++) [a, b] = [b, (a + round(r, b)) % HALF];
      return a * HALF + b;
    },
    decrypt(serial) {
      if (!Number.isSafeInteger(serial) || serial < 0 || serial >= SERIAL_SPACE) throw new RangeError(`serial out of range: ${serial}`);
      let a = Math.floor(serial / HALF);
      let b = serial % HALF;
      for (let r = ROUNDS - 1; r >= 0; r--) [a, b] = [(b - round(r, a) + HALF) % HALF, a];
      return a * HALF + b;
    },
  };
}

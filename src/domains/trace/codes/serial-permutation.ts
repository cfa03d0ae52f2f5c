import { createCipheriv, createHmac } from 'node:crypto';

/**
 * The 12-digit serial of a product code is a keyed permutation of a counter (format-preserving encryption), so
 * codes are unique without a retry and cannot be guessed from their neighbours. A balanced Feistel network over
 * two halves of 10^6 — the domain 10^12 is exactly 10^6 × 10^6, so no cycle-walking is needed. The round
 * function is AES-128 of (round, half) under a key derived by HMAC-SHA256 from the platform key and the tweak
 * (code type and county); a print run encrypts all its counters round by round in one AES call each, which is
 * what makes a million codes cheap.
 */
const HALF = 1_000_000;
export const SERIAL_SPACE = HALF * HALF;
const ROUNDS = 8;

export type SerialPermutation = { encrypt(counter: number): number; encryptMany(counters: readonly number[]): number[]; decrypt(serial: number): number };

export function serialPermutation(key: Buffer | string, tweak: string): SerialPermutation {
  const aesKey = createHmac('sha256', key).update(`tracenet-serial|${tweak}`).digest().subarray(0, 16);

  /** F(r, x) for many halves at once: AES-ECB of one 16-byte block per half; 48 bits of each block mod 10^6. */
  const rounds = (r: number, halves: Int32Array): Int32Array => {
    const blocks = Buffer.alloc(halves.length * 16);
    for (let i = 0; i < halves.length; i++) {
      blocks[i * 16] = r;
      blocks.writeUInt32BE(halves[i]!, i * 16 + 1);
    }
    const cipher = createCipheriv('aes-128-ecb', aesKey, null).setAutoPadding(false);
    const out = cipher.update(blocks);
    const f = new Int32Array(halves.length);
    // 2^48 is not a multiple of 10^6: the bias of the reduction is below 4·10^-9.
    for (let i = 0; i < halves.length; i++) f[i] = out.readUIntBE(i * 16, 6) % HALF;
    return f;
  };

  const check = (n: number, what: string) => {
    if (!Number.isSafeInteger(n) || n < 0 || n >= SERIAL_SPACE) throw new RangeError(`${what} out of range: ${n}`);
  };

  const encryptMany = (counters: readonly number[]): number[] => {
    let a = new Int32Array(counters.length);
    let b = new Int32Array(counters.length);
    counters.forEach((c, i) => {
      check(c, 'counter');
      a[i] = Math.floor(c / HALF);
      b[i] = c % HALF;
    });
    for (let r = 0; r < ROUNDS; r++) {
      const f = rounds(r, b);
      const next = new Int32Array(counters.length);
      for (let i = 0; i < next.length; i++) next[i] = (a[i]! + f[i]!) % HALF;
      a = b;
      b = next;
    }
    return Array.from(a, (hi, i) => hi * HALF + b[i]!);
  };

  return {
    encryptMany,
    encrypt: (counter) => encryptMany([counter])[0]!,
    decrypt(serial) {
      check(serial, 'serial');
      let a = Math.floor(serial / HALF);
      let b = serial % HALF;
      for (let r = ROUNDS - 1; r >= 0; r--) {
        const f = rounds(r, Int32Array.of(a))[0]!;
        [a, b] = [(b - f + HALF) % HALF, a];
      }
      return a * HALF + b;
    },
  };
}

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data (phones, ID numbers) is stored encrypted (AES-256-GCM) beside a keyed hash (HMAC-SHA256)
 * that finds duplicates without decrypting. Both keys are derived from SECRET_KEY.
 */
export type Pii = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Many at once (a recall list's phones). */
  decryptMany(stored: readonly string[]): string[];
  hash(plain: string): string;
};

export function createPii(secretKey: string): Pii {
  const encKey = Buffer.from(hkdfSync('sha256', secretKey, 'tracenet', 'pii-encrypt', 32));
  const hashKey = Buffer.from(hkdfSync('sha256', secretKey, 'tracenet', 'pii-hash', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
    },
    decrypt(stored) {
      const raw = Buffer.from(stored.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    decryptMany(stored) {
      // Node's own AES-GCM for each value: a hand-written batched GCM was faster but is cryptographic code of our
      // own in the kernel, which this project does not write (docs/decisions.md).
      return stored.map((s) => this.decrypt(s));
    },
    hash(plain) {
      return createHmac('sha256', hashKey).update(plain.trim().toUpperCase()).digest('hex');
    },
  };
}

/** A natural person's name as public pages show it: the family name only (张三 → 张*, 欧阳娜娜 → 欧***). */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, Math.min(chars.length - 1, 3)));
}

/** 组织形式 1 个人: a subject that is a natural person, whose name is personal data on anything public. */
export const NATURAL_PERSON_ORG_FORM = 1;

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 11010519491231002X → 1101**********002X */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gcmDecryptMany } from './gcm-batch.js';
import { createPii } from './pii.js';

const seal = (key: Buffer, plain: Buffer) => {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), ct]);
};

describe('gcmDecryptMany: AES-256-GCM in one AES call per batch', () => {
  it('gives back what Node encrypted, for every length from 0 to 100 bytes and many keys', () => {
    for (let k = 0; k < 20; k++) {
      const key = randomBytes(32);
      const plains = Array.from({ length: 101 }, (_, n) => randomBytes(n));
      const out = gcmDecryptMany(key, plains.map((p) => seal(key, p)));
      expect(out.map((b) => b.toString('hex'))).toEqual(plains.map((p) => p.toString('hex')));
    }
  });

  it('refuses a message whose ciphertext, tag or IV was changed, or that was sealed under another key', () => {
    const key = randomBytes(32);
    const good = seal(key, Buffer.from('13905360002'));
    for (const offset of [0, 11, 12, 27, 28, good.length - 1]) {
      const bad = Buffer.from(good);
      bad[offset]! ^= 0x01;
      expect(() => gcmDecryptMany(key, [good, bad]), `byte ${offset}`).toThrow(/authenticate/);
    }
    expect(() => gcmDecryptMany(randomBytes(32), [good])).toThrow(/authenticate/);
    expect(() => gcmDecryptMany(key, [good.subarray(0, 27)])).toThrow(/authenticate/);
  });

  it('is what pii.decryptMany uses: the same answers as pii.decrypt, one by one', () => {
    const pii = createPii('test-secret-key-test-secret-key-0123456789');
    const values = ['13905360002', '370783197503150015', '', '张建国 化龙镇裴岭村 17 号', 'x'.repeat(300)];
    const stored = values.map((v) => pii.encrypt(v));
    expect(pii.decryptMany(stored)).toEqual(stored.map((s) => pii.decrypt(s)));
    expect(pii.decryptMany([])).toEqual([]);
  });
});

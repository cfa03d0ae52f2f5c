import { createRequire } from 'node:module';

/**
 * GS1 Digital Link URI compression (GS1 Digital Link: Compression, the binary form a small QR code carries as one
 * path segment), read back into its application identifiers. The tables of every AI (its length, its value's
 * format, the optimisation codes for common sequences) come from GS1's own toolkit as `digital-link.js` ships it;
 * the bits are read here because that toolkit reads numbers with `parseInt`, which loses digits past 2^53, and every
 * Tracenet code is a 20-digit number. Numbers are read as BigInt and padded to their digit count.
 */

type Component = { E: 'N' | 'X'; L?: string; M?: string };
type Tables = { tableP: Record<string, number>; tableF: Record<string, Component[]>; tableOpt: Record<string, string[]> };

const require = createRequire(import.meta.url);
const Toolkit = require('digital-link.js/lib/GS1DigitalLinkCompressionPrototype/GS1DigitalLinkToolkit.js') as new () => Tables;
let tables: Tables | undefined;
const gs1Tables = () => (tables ??= new Toolkit());

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789ABCDEF';
/** Bits of a value of n decimal digits, and of a length field up to max (the standard's two formulas). */
const valueBits = (n: number) => Math.ceil(n * Math.log2(10) + 0.01);
const lengthBits = (max: number) => Math.ceil(Math.log2(max) + 0.01);

export type Decompressed = { ais: Map<string, string>; other: Map<string, string> };

/** A path segment that can be a compressed Digital Link: the URL-safe base64 alphabet only, long enough to hold a GTIN. */
export const looksCompressed = (segment: string) => /^[A-Za-z0-9_-]{10,}$/.test(segment);

/** The AIs (and other key=value pairs) of a compressed segment, or null when the bits are no valid compression. */
export function decompress(segment: string): Decompressed | null {
  try {
    return read(segment);
  } catch {
    return null;
  }
}

function read(segment: string): Decompressed {
  const bits = [...segment].map((c) => BASE64URL.indexOf(c).toString(2).padStart(6, '0')).join('');
  const { tableP, tableF, tableOpt } = gs1Tables();
  let at = 0;
  const take = (n: number): string => {
    if (at + n > bits.length) throw new Error('truncated');
    const s = bits.slice(at, at + n);
    at += n;
    return s;
  };
  const int = (n: number) => (n === 0 ? 0 : parseInt(take(n), 2));
  const hex = () => HEX[int(4)]!;
  const digits = (count: number) => (count === 0 ? '' : BigInt(`0b${take(valueBits(count))}`).toString().padStart(count, '0'));
  const chars = (encoding: number, count: number): string => {
    if (encoding === 0) return digits(count);
    const [width, alphabet] = encoding === 1 ? [4, HEX.toLowerCase()] : encoding === 2 ? [4, HEX] : encoding === 3 ? [6, BASE64URL] : encoding === 4 ? [7, null] : [0, null];
    if (!width) throw new Error('encoding');
    let s = '';
    for (let i = 0; i < count; i++) s += alphabet ? alphabet[int(width)]! : String.fromCharCode(int(width));
    return s;
  };
  const value = (ai: string): string => {
    const format = tableF[ai];
    if (!format) throw new Error(`no format for ${ai}`);
    let s = '';
    for (const c of format) {
      if (c.E === 'N' && c.L) s += digits(Number(c.L));
      else if (c.E === 'N' && c.M) s += digits(int(lengthBits(Number(c.M))));
      else if (c.E === 'X' && c.L) s += chars(int(3), Number(c.L));
      else if (c.E === 'X' && c.M) {
        const encoding = int(3);
        s += chars(encoding, int(lengthBits(Number(c.M))));
      }
    }
    return s;
  };

  const ais = new Map<string, string>();
  const other = new Map<string, string>();
  // What is left after the last field is padding to a whole base64 character (under 6 bits), or, by the toolkit's
  // reading, up to 8: a field needs more than that.
  while (bits.length - at > 8) {
    const h1 = hex();
    const h2 = hex();
    const pair = h1 + h2;
    if (/^\d\d$/.test(pair)) {
      const length = tableP[pair];
      if (!length) throw new Error(`reserved AI range ${pair}`);
      let ai = pair;
      for (let i = 2; i < length; i++) {
        const d = hex();
        if (!/\d/.test(d)) throw new Error('AI not numeric');
        ai += d;
      }
      ais.set(ai, value(ai));
    } else if (tableOpt[pair]) {
      for (const ai of tableOpt[pair]!) ais.set(ai, value(ai));
    } else if (h1 === 'F') {
      // A key=value pair outside GS1's AIs: 7 bits of key length (the 4 of h2 and 3 more), the key, then the value.
      at -= 4;
      const keyLength = int(7);
      const key = chars(3, keyLength);
      const encoding = int(3);
      other.set(key, chars(encoding, int(7)));
    } else {
      throw new Error(`no optimisation ${pair}`);
    }
  }
  if (/[^0]/.test(bits.slice(at))) throw new Error('trailing bits');
  return { ais, other };
}

import type { LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import type { z } from 'zod';
import { uuid } from '../src/domains/registry/contracts.js';

// Generators of bad input shared by the bad-input suites: junk values, one-to-three defects applied to a valid
// body (kept only when the route's own schema refuses them), raw non-JSON payloads, wrong content types, bad ids.

export const SEED = 20260;
export const RUNS = 200;

export type ErrorBody = { code: string; message: { zh: string; en: string }; details: Record<string, unknown> };

/** What is wrong with a response to bad input, or null when it is a proper refusal. */
export function problemWith(res: LightMyRequestResponse, codes?: readonly string[]): string | null {
  if (res.statusCode < 400 || res.statusCode >= 500) return `status ${res.statusCode}: ${res.body.slice(0, 300)}`;
  let body: ErrorBody;
  try {
    body = res.json<ErrorBody>();
  } catch {
    return `not JSON: ${res.body.slice(0, 200)}`;
  }
  if (typeof body.code !== 'string' || !/^[A-Z_]+$/.test(body.code)) return `no stable code: ${res.body.slice(0, 200)}`;
  if (typeof body.message?.zh !== 'string' || !body.message.zh || typeof body.message?.en !== 'string' || !body.message.en) return `no zh/en message: ${res.body.slice(0, 200)}`;
  if (codes && !codes.includes(body.code)) return `unexpected code ${body.code} (${res.statusCode}): ${res.body.slice(0, 300)}`;
  return null;
}

// ---- generators -------------------------------------------------------------------------------------------

const LONG = 'x'.repeat(10_001);
const junkString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\t\n', LONG, '𠮷'.repeat(5_000), '\ud800', '\u202e37', '３７０７', '37\n', "37' OR '1'='1", '<script>alert(1)</script>', '../../etc/passwd', 'NaN', '1e400', 'null', '{}'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  junkString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 64, [], {}, [null], { $ne: null }, { __proto__: { admin: true } }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant(nested(200)),
);

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

export type Json = Record<string, unknown>;
type Mutation = (body: Json) => unknown;

/** One defect applied to a valid body: a field removed, retyped or filled with junk, an unknown field, or no object at all. */
function mutation(paths: readonly string[][]): fc.Arbitrary<Mutation> {
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    fc.record({ path, value: junkValue }).map(({ path: p, value }) => (b: Json) => setPath(b, p, value)),
    path.map((p) => (b: Json) => setPath(b, p, undefined)),
    fc.record({ key: fc.oneof(fc.constantFrom('role', 'admin', 'isAdmin', 'agencyId', 'id', 'constructor', 'extra'), fc.string({ minLength: 1, maxLength: 20 })), value: junkValue, inAccount: fc.boolean() }).map(
      ({ key, value, inAccount }) =>
        (b: Json) =>
          inAccount && typeof b.account === 'object' && b.account ? { ...b, account: { ...(b.account as Json), [key]: value } } : { ...b, [key]: value },
    ),
    junkValue.map((value) => () => value),
  );
}

function setPath(body: Json, path: string[], value: unknown): Json {
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Json = { ...body };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else {
    const inner = copy[head];
    copy[head] = setPath(typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Json) : {}, rest, value);
  }
  return copy;
}

/**
 * `count` bodies made from a valid one by one to three defects, keeping only those the route's own schema
 * refuses: none of them may reach a service, so every one must be a 400 and nothing may be written.
 */
export function badBodies(valid: Json, schema: z.ZodType, count = RUNS, seed = SEED): unknown[] {
  const paths = fieldPaths(valid);
  const arb = fc
    .array(mutation(paths.length ? paths : [['x']]), { minLength: 1, maxLength: 3 })
    .map((ms) => ms.reduce<unknown>((b, m) => (typeof b === 'object' && b !== null && !Array.isArray(b) ? m(b as Json) : m(valid)), valid))
    // Judge what goes over the wire: JSON drops undefined fields and inherited keys, and turns -0 into 0.
    .map((b) => (b === undefined ? undefined : (JSON.parse(JSON.stringify(b)) as unknown)))
    .filter((b) => b !== undefined && !schema.safeParse(b).success);
  return fc.sample(arb, { seed, numRuns: count });
}

function fieldPaths(body: Json, prefix: string[] = []): string[][] {
  return Object.entries(body).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? [[...prefix, k], ...fieldPaths(v as Json, [...prefix, k])] : [[...prefix, k]],
  );
}

/** Raw payloads that are not JSON objects at all, sent as application/json. */
export const RAW_JSON_JUNK: string[] = [
  '',
  ' ',
  '{',
  '}',
  '{"a":',
  '{"a":1,}',
  "{'username':'a'}",
  '{"username":"a" "password":"b"}',
  'nul',
  'null',
  'true',
  '0',
  '-1e999',
  '1'.repeat(400),
  '"just a string"',
  '[]',
  '[{}]',
  '[{"username":"a","password":"b"}]',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '\u0000',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":1}'.repeat(3),
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"a":'.repeat(2_000) + '1' + '}'.repeat(2_000),
  `{"name":"${'长'.repeat(200_000)}"}`,
  `{"x":"${'y'.repeat(1_100_000)}"}`,
];

/** The same bodies under content types the API does not speak. */
export const WRONG_CONTENT_TYPES: [string, string | Buffer][] = [
  ['text/plain', '{"username":"a","password":"b"}'],
  ['text/plain', 'hello'],
  ['application/x-www-form-urlencoded', 'username=a&password=b'],
  ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xyz--'],
  ['application/xml', '<login><username>a</username></login>'],
  ['application/octet-stream', Buffer.from([0xff, 0xfe, 0x00, 0x01])],
  ['application/json', Buffer.from([0xff, 0xfe, 0x7b, 0x7d])],
  ['application/json; charset=utf-16', '{"a":1}'],
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['', '{"a":1}'],
];

/** A lone surrogate cannot be put into a URL at all. */
function encodable(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

/** Path ids that are not UUIDs. */
export const BAD_IDS: string[] = [
  ...['%', '%zz', '%E4%B8', '0', '-1', 'null', 'undefined', 'abc', '1e400', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g', '00000000000000000000000000000000', '{}', '[]', 'x'.repeat(5_000), '%00', '%E4%B8%AD', '..%2F..%2Fetc', '%F0%9F%92%A9'],
  ...fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => !uuid.safeParse(s).success && encodable(s)), { seed: SEED, numRuns: 30 }).map(encodeURIComponent),
];

/**
 * Sends a write route its generated bad bodies, the raw junk and the wrong content types, and returns what went
 * wrong (empty when every one was a 4xx with one of the expected codes and a zh/en message).
 */
export async function badInputProblems(
  route: { name: string; valid: Json; schema: z.ZodType },
  send: (payload: string | Buffer, contentType: string | null) => Promise<LightMyRequestResponse>,
): Promise<string[]> {
  const failures: string[] = [];
  const bodies = badBodies(route.valid, route.schema);
  if (bodies.length !== RUNS) failures.push(`${route.name}: only ${bodies.length} bad bodies generated`);
  for (const [i, b] of bodies.entries()) {
    const problem = problemWith(await send(JSON.stringify(b), 'application/json'), ['VALIDATION_FAILED', 'BAD_JSON']);
    if (problem) failures.push(`${route.name} #${i} ${JSON.stringify(b)?.slice(0, 120)}: ${problem}`);
  }
  for (const raw of RAW_JSON_JUNK) {
    const problem = problemWith(await send(raw, 'application/json'), ['BAD_JSON', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']);
    if (problem) failures.push(`${route.name} raw ${JSON.stringify(raw.slice(0, 40))}: ${problem}`);
  }
  for (const [type, payload] of WRONG_CONTENT_TYPES) {
    const problem = problemWith(await send(payload, type || null), ['UNSUPPORTED_MEDIA_TYPE', 'BAD_JSON', 'VALIDATION_FAILED']);
    if (problem) failures.push(`${route.name} as ${type}: ${problem}`);
  }
  return failures;
}

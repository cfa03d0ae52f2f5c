import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.js';

// The GS1-Conformant resolver standard 1.2.0, clause by clause (its SHALL and SHOULD statements as GS1's own
// conformance list, Conformance1_2.txt of gs1/GS1DL-resolver-testsuite, words them), on a demo product with a GTIN
// and a batch of it. HTTPS is the deployment's (a TLS proxy in front), not this server's.

const BASE = 'http://localhost:3000'; // PUBLIC_URL of the test app
const GTIN = '06901234567892';
let t: TestApp;
let code: string;
let dl: string;

beforeAll(async () => {
  t = await createTestApp();
  const coop = await t.login('sg-coop');
  const product = (await coop.post('/api/v1/trace/products', { name: '寿光番茄', classCode: '04', spec: '5kg/箱', unit: 'kg', brand: '乐义', gtin: GTIN })).json();
  const batch = await coop.post('/api/v1/trace/batches', { productId: product.id, quantity: 500, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
  expect(batch.statusCode, batch.body).toBe(201);
  code = batch.json().code;
  dl = `/01/${GTIN}/10/${code}`;
});
afterAll(async () => t?.close());

/** GS1's own toolkit (as digital-link.js ships it): right for short values, wrong past 2^53 (a 20-digit code). */
const { Utils } = createRequire(import.meta.url)('digital-link.js') as { Utils: { compressWebUri(uri: string): string } };
const compressedByGs1 = (path: string) => new URL(Utils.compressWebUri(`https://id.example${path}`)).pathname;

/**
 * The compressed form of /01/{gtin}/10/{code} as the compression standard builds it, written out here since GS1's
 * toolkit gets the 20-digit number wrong: optimisation code 0B (AIs 01 and 10), the GTIN's 14 digits in 47 bits,
 * then the lot: encoding 000 (digits), its length in 5 bits, its 20 digits in 67 bits; zeros to a whole character.
 */
function compressLot(gtin: string, lot: string): string {
  let bits = '00001011' + BigInt(gtin).toString(2).padStart(47, '0') + '000' + lot.length.toString(2).padStart(5, '0') + BigInt(lot).toString(2).padStart(67, '0');
  bits = bits.padEnd(Math.ceil(bits.length / 6) * 6, '0');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return (bits.match(/.{6}/g) ?? []).map((b) => alphabet[parseInt(b, 2)]).join('');
}

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('GS1-Conformant resolver 1.2.0', () => {
  it('SHALL support HTTP GET, HEAD and OPTIONS requests', async () => {
    expect((await get(dl)).statusCode).toBe(307);
    const head = await t.app.inject({ method: 'HEAD', url: dl });
    expect(head.statusCode).toBe(307);
    expect(head.headers.location).toBe(`/t/${code}`);
    const options = await t.app.inject({ method: 'OPTIONS', url: dl, headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' } });
    expect(options.statusCode).toBe(204);
    for (const m of ['GET', 'HEAD', 'OPTIONS']) expect(options.headers['access-control-allow-methods']).toContain(m);
  });

  it('SHALL support CORS: every answer, redirects and errors too, may be read from any origin', async () => {
    for (const url of [dl, `${dl}?linkType=linkset`, `/01/${GTIN}`, `/p/${GTIN}`, '/.well-known/gs1resolver', `${dl}/foo`]) {
      const res = await get(url, { origin: 'https://shop.example' });
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
      expect(res.headers['access-control-expose-headers'], url).toContain('Link');
    }
  });

  it('SHALL validate the URI and report errors with 400, and never an error with 200', async () => {
    const bad = [
      `${dl}/foo`, // a segment after the lot
      `/01/${GTIN}/99/x`, // no key qualifier of GTIN
      `/01/${GTIN}/21/S1/10/${code}`, // qualifiers out of order
      `/01/06901234567893/10/${code}`, // the GTIN's check digit
      `/01/690123/10/${code}`, // a GTIN of no valid length
      `/01/${GTIN}/10/${'x'.repeat(21)}`, // a lot longer than AI 10's twenty characters
      `/01/${GTIN}/10/${code.slice(0, 19)}${(Number(code[19]) + 1) % 10}`, // a Tracenet code mistyped (its own check digit)
    ];
    for (const url of bad) expect((await get(url)).statusCode, url).toBe(400);
    // A code that exists under another product's GTIN is a label that lies: refused, not sent on.
    expect((await get(`/01/06901234567885/10/${code}`)).statusCode).toBeGreaterThanOrEqual(400);
    // An unknown GTIN is not found (404), never the console's page with 200.
    expect((await get('/01/06901234567885')).statusCode).toBe(404);
  });

  it('SHALL respond to linkType=linkset (and the older all) with the linkset, including the links of each level up to the GTIN', async () => {
    for (const url of [`${dl}?linkType=linkset`, `${dl}?linkType=all`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('application/linkset+json');
      const { linkset } = res.json();
      expect(linkset.map((l: { anchor: string }) => l.anchor)).toEqual([`${BASE}${dl}`, `${BASE}/01/${GTIN}`]);
      // Every exposed link has its target, its type (the key) and a title a person can read.
      for (const level of linkset) {
        for (const [rel, links] of Object.entries(level).filter(([k]) => k.startsWith('https://gs1.org/voc/'))) {
          for (const link of links as { href: string; title: string }[]) {
            expect(link.href, rel).toMatch(/^http:\/\/localhost:3000\//);
            expect(link.title.length, rel).toBeGreaterThan(3);
          }
        }
      }
      expect(linkset[0]['https://gs1.org/voc/traceability'][0].href).toBe(`${BASE}/api/v1/public/trace/${code}`);
      expect(linkset[1]['https://gs1.org/voc/pip'][0].href).toBe(`${BASE}/p/${GTIN}`);
    }
    // The same for a client that asks by media type, with the JSON-LD context named in a Link header.
    const accept = await get(dl, { accept: 'application/linkset+json' });
    expect(accept.statusCode).toBe(200);
    expect(accept.headers.link).toContain('rel="http://www.w3.org/ns/json-ld#context"');
  });

  it('SHOULD expose the linkset in a Link header, even when redirecting', async () => {
    expect((await get(dl)).headers.link).toBe(`<${BASE}${dl}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`);
  });

  it('SHALL recognise one default link and redirect to it unless the request asks for something better', async () => {
    const res = await get(dl);
    expect(res.headers.location).toBe(`/t/${code}`);
    const linkset = (await get(`${dl}?linkType=linkset`)).json().linkset;
    for (const level of linkset) expect(level['https://gs1.org/voc/defaultLink']).toHaveLength(1);
    // A link type nobody publishes gets the default.
    expect((await get(`${dl}?linkType=gs1:recipeInfo`)).headers.location).toMatch(new RegExp(`^/t/${code}\\?`));
  });

  it('SHALL redirect to the requested linkType if available, in any of the GS1 vocabulary forms, walking up to the GTIN for a type only it has', async () => {
    expect((await get(`${dl}?linkType=gs1:traceability`)).headers.location).toBe(`/api/v1/public/trace/${code}?linkType=gs1:traceability`);
    expect((await get(`${dl}?linkType=https://gs1.org/voc/traceability`)).headers.location).toMatch(/^\/api\/v1\/public\/trace\//);
    expect((await get(`${dl}?linkType=https://ref.gs1.org/voc/pip`)).headers.location).toMatch(new RegExp(`^/t/${code}\\?`));
    expect((await get(`/01/${GTIN}?linkType=gs1:traceability`)).headers.location).toMatch(new RegExp(`^/p/${GTIN}\\?`));
  });

  it('SHALL pass on all key=value pairs of the query string when redirecting', async () => {
    expect((await get(`${dl}?foo=bar&lang=en`)).headers.location).toBe(`/t/${code}?foo=bar&lang=en`);
    expect((await get(`/01/${GTIN}?utm_source=label`)).headers.location).toBe(`/p/${GTIN}?utm_source=label`);
  });

  it('SHALL provide a resolver description file at /.well-known/gs1resolver', async () => {
    const res = await get('/.well-known/gs1resolver');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({
      resolverRoot: BASE,
      supportedPrimaryKeys: ['01'],
      supportedLinkType: [{ namespace: 'https://gs1.org/voc/', prefix: 'gs1:' }],
      linkTypeDefaultCanBeLinkset: false,
    });
  });

  it('SHALL support all key qualifiers of the GTIN: an unknown lot, a CPV or a serial walks up the tree', async () => {
    // An unknown lot: the product's page, which says this lot is none of its batches.
    const unknown = await get(`/01/${GTIN}/10/KL8G`);
    expect(unknown.statusCode).toBe(307);
    expect(unknown.headers.location).toBe(`/p/${GTIN}?lot=KL8G`);
    const page = await get(unknown.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('寿光番茄');
    expect(page.body).toContain('批号“KL8G”未在平台登记');
    // A serial or a CPV is nothing Tracenet records: the batch (or the product) answers for it.
    expect((await get(`${dl}/21/ABC123`)).headers.location).toBe(`/t/${code}`);
    expect((await get(`/01/${GTIN}/22/2A/10/${code}/21/9`)).headers.location).toBe(`/t/${code}`);
    expect((await get(`/01/${GTIN}/21/9`)).headers.location).toBe(`/p/${GTIN}`);
  });

  it('the GTIN level has a page of its own: the product, its maker and the box for the batch code', async () => {
    const res = await get(`/01/${GTIN}`);
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe(`/p/${GTIN}`);
    const page = await get(`/p/${GTIN}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    for (const words of ['寿光番茄', '乐义', '5kg/箱', '寿光市', 'action="/t"']) expect(page.body).toContain(words);
    expect(page.body).not.toContain('未在平台登记');
    // The page names a lot unknown only when it is: a real batch of the product goes to its own page.
    expect((await get(`/p/${GTIN}?lot=${code}`)).headers.location).toBe(`/t/${code}`);
    expect((await get(`/p/${GTIN}?lang=en`)).body).toContain('Product information');
    expect((await get('/p/06901234567885')).statusCode).toBe(404);
    expect((await get('/p/123')).statusCode).toBe(400);
  });

  it('SHOULD tolerate a trailing slash: the same answer with or without', async () => {
    for (const url of [dl, `/01/${GTIN}`]) {
      const a = await get(url);
      const b = await get(`${url}/`);
      expect(b.statusCode, url).toBe(a.statusCode);
      expect(b.headers.location, url).toBe(a.headers.location);
    }
  });

  it('recognises only the GS1 namespace for link types, and publishes no type of its own that duplicates one of GS1', async () => {
    const { linkset } = (await get(`${dl}?linkType=linkset`)).json();
    for (const level of linkset) for (const key of Object.keys(level).filter((k) => k !== 'anchor' && k !== 'description')) expect(key).toMatch(/^https:\/\/gs1\.org\/voc\/[a-zA-Z]+$/);
  });

  it('SHALL decompress a compressed URI and expose the uncompressed one in a Link header (rel owl:sameAs)', async () => {
    const res = await get(`/${compressLot(GTIN, code)}?foo=bar`);
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe(`/t/${code}?foo=bar`);
    expect(res.headers.link).toContain(`<${BASE}${dl}>; rel="owl:sameAs"`);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    // The linkset of a compressed request speaks of the uncompressed URI.
    expect((await get(`/${compressLot(GTIN, code)}?linkType=linkset`)).json().linkset[0].anchor).toBe(`${BASE}${dl}`);
    // What GS1's toolkit compresses reads back the same: an unknown lot with an attribute walks up to the product.
    const gs1 = await get(compressedByGs1(`/01/${GTIN}/10/KL8G?17=261231`));
    expect(gs1.statusCode).toBe(307);
    expect(gs1.headers.location).toBe(`/p/${GTIN}?17=261231&lot=KL8G`);
    expect(gs1.headers.link).toContain(`<${BASE}/01/${GTIN}/10/KL8G?17=261231>; rel="owl:sameAs"`);
    // The primary key uncompressed, the rest compressed.
    const partial = compressedByGs1(`/01/${GTIN}/10/KL8G`).slice(1);
    expect((await get(`/01/${GTIN}/${compressLot(GTIN, code)}`)).headers.location).toBe(`/t/${code}`);
    expect((await get(`/${partial}`)).headers.location).toBe(`/p/${GTIN}?lot=KL8G`);
    // Bits that are no compression, or a compression of no GTIN, are no page: 404, never the console with 200.
    expect((await get('/AAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    expect((await get(compressedByGs1('/414/6901234567892'))).statusCode).toBe(404);
  });
});

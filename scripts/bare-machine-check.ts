// What a newcomer sees after the README's `npm install && npm start`, checked by `.ci/run` in a fresh clone whose
// process cannot see any system font: the server it was pointed at is up, and a label PDF of the demo batch
// downloads with the product's Chinese name in its text, printed in the packaged Noto Sans SC.
// Usage: tsx scripts/bare-machine-check.ts http://127.0.0.1:PORT
import { DEMO_PASSWORD } from '../src/domains/registry/index.js';
import { pdfText } from '../test/pdf.js';

const base = process.argv[2];
if (!base) throw new Error('usage: tsx scripts/bare-machine-check.ts BASE_URL');

const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'sg-coop', password: DEMO_PASSWORD }),
});
if (login.status !== 200) throw new Error(`login as sg-coop answered ${login.status}: ${await login.text()}`);
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

const list = await fetch(`${base}/api/v1/trace/batches`, { headers: { cookie } });
const batches = ((await list.json()) as { items: { id: string; productName: string; code: string }[] }).items;
const batch = batches[0];
if (!batch) throw new Error('the demo producer sg-coop has no batch: the first start did not record the demo trace');

const label = await fetch(`${base}/api/v1/trace/batches/${batch.id}/label?format=pdf&layout=a4`, { headers: { cookie } });
const pdf = Buffer.from(await label.arrayBuffer());
if (label.status !== 200 || pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error(`the label answered ${label.status}: ${pdf.subarray(0, 300).toString()}`);
const text = (await pdfText(pdf)).replace(/\s+/g, '');
const font = /\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/.exec(pdf.toString('latin1'))?.[1] ?? null;
const figures = { bench: 'bare-machine', product: batch.productName, code: batch.code, pdf_bytes: pdf.length, font, name_in_text: text.includes(batch.productName) };
console.log(JSON.stringify(figures));
if (!figures.name_in_text) throw new Error(`the label's text does not contain ${batch.productName}: ${text.slice(0, 200)}`);
if (!font?.startsWith('NotoSansSC')) throw new Error(`the label is printed in ${font}, not the packaged Noto Sans SC`);

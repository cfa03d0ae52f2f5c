import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { prepareDatabase } from '../src/bootstrap.js';
import { DEMO_PASSWORD } from '../src/domains/registry/index.js';
import { HASH_CONCURRENCY } from '../src/domains/registry/subjects/import.service.js';
import { subjects, users } from '../src/domains/registry/schema.js';
import { encryptedRegistration } from '../src/domains/registry/subjects/subject.registration.js';
import { createPii } from '../src/platform/pii/pii.js';
import { loadConfig } from '../src/platform/config.js';
import { openPglite, openPostgres, type Database } from '../src/platform/db/client.js';
import { createLogger } from '../src/platform/logger.js';
import { adminQuery, withDatabase } from '../test/template.js';
import { fillImportTemplate, importRow, multipart } from '../test/subjects.js';

/**
 * County bulk import (批量导入): a 2,000-row workbook uploaded by the county of 寿光市 into a fresh PGlite, and
 * into a fresh database on the PostgreSQL server of DATABASE_URL / TEST_DATABASE_URL when one is set.
 * The baseline, in the same run and database, is the floor of the write: the same subjects and accounts as bare
 * multi-row INSERTs (already encrypted, no checks, no hashing, no audit), rolled back. The budget judges what
 * the import adds — reading the workbook, checking every row, hashing the initial passwords, the status events
 * and the hash-chained audit entries — as a multiple of that floor.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const BUDGET = { max_ratio_to_plain_insert: 8 };
const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-bench-import-'));
const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: 'bench-secret-key-bench-secret-key-0123456789', DEMO_SEED: 'yes', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Figures = { elapsed_ms: number; round_trip_ms: number; rows_per_s: number; timings: Record<string, number>; prepare_ms: number };

async function importInto(database: Database): Promise<Figures> {
  const prepared = performance.now();
  await prepareDatabase(database, config);
  const prepare_ms = Math.round(performance.now() - prepared);
  const app = await buildApp(config, database, createLogger('silent'));
  try {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'sg-admin', password: DEMO_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    const headers = { cookie: `tn_session=${login.cookies.find((c) => c.name === 'tn_session')!.value}`, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
    const template = await app.inject({ method: 'GET', url: '/api/v1/registry/imports/template.xlsx', headers });
    const file = await fillImportTemplate(template.rawPayload, Array.from({ length: ROWS }, (_, i) => importRow(i + 1)));
    const body = multipart(file, 'subjects.xlsx', XLSX);
    const started = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/v1/registry/imports', payload: body.payload, headers: { ...headers, ...body.headers } });
    const round_trip_ms = Math.round(performance.now() - started);
    if (res.statusCode !== 201) throw new Error(`import: ${res.statusCode} ${res.body.slice(0, 2000)}`);
    const result = res.json<{ registered: number; elapsedMs: number; timings: Record<string, number> }>();
    if (result.registered !== ROWS) throw new Error(`registered ${result.registered} of ${ROWS}`);
    return { elapsed_ms: result.elapsedMs, round_trip_ms, rows_per_s: Math.round((ROWS / result.elapsedMs) * 1000), timings: result.timings, prepare_ms };
  } finally {
    await app.close();
  }
}

class Rollback extends Error {}

/** ROWS subjects with their main accounts as plain multi-row INSERTs in one transaction, then rolled back. */
async function plainInsertBaseline(database: Database): Promise<number> {
  const pii = createPii(config.secretKey);
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const r = importRow(i + 1);
    return encryptedRegistration(pii, {
      category: Number(String(r.category).slice(0, 1)),
      orgForm: Number(String(r.orgForm).slice(0, 1)),
      name: String(r.name),
      industries: ['planting'],
      scale: Number(r.scale),
      scaleUnit: String(r.scaleUnit),
      annualOutput: Number(r.annualOutput),
      outputUnit: String(r.outputUnit),
      idKind: String(r.idKind).split(' ')[0]!,
      // Another identity (the import rows hold the originals) of the same 18 characters.
      idNumber: `B${String(r.idNumber).slice(1)}`,
      legalRep: String(r.legalRep),
      phone: String(r.phone),
      photos: [],
      townshipCode: '370783100',
      address: String(r.address),
      lat: Number(r.lat),
      lng: Number(r.lng),
    });
  });
  const started = performance.now();
  try {
    await database.db.transaction(async (tx) => {
      for (let c = 0; c < rows.length; c += 500) {
        const chunk = rows.slice(c, c + 500);
        const ids = await tx
          .insert(subjects)
          .values(chunk.map((v) => ({ ...v, status: 'active' })))
          .returning({ id: subjects.id });
        await tx.insert(users).values(ids.map((s, k) => ({ username: `base${c + k}`, displayName: 'x', passwordHash: 'x', subjectId: s.id, accountNo: 1, role: 'admin' })));
      }
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return Math.round(performance.now() - started);
}

function report(kind: string, f: Figures, baseline: number) {
  const ratio = Math.round((f.elapsed_ms / baseline) * 10) / 10;
  console.log(
    `${kind}: ${ROWS} rows imported in ${f.elapsed_ms} ms (${f.rows_per_s} rows/s; read ${f.timings.readMs}, check ${f.timings.checkMs}, ` +
      `hash ${f.timings.hashMs}, write ${f.timings.writeMs} ms; round trip ${f.round_trip_ms} ms); plain INSERTs of the same rows ${baseline} ms → ${ratio}×`,
  );
  return { ...f, plain_insert_ms: baseline, ratio };
}

try {
  console.log(`${ROWS} rows, password-hash concurrency ${HASH_CONCURRENCY}`);
  const pglite = await openPglite(undefined);
  let pgliteFigures;
  try {
    pgliteFigures = report('pglite', await importInto(pglite), await plainInsertBaseline(pglite));
  } finally {
    await pglite.close();
  }
  let postgresFigures = null;
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `tn_bench_import_${randomBytes(4).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${name}`);
    try {
      const pg = await openPostgres(withDatabase(url, name), 5);
      try {
        postgresFigures = report('postgres', await importInto(pg), await plainInsertBaseline(pg));
      } finally {
        await pg.close();
      }
    } finally {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name}`);
    }
  } else {
    console.log('postgres: skipped (set DATABASE_URL or TEST_DATABASE_URL)');
  }
  const ratios = [pgliteFigures.ratio, postgresFigures?.ratio].filter((r): r is number => r !== undefined);
  const pass = ratios.every((r) => r <= BUDGET.max_ratio_to_plain_insert);
  console.log(JSON.stringify({ bench: 'registry-import', rows: ROWS, hash_concurrency: HASH_CONCURRENCY, pglite: pgliteFigures, postgres: postgresFigures, budget: BUDGET, pass }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

import { createHash, randomInt, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { AgencyActor, CommandContext } from '../../../platform/auth/actor.js';
import { hashGeneratedPassword } from '../../../platform/auth/password.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { username as usernameSchema } from '../contracts.js';
import type { RegistryDeps } from '../deps.js';
import type { ImportProblem, ImportResult, ImportRowReport } from './import.contracts.js';
import { readImportSheet, type CellValue, type SheetRow } from './import.sheet.js';
import {
  CATEGORY_LABELS,
  columnByKey,
  credentialsWorkbook,
  ID_KIND_LABELS,
  IMPORT_COLUMNS,
  importTemplate,
  INDUSTRY_LABELS,
  ORG_FORM_LABELS,
  type Credential,
  type ImportField,
} from './import.template.js';
import { passwordProblems } from '../accounts/password-rules.shared.js';
import { subjectProfileIn } from './subject.contracts.js';
import { subjectError } from './subject.errors.js';
import { loadRegionFacts } from './subject.queries.js';
import { registerSubjects, type RegistrationData } from './subject.registration.js';
import { ownDepartment } from '../departments.js';
import { profileProblems, type Problem, type RegionFacts } from './subject.rules.js';
import { regionName, townshipsOf } from '../../regions/index.js';
import { takenIdentitiesAndLogins } from './import.queries.js';

/** A row of the file is validated as the wizard's form, without photos, with a login name. */
const importRowIn = subjectProfileIn.omit({ photos: true }).extend({ username: usernameSchema });
type ImportRow = ReturnType<typeof importRowIn.parse>;

/** At most this many rows are listed in a refusal; badRowCount gives the total. */
const MAX_LISTED_ROWS = 500;

/** The county supervision agency importing, and its county code. */
function importingCounty(ctx: CommandContext): AgencyActor {
  const actor = agencyActorIn(ctx);
  if (actor.agency.kind !== 'supervision' || actor.agency.level !== 'county') throw subjectError('IMPORT_NOT_COUNTY');
  return actor;
}

/** The template of the actor's county: its township codes in a pick list. */
export async function countyImportTemplate(deps: RegistryDeps, ctx: CommandContext): Promise<Buffer> {
  const actor = importingCounty(ctx);
  const county = actor.agency.regionCode;
  const [name, townships] = await Promise.all([regionName(deps.db, county), townshipsOf(deps.db, county)]);
  return importTemplate({ code: county, name: name ?? actor.agency.name, townships });
}

// ---- From cells to the wizard's fields ---------------------------------------------------------------------

const text = (v: CellValue) => (v === undefined ? undefined : typeof v === 'number' ? String(v) : v);
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const num = (v: CellValue) => (typeof v === 'string' && NUMBER.test(v) ? Number(v) : v);
/** "0", 0, "0 生产" or "生产" → 0; anything else is passed on for the schema to refuse. */
function coded(v: CellValue, labels: { zh: string; en: string }[]): CellValue {
  if (typeof v !== 'string') return v;
  const lead = /^(\d+)(?:\s|$|[^\d.])/.exec(v)?.[1];
  if (lead !== undefined) return Number(lead);
  const i = labels.findIndex((l) => l.zh === v || l.en.toLowerCase() === v.toLowerCase());
  return i >= 0 ? i : v;
}
/** "resident_id 居民身份证", "居民身份证" or "身份证" → resident_id. */
function keyed(v: CellValue, labels: Record<string, { zh: string; en: string }>, aliases: Record<string, string> = {}): CellValue {
  if (typeof v !== 'string') return v;
  const lead = v.split(/\s+/)[0]!.toLowerCase();
  if (lead in labels) return lead;
  const found = Object.entries(labels).find(([, l]) => l.zh === v || l.en.toLowerCase() === v.toLowerCase());
  return found?.[0] ?? aliases[v] ?? v;
}
/** "planting, livestock", "种植、畜牧" → ['planting', 'livestock']. */
function industries(v: CellValue): unknown {
  if (v === undefined) return undefined;
  const parts = String(v)
    .split(/[,，、;；/\s]+/)
    .filter(Boolean)
    .map((p) => keyed(p, INDUSTRY_LABELS));
  return [...new Set(parts)];
}
/** A unit as its code: "mu 亩" → mu. */
const unit = (v: CellValue) => (typeof v === 'string' ? v.split(/\s+/)[0]!.toLowerCase() : v);
/** "370783100 化龙镇" (the template's pick list) or 370783100 → "370783100". */
function township(v: CellValue): string | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  return /^(\d{9})(?!\d)/.exec(s)?.[1] ?? s;
}

function candidate(cells: Record<ImportField, CellValue>): Record<string, unknown> {
  const townshipCode = township(cells.townshipCode);
  return {
    name: text(cells.name),
    category: coded(cells.category, CATEGORY_LABELS),
    orgForm: coded(cells.orgForm, ORG_FORM_LABELS),
    idKind: keyed(cells.idKind, ID_KIND_LABELS, { 身份证: 'resident_id', 信用代码: 'uscc' }),
    idNumber: text(cells.idNumber),
    legalRep: text(cells.legalRep),
    phone: text(cells.phone),
    industries: industries(cells.industries),
    scale: num(cells.scale),
    scaleUnit: unit(cells.scaleUnit),
    annualOutput: num(cells.annualOutput),
    outputUnit: unit(cells.outputUnit),
    provinceCode: townshipCode?.slice(0, 2),
    countyCode: townshipCode?.slice(0, 6),
    townshipCode,
    address: text(cells.address),
    lat: num(cells.lat),
    lng: num(cells.lng),
    username: text(cells.username),
  };
}

// ---- Checking rows -----------------------------------------------------------------------------------------

const COLUMN_ORDER = new Map<string, number>(IMPORT_COLUMNS.map((c, i) => [c.key, i]));
/** Province and county are derived from the township code: their problems are the township column's. */
const reportedField = (field: string) => (field === 'provinceCode' || field === 'countyCode' ? 'townshipCode' : field);
/** The fields each rule of profileProblems reads, keyed by the field the rule reports. */
const RULE_INPUTS: Record<string, ImportField[]> = {
  idKind: ['orgForm', 'idKind'],
  idNumber: ['idKind', 'idNumber'],
  scaleUnit: ['industries', 'scaleUnit'],
  outputUnit: ['industries', 'outputUnit'],
  countyCode: ['townshipCode'],
  townshipCode: ['townshipCode'],
  lat: ['lat', 'lng'],
};
/** Stand-ins for values the schema refused, so the other rules can still run on the rest of the row. */
const STAND_IN: Partial<Record<ImportField, unknown>> = { category: -1, orgForm: -1, industries: [], scale: 0, annualOutput: 0, lat: Number.NaN, lng: Number.NaN };

function problem(field: string, code: Problem['code'], details: Record<string, unknown> = {}): ImportProblem {
  return { field, code, message: subjectError(code, { ...details, field }).messages };
}

function valueProblem(field: ImportField, missing: boolean, expect?: { zh: string; en: string }): ImportProblem {
  const c = columnByKey.get(field)!;
  const details = { column: `${c.zh} (${c.key})`, columnEn: c.en === c.key ? c.key : `${c.en} (${c.key})`, expect: (expect ?? c.expect).zh, expectEn: (expect ?? c.expect).en };
  return problem(field, missing ? 'IMPORT_VALUE_MISSING' : 'IMPORT_VALUE_INVALID', details);
}

type CheckedRow = { row: number; problems: ImportProblem[]; data?: ImportRow; idNumber?: string; username?: string };

/** Every problem one row has on its own: the schema, then the wizard's rules on whatever the schema let pass. */
function checkRow(sheetRow: SheetRow, facts: RegionFacts, county: string, today: Date): CheckedRow {
  const input = candidate(sheetRow.cells);
  const problems: ImportProblem[] = [];
  const invalid = new Set<ImportField>();
  const parsed = importRowIn.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = reportedField(String(issue.path[0] ?? '')) as ImportField;
      if (!columnByKey.has(field) || invalid.has(field)) continue;
      invalid.add(field);
      problems.push(valueProblem(field, input[field] === undefined));
    }
  }
  // An 18-digit number in a General cell has lost its last digits (Excel keeps 15): say so, not "check character".
  if (typeof sheetRow.cells.idNumber === 'number' && !invalid.has('idNumber')) {
    invalid.add('idNumber');
    problems.push(valueProblem('idNumber', false, { zh: '文本格式的号码（该单元格为数字格式，Excel 只保留 15 位有效数字）', en: 'text (this cell is a number, and Excel keeps only 15 digits)' }));
  }
  const fields = parsed.success ? parsed.data : ({ ...input } as Record<string, unknown>);
  for (const f of invalid) fields[f as keyof typeof fields] = (STAND_IN[f] ?? '') as never;
  if (invalid.has('townshipCode')) Object.assign(fields, { provinceCode: '', countyCode: '' });
  const townshipCode = invalid.has('townshipCode') ? undefined : String(fields.townshipCode);
  const outside = townshipCode !== undefined && !townshipCode.startsWith(county);
  let identityOk = !invalid.has('idNumber') && !invalid.has('idKind');
  for (const p of profileProblems(fields as ImportRow, facts, today)) {
    const inputs = RULE_INPUTS[p.field];
    if (inputs ? inputs.some((f) => invalid.has(f)) : invalid.size > 0) continue;
    if (p.field === 'idNumber') identityOk = false;
    const field = reportedField(p.field);
    // Outside the county, that is the one thing to say about the township.
    if (outside && field === 'townshipCode') continue;
    problems.push(problem(field, p.code, p.details));
  }
  if (outside) problems.push(problem('townshipCode', 'IMPORT_OUTSIDE_COUNTY', { countyCode: county }));
  return {
    row: sheetRow.row,
    problems,
    ...(parsed.success && problems.length === 0 ? { data: parsed.data } : {}),
    ...(identityOk ? { idNumber: String(fields.idNumber).trim().toUpperCase() } : {}),
    ...(invalid.has('username') ? {} : { username: String(fields.username) }),
  };
}

/** Problems between rows and with the database: repeated identities and logins, registered or pending ones. */
async function crossCheck(deps: RegistryDeps, rows: CheckedRow[]): Promise<void> {
  const hashOf = new Map<CheckedRow, string>();
  for (const r of rows) if (r.idNumber) hashOf.set(r, deps.pii.hash(r.idNumber));
  const hashes = [...new Set(hashOf.values())];
  const names = [...new Set(rows.flatMap((r) => (r.username ? [r.username.toLowerCase()] : [])))];
  const { registered: registeredSet, pending: pendingSet, takenLogins: takenSet } = await takenIdentitiesAndLogins(deps.db, hashes, names);
  const firstById = new Map<string, number>();
  const firstByName = new Map<string, number>();
  for (const r of rows) {
    const extra: ImportProblem[] = [];
    const h = hashOf.get(r);
    if (h) {
      const first = firstById.get(h);
      if (first !== undefined) extra.push(problem('idNumber', 'IMPORT_DUPLICATE_ID', { firstRow: first }));
      else firstById.set(h, r.row);
      if (registeredSet.has(h)) extra.push(problem('idNumber', 'IDENTITY_REGISTERED'));
      else if (pendingSet.has(h)) extra.push(problem('idNumber', 'IDENTITY_PENDING'));
    }
    if (r.username) {
      const u = r.username.toLowerCase();
      const first = firstByName.get(u);
      if (first !== undefined) extra.push(problem('username', 'IMPORT_DUPLICATE_USERNAME', { firstRow: first }));
      else firstByName.set(u, r.row);
      if (takenSet.has(u)) extra.push(problem('username', 'USERNAME_TAKEN', { username: r.username }));
    }
    if (extra.length) {
      r.problems.push(...extra);
      delete r.data;
    }
  }
  for (const r of rows) r.problems.sort((a, b) => (COLUMN_ORDER.get(a.field) ?? 99) - (COLUMN_ORDER.get(b.field) ?? 99));
}

// ---- Initial passwords -------------------------------------------------------------------------------------

// Readable: no 0/O, 1/l/I. 12 of 55 characters is about 69 bits, and the holder must change it at first login.
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function initialPassword(username: string): string {
  for (;;) {
    let p = '';
    for (let i = 0; i < 12; i++) p += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    if (!passwordProblems(p, username).length) return p;
  }
}

/**
 * Argon2 runs on libuv's thread pool (4 threads by default): use up to one per core but at most three, so a
 * long import leaves a thread for the logins of everyone else.
 */
export const HASH_CONCURRENCY = Math.max(1, Math.min(availableParallelism(), 3));

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// ---- The import --------------------------------------------------------------------------------------------

/**
 * 批量导入: reads the county's workbook, checks every row by the wizard's rules and against the database, and
 * either refuses the file (422 IMPORT_ROWS_INVALID listing every bad row, nothing written) or registers all
 * rows as active subjects in one transaction, each with a main account that must change its initial password.
 */
export async function importSubjects(deps: RegistryDeps, ctx: CommandContext, bytes: Buffer, filename = ''): Promise<ImportResult> {
  const started = performance.now();
  const actor = importingCounty(ctx);
  const county = actor.agency.regionCode;
  const sheetRows = await readImportSheet(bytes);
  const readMs = performance.now() - started;

  const codes = sheetRows.flatMap((r) => {
    const t = township(r.cells.townshipCode);
    return t && /^\d{9}$/.test(t) ? [t, t.slice(0, 6)] : [];
  });
  const facts = await loadRegionFacts(deps.db, codes);
  const today = new Date();
  const checked = sheetRows.map((r) => checkRow(r, facts, county, today));
  await crossCheck(deps, checked);
  const bad: ImportRowReport[] = checked.filter((r) => r.problems.length).map((r) => ({ row: r.row, problems: r.problems }));
  if (bad.length) {
    throw subjectError('IMPORT_ROWS_INVALID', { badRowCount: bad.length, rowCount: checked.length, rows: bad.slice(0, MAX_LISTED_ROWS) });
  }
  const checkMs = performance.now() - started - readMs;

  const rows = checked.map((r) => ({ row: r.row, data: r.data! }));
  const passwords = rows.map((r) => initialPassword(r.data.username));
  const hashes = await mapLimit(passwords, HASH_CONCURRENCY, hashGeneratedPassword);
  const hashMs = performance.now() - started - readMs - checkMs;

  const importId = randomUUID();
  // The response carries the initial passwords, so it must never be stored for an Idempotency-Key replay; a
  // repeated import is refused anyway, row by row, as already registered.
  const txCtx: CommandContext = { ...ctx, meta: { ...ctx.meta, idempotency: undefined } };
  const claimed = await withTransaction(deps.db, txCtx, async (tx) => {
    const items = rows.map((r, i) => ({
      data: toRegistration(r.data),
      account: { username: r.data.username, passwordHash: hashes[i]!, mustChangePassword: true },
    }));
    const result = await registerSubjects(tx, deps.pii, txCtx, items, { via: 'import', importId, department: ownDepartment(actor) });
    await recordAudit(tx, txCtx, {
      action: 'subject.import',
      targetType: 'subject_import',
      targetId: importId,
      regionCode: county,
      after: {
        rows: rows.length,
        registered: rows.length,
        claimed: result.claimed,
        filename: filename.slice(0, 200),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    });
    return result.claimed;
  });
  const writeMs = performance.now() - started - readMs - checkMs - hashMs;
  const elapsedMs = Math.round(performance.now() - started);

  const credentials: Credential[] = rows.map((r, i) => ({ row: r.row, name: r.data.name, username: r.data.username, initialPassword: passwords[i]! }));
  const countyName = actor.agency.name;
  return {
    importId,
    registered: rows.length,
    claimed,
    elapsedMs,
    timings: { readMs: Math.round(readMs), checkMs: Math.round(checkMs), hashMs: Math.round(hashMs), writeMs: Math.round(writeMs) },
    credentials,
    credentialsXlsx: (await credentialsWorkbook(countyName, credentials)).toString('base64'),
  };
}

function toRegistration(r: ImportRow): RegistrationData {
  return {
    category: r.category,
    orgForm: r.orgForm,
    name: r.name,
    industries: r.industries,
    scale: r.scale,
    scaleUnit: r.scaleUnit,
    annualOutput: r.annualOutput,
    outputUnit: r.outputUnit,
    idKind: r.idKind,
    idNumber: r.idNumber,
    legalRep: r.legalRep,
    phone: r.phone,
    photos: [],
    townshipCode: r.townshipCode,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
  };
}

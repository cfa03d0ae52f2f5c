import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { countyNames } from '../registry/index.js';
import { mod1110Valid } from './check-digit.js';
import { describeCode, PRODUCT_CODE_TYPES, type ProductCodeType } from './codes.js';
import type { PublicTraceOut } from './public-trace.contracts.js';
import { existingBatchCodes, issuedCodes, publicChain, type PublicChainRow } from './public-trace.queries.js';
import type { LookupCounter } from './public-lookups.js';

// 消费查询: what anyone scanning a label learns of a code — product, producer, batch, the chain hop by hop — and
// the warnings that matter to a buyer. Public facts only (public-trace.queries.ts strips the rest in SQL).

export type PublicTraceDeps = { db: Db; config: Config; lookups: LookupCounter };

export type PublicLookup =
  | { kind: 'found'; facts: PublicTraceOut }
  /** Well-formed but no batch carries it (`issued`: a print run's code not yet used). */
  | { kind: 'unknown'; code: string; issued: boolean }
  /** A product code with a wrong check digit, with the batch codes one corrected digit away. */
  | { kind: 'mistyped'; code: string; suggestions: string[] }
  /** Not a product code at all. */
  | { kind: 'invalid'; code: string };

/** Batch statuses that warn the public (set by monitoring and recalls). */
const ALERT_STATUSES: Record<string, 'BATCH_FAILED' | 'BATCH_RECALLED'> = { failed: 'BATCH_FAILED', recalled: 'BATCH_RECALLED' };

export const WARNING_TEXT: Record<PublicTraceOut['warnings'][number]['code'], { zh: string; en: string }> = {
  CODE_UNKNOWN: { zh: '平台上没有这个追溯码,请核对标签', en: 'This code is not on the platform; check the label' },
  CODE_MISTYPED: { zh: '追溯码校验位不符,可能输错了一位', en: 'The check digit does not match: a digit was probably mistyped' },
  PRODUCER_SUSPENDED: { zh: '该产品链条上有主体已被暂停', en: 'A business in this product’s chain has been suspended' },
  BATCH_FAILED: { zh: '该批次(或其来源)检测不合格', en: 'This batch (or one it came from) failed a test' },
  BATCH_RECALLED: { zh: '该批次(或其来源)已被召回', en: 'This batch (or one it came from) has been recalled' },
  SELF_CHECK_FAILED: { zh: '生产者自检结果为不合格', en: 'The producer’s own check found it unfit' },
  OFTEN_LOOKED_UP: { zh: '此码被查询次数异常多,可能是复制的标签', en: 'This code has been looked up unusually often: the label may be a copy' },
};

const codeTypeText = (code: string) => {
  const t = PRODUCT_CODE_TYPES[Number(code[0]) as ProductCodeType];
  return { zh: t.zh, en: t.en };
};

/** Resolves what a consumer scanned or typed, and counts the look-up of a code that exists. */
export async function lookupPublicTrace(deps: PublicTraceDeps, input: string): Promise<PublicLookup> {
  const d = describeCode(input);
  if (d.kind === 'invalid' && d.problem === 'CHECK_DIGIT') return { kind: 'mistyped', code: d.code, suggestions: await corrections(deps.db, d.code) };
  if (d.kind !== 'product') return { kind: 'invalid', code: d.code };
  const rows = await publicChain(deps.db, d.code);
  if (!rows.length) return { kind: 'unknown', code: d.code, issued: (await issuedCodes(deps.db, [d.code])).has(d.code) };
  const pending = deps.lookups.count(d.code);
  return { kind: 'found', facts: await toFacts(deps, rows, pending) };
}

/** The batch codes one digit away from a code with a wrong check digit: for each position, the one digit that makes it valid. */
async function corrections(db: Db, code: string): Promise<string[]> {
  const candidates: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (let digit = 0; digit <= 9; digit++) {
      const c = code.slice(0, i) + digit + code.slice(i + 1);
      if (c !== code && mod1110Valid(c)) candidates.push(c);
    }
  }
  return (await existingBatchCodes(db, candidates)).map((r) => r.code).slice(0, 3);
}

async function toFacts(deps: PublicTraceDeps, rows: PublicChainRow[], pending: { count: number; firstAt: Date }): Promise<PublicTraceOut> {
  const counties = await countyNames(deps.db);
  const placeOf = (regionCode: string, township?: string | null) => ({
    regionCode,
    name: [regionCode.slice(0, 2), regionCode.slice(0, 4), regionCode.slice(0, 6)]
      .map((c) => counties.get(c))
      .filter((n, i, all) => n && n !== '市辖区' && n !== all[i - 1])
      .concat(township ? [township] : [])
      .join(' '),
  });
  const self = rows[0]!;
  const today = new Date().toISOString().slice(0, 10);
  const origins = rows.filter((r) => (r.source === 'own' || r.source === 'process') && r.subject);
  const producers = origins.map((r) => ({
    name: r.subject!.name,
    county: placeOf(r.subject!.regionCode.slice(0, 6)),
    suspended: r.subject!.status === 'suspended',
    certificates: (r.subject!.certificates ?? []).map((c) => ({ ...c, valid: c.validFrom <= today && today <= c.validTo })),
    pledged: r.certified_at !== null,
  }));
  const chain = [...rows].reverse().map((r) => ({
    hops: r.depth,
    code: r.code,
    codeType: codeTypeText(r.code),
    holderKind: holderKind(r),
    holderName: holderName(r),
    county: placeOf(r.region_code.slice(0, 6)),
    receivedAt: new Date(r.created_at),
    quantity: r.quantity,
    unit: r.unit,
    source: r.source,
    voucher: r.source === 'market_entry' ? { marketKind: r.holder?.marketKind ?? null, stall: r.holder?.stall ?? null } : null,
  }));
  const count = Number(self.lookups ?? 0) + pending.count;
  const firstAt = self.first_lookup_at ? new Date(self.first_lookup_at) : pending.firstAt;

  const warnings = new Set<PublicTraceOut['warnings'][number]['code']>();
  for (const r of rows) {
    const alert = ALERT_STATUSES[r.status];
    if (alert) warnings.add(alert);
    if (r.subject?.status === 'suspended') warnings.add('PRODUCER_SUSPENDED');
  }
  if (self.self_check === 'fail' || origins.some((r) => r.self_check === 'fail')) warnings.add('SELF_CHECK_FAILED');
  // A label is printed once per pack: a code read far more often than its batch has units was probably copied.
  if (count > Math.max(deps.config.publicLookupAlert, 2 * self.quantity)) warnings.add('OFTEN_LOOKED_UP');

  return {
    code: self.code,
    codeType: codeTypeText(self.code),
    product: { name: self.product_name, spec: self.spec, brand: self.brand, gtin: self.gtin, classCode: self.class_code, className: { zh: self.class_zh, en: self.class_en } },
    batch: {
      source: self.source,
      quantity: self.quantity,
      unit: self.unit,
      harvestDate: self.harvest_date ?? origins[0]?.harvest_date ?? null,
      recordedAt: new Date(self.created_at),
      // A bought or processed batch shows the check of the production batch it came from.
      selfCheck: self.source === 'own' ? self.self_check : (origins[0]?.self_check ?? self.self_check),
      status: self.status,
      base: baseOf(rows, placeOf),
    },
    producers,
    chain,
    lookups: { count, firstAt },
    warnings: [...warnings].map((code) => ({ code, message: WARNING_TEXT[code] })),
  };
}

/** Where the goods grew: the base of the batch, or of the production batch it came from. */
function baseOf(rows: PublicChainRow[], placeOf: (code: string, township?: string | null) => { regionCode: string; name: string }) {
  const r = rows.find((x) => x.base_name && x.base_region);
  return r ? { name: r.base_name!, place: placeOf(r.base_region!, r.base_township) } : null;
}

function holderKind(r: PublicChainRow): PublicTraceOut['chain'][number]['holderKind'] {
  if (r.source === 'own') return 'producer';
  if (r.source === 'process') return 'processor';
  if (r.holder?.marketKind || r.source === 'market_entry') return 'market';
  if (r.subject) return r.source === 'purchase' ? 'buyer' : 'holder';
  return 'person';
}

/** A registered holder by its registered name; a person recorded by hand by the family name only (张**). */
function holderName(r: PublicChainRow): string {
  if (r.subject) return r.subject.name;
  const name = r.holder?.name ?? '';
  if (r.holder?.marketKind) return name;
  return name ? name[0] + '*'.repeat(Math.max(1, Math.min(name.length - 1, 3))) : '';
}

export type VerifyResult = { code: string; result: 'valid' | 'issued' | 'unknown' | 'invalid'; productName: string | null; warnings: PublicTraceOut['warnings'][number]['code'][] };

/** 批量核验: up to 1,000 codes at once, each valid (a batch's), issued, unknown or invalid, with its batch's own alert. */
export async function verifyCodes(db: Db, codes: string[]): Promise<VerifyResult[]> {
  const described = codes.map((c) => describeCode(c));
  const wellFormed = [...new Set(described.flatMap((d) => (d.kind === 'product' ? [d.code] : [])))];
  const found = new Map((await existingBatchCodes(db, wellFormed)).map((r) => [r.code, r]));
  const unbound = wellFormed.filter((c) => !found.has(c));
  const issued = await issuedCodes(db, unbound);
  return described.map((d) => {
    if (d.kind !== 'product') return { code: d.code, result: 'invalid', productName: null, warnings: d.kind === 'invalid' && d.problem === 'CHECK_DIGIT' ? ['CODE_MISTYPED'] : [] };
    const b = found.get(d.code);
    if (!b) return { code: d.code, result: issued.has(d.code) ? 'issued' : 'unknown', productName: null, warnings: issued.has(d.code) ? [] : ['CODE_UNKNOWN'] };
    const alert = ALERT_STATUSES[b.status];
    return { code: d.code, result: 'valid', productName: b.product_name, warnings: alert ? [alert] : [] };
  });
}

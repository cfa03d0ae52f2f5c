import type { OutsideEvents } from './public-trace.outside.js';
import type { Config } from '../../../platform/config.js';
import { maskPersonName, NATURAL_PERSON_ORG_FORM } from '../../../platform/pii/pii.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { chinaDay } from '../../../platform/china-time.js';
import type { PublicSubjectFacts, PublicSubjects } from '../../registry/index.js';
import { countyNames } from '../../regions/index.js';
import { mod1110Valid } from '../codes/check-digit.js';
import { describeCode, PRODUCT_CODE_TYPES, type ProductCodeType } from '../codes/codes.js';
import type { PublicSampleResult, PublicTraceOut } from './public-trace.contracts.js';
import { batchCodeOfAlias, batchCodesOfAliases, type AliasHit } from '../aliases/index.js';
import { chainCertificates, existingBatchCodes, issuedCodes, publicChain, type ChainCertificate, type PublicChain, type PublicHop } from './public-trace.queries.js';
import type { LookupCounter } from './public-lookups.js';

// 消费查询: what anyone scanning a label learns of a code — product, producer, batch, the chain hop by hop — and
// the warnings that matter to a buyer. Public facts only (public-trace.queries.ts strips the rest in SQL).

/** The judged samples of some batches, public facts only: monitoring's, injected (trace does not import monitoring). */
export type MonitoringResults = (db: Executor, batchIds: string[]) => Promise<PublicSampleResult[]>;

export type PublicTraceDeps = { db: Db; config: Config; lookups: LookupCounter; subjects: PublicSubjects; monitoringResults?: MonitoringResults; outsideEvents?: OutsideEvents };

export type PublicLookup =
  | { kind: 'found'; facts: PublicTraceOut }
  /** Well-formed but no batch carries it (`issued`: a print run's code not yet used). */
  | { kind: 'unknown'; code: string; issued: boolean }
  /** A product code with a wrong check digit, with the batch codes one corrected digit away. */
  | { kind: 'mistyped'; code: string; suggestions: string[] }
  /** Not a product code at all. */
  | { kind: 'invalid'; code: string };

/** Batch statuses that warn the public (set by monitoring and recalls). */
const ALERT_STATUSES: Record<string, 'BATCH_FAILED' | 'BATCH_HELD' | 'BATCH_RECALLED'> = { failed: 'BATCH_FAILED', held: 'BATCH_HELD', recalled: 'BATCH_RECALLED' };

export const WARNING_TEXT: Record<PublicTraceOut['warnings'][number]['code'], { zh: string; en: string }> = {
  CODE_UNKNOWN: { zh: '平台上没有这个追溯码，请核对标签', en: 'This code is not on the platform; check the label' },
  CODE_MISTYPED: { zh: '追溯码校验位不符，可能输错了一位', en: 'The check digit does not match: a digit was probably mistyped' },
  PRODUCER_SUSPENDED: { zh: '该产品链条上有主体已被暂停', en: 'A business in this product’s chain has been suspended' },
  BATCH_FAILED: { zh: '该批次（或其来源）检测不合格', en: 'This batch (or one it came from) failed a test' },
  BATCH_HELD: { zh: '同源批次检测不合格，本批次待核查，暂停销售', en: 'A batch of the same origin failed a test: this batch is under review and off sale' },
  BATCH_RECALLED: { zh: '该批次（或其来源）已被召回', en: 'This batch (or one it came from) has been recalled' },
  BATCH_VOIDED: { zh: '该批次记录已由登记者作废', en: 'This batch record was voided by whoever recorded it' },
  SELF_CHECK_FAILED: { zh: '生产者自检结果为不合格', en: 'The producer’s own check found it unfit' },
  OFTEN_LOOKED_UP: { zh: '此码被查询次数异常多，可能是复制的标签', en: 'This code has been looked up unusually often: the label may be a copy' },
};

const codeTypeText = (code: string) => {
  const t = PRODUCT_CODE_TYPES[Number(code[0]) as ProductCodeType];
  return { zh: t.zh, en: t.en };
};

/** Resolves what a consumer scanned or typed, and counts the look-up of a code that exists. */
export async function lookupPublicTrace(deps: PublicTraceDeps, input: string): Promise<PublicLookup> {
  const d = describeCode(input);
  // A foreign code of a batch (a province's own, a national long code) answers for the batch and says so.
  if (d.kind !== 'product') {
    const hit = await batchCodeOfAlias(deps.db, input);
    if (hit) {
      const found = await lookupPublicTrace(deps, hit.code);
      return found.kind === 'found' ? { kind: 'found', facts: { ...found.facts, resolvedFrom: hit.resolvedFrom } } : found;
    }
  }
  if (d.kind === 'invalid' && d.problem === 'CHECK_DIGIT') return { kind: 'mistyped', code: d.code, suggestions: await corrections(deps.db, d.code) };
  if (d.kind !== 'product') return { kind: 'invalid', code: d.code };
  const chain = await publicChain(deps.db, d.code);
  if (!chain) return { kind: 'unknown', code: d.code, issued: (await issuedCodes(deps.db, [d.code])).has(d.code) };
  const pending = deps.lookups.count(d.code);
  const subjects = chain.subject_ids.length ? await deps.subjects.get(chain.subject_ids) : NO_SUBJECTS;
  // Only a chain with a tested batch costs a read of monitoring results; the rest read one column more (tested_at).
  const tested = testedBatches(chain);
  const monitoring = tested && deps.monitoringResults ? await deps.monitoringResults(deps.db, tested) : NO_RESULTS;
  // Likewise only a chain with a certified batch reads the certificate register.
  const certified = certifiedBatches(chain);
  const certificates = certified ? await chainCertificates(deps.db, certified) : NO_CERTIFICATES;
  const facts = publicFacts(chain, subjects, pending, await countyNames(deps.db), deps.config.publicLookupAlert, monitoring, certificates);
  if (deps.outsideEvents) {
    const outside = await deps.outsideEvents(deps.db, [...new Set(facts.chain.map((h) => h.code))]);
    if (outside?.length) facts.outside = outside;
  }
  return { kind: 'found', facts };
}

const NO_RESULTS: PublicSampleResult[] = [];
const NO_CERTIFICATES: ChainCertificate[] = [];

function certifiedBatches(c: PublicChain): string[] | undefined {
  let ids: string[] | undefined;
  if (c.live) for (const b of c.live) if (b.certified_at) (ids ??= []).push(b.id);
  return ids;
}

function testedBatches(c: PublicChain): string[] | undefined {
  let ids: string[] | undefined;
  if (c.live) for (const b of c.live) if (b.tested_at) (ids ??= []).push(b.id);
  return ids;
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

const NO_SUBJECTS: Map<string, PublicSubjectFacts> = new Map();
const isOrigin = (h: PublicHop) => h.source === 'own' || h.source === 'process';

// This is the platform's busiest path: its helpers are module functions, not closures made on every look-up.

/** A county's name as a reader says it (山东省 潍坊市 寿光市), kept per county: a page names three or four. */
const countyNamesCache = new WeakMap<Map<string, string>, Map<string, string>>();
export function countyPlace(counties: Map<string, string>, county: string): string {
  let cache = countyNamesCache.get(counties);
  if (!cache) countyNamesCache.set(counties, (cache = new Map()));
  let name = cache.get(county);
  if (name === undefined) {
    const names: string[] = [];
    for (const code of [county.slice(0, 2), county.slice(0, 4), county]) {
      const n = counties.get(code);
      if (n && n !== '市辖区' && n !== names[names.length - 1]) names.push(n);
    }
    cache.set(county, (name = names.join(' ')));
  }
  return name;
}

function placeOf(counties: Map<string, string>, regionCode: string, township?: string | null) {
  const county = countyPlace(counties, regionCode.slice(0, 6));
  return { regionCode, name: township ? `${county} ${township}` : county };
}

function liveOf(c: PublicChain, id: string) {
  if (c.live) for (const b of c.live) if (b.id === id) return b;
  return undefined;
}

/** The public facts of a found code: its stored chain with what was read live merged in, and the warnings. */
export function publicFacts(
  c: PublicChain,
  subjects: Map<string, PublicSubjectFacts>,
  pending: { count: number; firstAt: number },
  counties: Map<string, string>,
  lookupAlert: number,
  monitoring: PublicSampleResult[] = NO_RESULTS,
  certificates: ChainCertificate[] = NO_CERTIFICATES,
): PublicTraceOut {
  const hops = c.hops;
  const self = hops[0]!;
  const today = new Date().toISOString().slice(0, 10);
  const origins = hops.filter((h) => isOrigin(h) && h.subject_id && subjects.has(h.subject_id));
  const producers = origins.map((h) => {
    const s = subjects.get(h.subject_id!)!;
    return {
      name: publicSubjectName(s),
      county: placeOf(counties, s.regionCode.slice(0, 6)),
      suspended: c.suspended?.includes(h.subject_id!) ?? false,
      certificates: s.certificates.map((cert) => ({ ...cert, valid: cert.validFrom <= today && today <= cert.validTo })),
      pledged: (liveOf(c, h.id)?.certified_at ?? null) !== null,
      priorityFlags: s.priorityFlags,
    };
  });
  const chain = [];
  for (let i = hops.length - 1; i >= 0; i--) {
    const h = hops[i]!;
    chain.push({
      hops: h.depth,
      code: h.code,
      codeType: codeTypeText(h.code),
      holderKind: holderKind(h, subjects),
      holderName: holderName(h, subjects),
      county: placeOf(counties, h.region_code.slice(0, 6)),
      receivedAt: new Date(h.created_at),
      quantity: h.quantity,
      unit: h.unit,
      source: h.source,
      voucher: h.source === 'market_entry' ? { marketKind: h.holder?.marketKind ?? null, stall: h.holder?.stall ?? null } : null,
    });
  }
  const count = Number(c.lookups ?? 0) + pending.count;
  const firstAt = c.first_lookup_at ? new Date(c.first_lookup_at) : new Date(pending.firstAt);

  const warnings = new Set<PublicTraceOut['warnings'][number]['code']>();
  for (const b of c.live ?? []) {
    const alert = ALERT_STATUSES[b.status];
    if (alert) warnings.add(alert);
  }
  // Only the code's own batch can be voided with goods on it: a batch anything took from cannot be voided.
  if (liveOf(c, self.id)?.status === 'voided') warnings.add('BATCH_VOIDED');
  if (c.suspended?.length) warnings.add('PRODUCER_SUSPENDED');
  if (self.self_check === 'fail' || origins.some((h) => h.self_check === 'fail')) warnings.add('SELF_CHECK_FAILED');
  // A label is printed once per pack: a code read far more often than its batch has units was probably copied.
  if (count > Math.max(lookupAlert, 2 * self.quantity)) warnings.add('OFTEN_LOOKED_UP');
  const base = hops.find((x) => x.base_name && x.base_region);
  const selfLive = liveOf(c, self.id);
  const voided = selfLive?.voided_at ? { on: chinaDay(selfLive.voided_at), reason: selfLive.void_reason ?? '' } : null;
  const messages = [...warnings].map((code) => ({ code, message: code === 'BATCH_VOIDED' && voided ? voidedText(voided) : WARNING_TEXT[code] }));

  return {
    code: self.code,
    codeType: codeTypeText(self.code),
    product: { name: self.product_name, spec: self.spec, brand: self.brand, gtin: self.gtin, classCode: self.class_code, className: { zh: self.class_zh, en: self.class_en } },
    batch: {
      source: self.source,
      quantity: self.quantity,
      unit: self.unit,
      harvestDate: self.harvest_date ?? origins[0]?.harvest_date ?? null,
      // The nearest batch of the chain that says its species (a market's voucher batch says what the seller's said).
      animal: hops.map((h) => liveOf(c, h.id)?.animal).find((a) => a) ?? null,
      // 品种 and 产地环境 likewise from the nearest batch that recorded them (a bought batch's are its origin's).
      ...originNotes(c, hops),
      recordedAt: new Date(self.created_at),
      // A bought or processed batch shows the check of the production batch it came from.
      selfCheck: self.source === 'own' ? self.self_check : (origins[0]?.self_check ?? self.self_check),
      status: selfLive?.status ?? 'active',
      voided,
      // Where the goods grew: the base of the batch, or of the production batch it came from.
      base: base ? { name: base.base_name!, place: placeOf(counties, base.base_region!, base.base_township) } : null,
    },
    producers,
    chain,
    monitoring,
    pledgeCertificates: certificates.map((cert) => ({
      number: cert.number,
      batchCode: hops.find((h) => h.id === cert.batch_id)?.code ?? cert.number.slice(0, 20),
      issuerName: subjects.has(cert.subject_id) ? publicSubjectName(subjects.get(cert.subject_id)!) : '',
      issuerRole: cert.issuer_role as 'producer' | 'purchaser',
      basis: cert.basis as PublicTraceOut['pledgeCertificates'][number]['basis'],
      testedItems: cert.tested_items,
      quantity: cert.quantity,
      unit: cert.unit,
      issuedOn: cert.issued_on,
    })),
    lookups: { count, firstAt },
    warnings: messages,
  };
}

function originNotes(c: PublicChain, hops: PublicHop[]) {
  for (const h of hops) {
    const b = liveOf(c, h.id);
    if (b?.variety || b?.soil_note || b?.water_note) return { variety: b.variety ?? null, soilNote: b.soil_note ?? null, waterNote: b.water_note ?? null };
  }
  return { variety: null, soilNote: null, waterNote: null };
}

/** The calendar day in China (UTC+8) of an instant, as the public reads dates. */

function voidedText(v: { on: string; reason: string }) {
  return { zh: `该批次记录已作废（${v.on}，原因：${v.reason}）`, en: `This batch record was voided on ${v.on}: ${v.reason}` };
}

function holderKind(r: PublicHop, subjects: Map<string, PublicSubjectFacts>): PublicTraceOut['chain'][number]['holderKind'] {
  if (r.source === 'own') return 'producer';
  if (r.source === 'process') return 'processor';
  if (r.holder?.marketKind || r.source === 'market_entry') return 'market';
  if (r.subject_id && subjects.has(r.subject_id)) return r.source === 'purchase' ? 'buyer' : 'holder';
  return 'person';
}

/**
 * A registered organisation by its registered name; a natural person, registered (组织形式 个人) or recorded by hand,
 * by the family name only (张**): the same person is shown the same way however the seller recorded them.
 */
function holderName(r: PublicHop, subjects: Map<string, PublicSubjectFacts>): string {
  const subject = r.subject_id ? subjects.get(r.subject_id) : undefined;
  if (subject) return publicSubjectName(subject);
  const name = r.holder?.name ?? '';
  if (r.holder?.marketKind) return name;
  return maskPersonName(name);
}

/** A registered subject's name as anything public shows it: masked when the subject is a natural person. */
export function publicSubjectName(s: Pick<PublicSubjectFacts, 'name' | 'orgForm'>): string {
  return s.orgForm === NATURAL_PERSON_ORG_FORM ? maskPersonName(s.name) : s.name;
}

export type VerifyResult = {
  code: string;
  result: 'valid' | 'issued' | 'unknown' | 'invalid';
  productName: string | null;
  warnings: PublicTraceOut['warnings'][number]['code'][];
  voided: { on: string; reason: string } | null;
  resolvedFrom?: AliasHit['resolvedFrom'] | null;
};

/** 批量核验: up to 1,000 codes at once, each valid (a batch's), issued, unknown or invalid, with its batch's own alert. */
export async function verifyCodes(db: Db, codes: string[]): Promise<VerifyResult[]> {
  const aliases = await batchCodesOfAliases(
    db,
    codes.filter((c) => describeCode(c).kind !== 'product'),
  );
  if (aliases.size) {
    const direct = await verifyCodes(db, codes.map((c) => aliases.get(c.trim())?.code ?? c));
    return direct.map((r, i) => {
      const hit = aliases.get(codes[i]!.trim());
      return hit ? { ...r, code: codes[i]!, resolvedFrom: hit.resolvedFrom } : r;
    });
  }
  const described = codes.map((c) => describeCode(c));
  const wellFormed = [...new Set(described.flatMap((d) => (d.kind === 'product' ? [d.code] : [])))];
  const found = new Map((await existingBatchCodes(db, wellFormed)).map((r) => [r.code, r]));
  const unbound = wellFormed.filter((c) => !found.has(c));
  const issued = await issuedCodes(db, unbound);
  return described.map((d) => {
    if (d.kind !== 'product') return { code: d.code, result: 'invalid', productName: null, warnings: d.kind === 'invalid' && d.problem === 'CHECK_DIGIT' ? ['CODE_MISTYPED'] : [], voided: null };
    const b = found.get(d.code);
    if (!b) return { code: d.code, result: issued.has(d.code) ? 'issued' : 'unknown', productName: null, warnings: issued.has(d.code) ? [] : ['CODE_UNKNOWN'], voided: null };
    const alert = b.status === 'voided' ? 'BATCH_VOIDED' : ALERT_STATUSES[b.status];
    const voided = b.voided_at ? { on: chinaDay(b.voided_at), reason: b.void_reason ?? '' } : null;
    return { code: d.code, result: 'valid', productName: b.product_name, warnings: alert ? [alert] : [], voided };
  });
}

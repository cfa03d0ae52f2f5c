import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../platform/china-time.js';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { regionLevels } from '../../regions/index.js';
import { identityHash, identityProblem, knownIdentities, type ExchangedSubject } from '../../registry/index.js';
import { exchangeTraceFacts, isLongCode, type AliasKind, type ExchangeTrace } from '../../trace/index.js';
import type { DocumentIn } from './contracts.js';
import { ITEM_KINDS, type ItemKind, type ItemProblemCode } from './inbound.shared.js';

// 数据交换: every item of a document checked against the document itself, the client's earlier documents, its scope
// and the platform's tables, before anything is written. One bad item refuses the whole document; the report names
// every bad item (its kind, index and the platform's own id).

export type ItemProblem = { kind: ItemKind; index: number; id: string; code: ItemProblemCode; field?: string; details?: Record<string, unknown> };
export type ItemRecord = { kind: ItemKind; foreignId: string; localId: string; detail?: Record<string, unknown> };
export type Plan = { subjects: ExchangedSubject[]; trace: ExchangeTrace; items: ItemRecord[]; unchanged: number };
export type Checked = { ok: true; plan: Plan } | { ok: false; problems: ItemProblem[] };

type Scope = { clientId: string; regions: readonly string[] };
type Known = Map<string, { localId: string; detail: Record<string, unknown> | null }>;

const within = (scope: Scope, region: string) => scope.regions.some((p) => region.startsWith(p));

/** The items the client sent before, of these kinds and ids (what a resend and later references find). */
async function earlierItems(db: Executor, clientId: string, kind: ItemKind, ids: string[]): Promise<Known> {
  const known: Known = new Map();
  if (!ids.length) return known;
  // The ids as one JSON parameter: binding thousands of values one by one cost more than the read.
  const rows = await queryRows<{ foreignId: string; localId: string; detail: Record<string, unknown> | null }>(
    db,
    sql`SELECT i.foreign_id AS "foreignId", i.local_id AS "localId", i.detail
        FROM json_array_elements_text(${JSON.stringify(ids)}::json) AS f(id)
        JOIN exchange_items i ON i.client_id = ${clientId}::uuid AND i.kind = ${kind} AND i.foreign_id = f.id`,
  );
  for (const r of rows) known.set(r.foreignId, { localId: r.localId, detail: r.detail });
  return known;
}

export async function checkDocument(db: Executor, pii: Pii, scope: Scope, doc: DocumentIn): Promise<Checked> {
  const problems: ItemProblem[] = [];
  const today = todayInChina();
  const refs = {
    subjects: [...doc.subjects.map((s) => s.id), ...doc.bases.map((b) => b.subject), ...doc.products.map((p) => p.subject), ...doc.trades.map((t) => t.buyer)],
    bases: [...doc.bases.map((b) => b.id), ...doc.batches.flatMap((b) => (b.base ? [b.base] : []))],
    products: [...doc.products.map((p) => p.id), ...doc.batches.map((b) => b.product)],
    batches: [...doc.batches.map((b) => b.id), ...doc.trades.map((t) => t.batch), ...doc.marketEntries.map((m) => m.batch)],
    trades: doc.trades.map((t) => t.id),
    marketEntries: doc.marketEntries.map((m) => m.id),
  } satisfies Record<ItemKind, string[]>;
  const earlier = Object.fromEntries(await Promise.all(ITEM_KINDS.map(async (k) => [k, await earlierItems(db, scope.clientId, k, [...new Set(refs[k])])] as const))) as Record<ItemKind, Known>;

  // Each kind's new items (not sent before), with their new ids; a repeated id in the document is refused.
  let unchanged = 0;
  const fresh = <T extends { id: string }>(kind: ItemKind, list: T[]) => {
    const seen = new Set<string>();
    const out: { item: T; index: number; localId: string }[] = [];
    list.forEach((item, index) => {
      if (seen.has(item.id)) return problems.push({ kind, index, id: item.id, code: 'DUPLICATE_ITEM', field: 'id', details: { id: item.id } });
      seen.add(item.id);
      if (earlier[kind].has(item.id)) return unchanged++;
      out.push({ item, index, localId: randomUUID() });
    });
    return out;
  };
  const subjects = fresh('subjects', doc.subjects);
  const bases = fresh('bases', doc.bases);
  const products = fresh('products', doc.products);
  const batches = fresh('batches', doc.batches);
  const trades = fresh('trades', doc.trades);
  const entries = fresh('marketEntries', doc.marketEntries);

  const aliasTexts = [...doc.batches, ...doc.trades, ...doc.marketEntries].flatMap((b) => [...b.codes, ...(b.longCode ? [b.longCode.trim()] : [])]);
  const hashes = subjects.map((s) => identityHash(pii, s.item.idNumber));
  const regions = [...subjects.map((s) => s.item.townshipCode), ...bases.map((b) => b.item.regionCode)];
  const [levels, known, facts] = await Promise.all([
    regionLevels(db, [...new Set(regions)]),
    knownIdentities(db, [...new Set(hashes)]),
    exchangeTraceFacts(db, {
      classCodes: [...new Set(products.map((p) => p.item.classCode))],
      aliases: [...new Set(aliasTexts)],
      batchIds: [...earlier.batches.values()].map((v) => v.localId),
      productIds: [...earlier.products.values()].map((v) => v.localId),
      baseIds: [...earlier.bases.values()].map((v) => v.localId),
      subjectIds: [...new Set([...bases.map((b) => b.item.subject), ...products.map((p) => p.item.subject)].flatMap((id) => (earlier.subjects.get(id) ? [earlier.subjects.get(id)!.localId] : [])))],
    }),
  ]);

  // ---- subjects
  const subjectOf = new Map<string, { localId: string; region: string }>();
  for (const [id, v] of earlier.subjects) subjectOf.set(id, { localId: v.localId, region: String(v.detail?.regionCode ?? '') });
  const firstOfHash = new Map<string, number>();
  const newSubjects: ExchangedSubject[] = [];
  subjects.forEach(({ item: s, index, localId }, i) => {
    const bad = (code: ItemProblemCode, field: string, details: Record<string, unknown> = {}) => problems.push({ kind: 'subjects', index, id: s.id, code, field, details });
    const before = problems.length;
    if (!within(scope, s.townshipCode)) bad('OUT_OF_SCOPE', 'townshipCode', { region: s.townshipCode });
    else if (!levels.has(s.townshipCode)) bad('REGION_UNKNOWN', 'townshipCode', { region: s.townshipCode });
    if (identityProblem(s.idKind, s.idNumber)) bad('IDENTITY_INVALID', 'idNumber');
    else if (known.has(hashes[i]!)) bad('IDENTITY_REGISTERED', 'idNumber');
    else if (firstOfHash.has(hashes[i]!)) bad('IDENTITY_REPEATED', 'idNumber', { other: firstOfHash.get(hashes[i]!)! + 1 });
    else firstOfHash.set(hashes[i]!, index);
    if (s.approvedOn > today) bad('DATE_IN_FUTURE', 'approvedOn', { date: s.approvedOn });
    subjectOf.set(s.id, { localId, region: s.townshipCode });
    if (problems.length === before) newSubjects.push({ ...s, id: localId });
  });
  const items: ItemRecord[] = subjects.map((s) => ({ kind: 'subjects', foreignId: s.item.id, localId: s.localId, detail: { regionCode: s.item.townshipCode, approvedBy: s.item.approvedBy, approvedOn: s.item.approvedOn } }));

  // ---- bases and products: of a subject sent now or before; names unique per subject as on the platform
  const trace: ExchangeTrace = { bases: [], products: [], batches: [], sales: [] };
  const baseOf = new Map<string, { localId: string; subjectId: string }>();
  for (const [id, v] of earlier.bases) {
    const f = facts.bases.get(v.localId);
    if (f) baseOf.set(id, { localId: v.localId, subjectId: f.subjectId });
  }
  const baseNames = new Set(facts.takenBaseNames);
  for (const { item: b, index, localId } of bases) {
    const bad = (code: ItemProblemCode, field: string, details: Record<string, unknown> = {}) => problems.push({ kind: 'bases', index, id: b.id, code, field, details });
    const subject = subjectOf.get(b.subject);
    if (!subject) bad('REFERENCE_UNKNOWN', 'subject', { ref: b.subject });
    if (!within(scope, b.regionCode)) bad('OUT_OF_SCOPE', 'regionCode', { region: b.regionCode });
    else if (!levels.has(b.regionCode)) bad('REGION_UNKNOWN', 'regionCode', { region: b.regionCode });
    if (!subject) continue;
    const nameKey = `${subject.localId}|${b.name}`;
    if (baseNames.has(nameKey)) bad('NAME_TAKEN', 'name', { what: 'base' });
    baseNames.add(nameKey);
    baseOf.set(b.id, { localId, subjectId: subject.localId });
    trace.bases.push({ ...b, id: localId, subjectId: subject.localId });
    items.push({ kind: 'bases', foreignId: b.id, localId });
  }
  const productOf = new Map<string, { localId: string; subjectId: string; unit: string; region: string }>();
  const regionOfSubject = new Map([...subjectOf.values()].map((s) => [s.localId, s.region]));
  for (const [id, v] of earlier.products) {
    const f = facts.products.get(v.localId);
    if (f) productOf.set(id, { localId: v.localId, subjectId: f.subjectId, unit: f.unit, region: String(v.detail?.regionCode ?? '') });
  }
  const productNames = new Set(facts.takenProductNames);
  for (const { item: p, index, localId } of products) {
    const bad = (code: ItemProblemCode, field: string, details: Record<string, unknown> = {}) => problems.push({ kind: 'products', index, id: p.id, code, field, details });
    const subject = subjectOf.get(p.subject);
    if (!subject) bad('REFERENCE_UNKNOWN', 'subject', { ref: p.subject });
    if (!facts.classes.has(p.classCode)) bad('CLASS_UNKNOWN', 'classCode', { classCode: p.classCode });
    if (!subject) continue;
    const nameKey = `${subject.localId}|${p.name}|${p.spec}`;
    if (productNames.has(nameKey)) bad('NAME_TAKEN', 'name', { what: 'product' });
    productNames.add(nameKey);
    productOf.set(p.id, { localId, subjectId: subject.localId, unit: p.unit, region: subject.region });
    trace.products.push({ ...p, id: localId, subjectId: subject.localId });
    items.push({ kind: 'products', foreignId: p.id, localId, detail: { regionCode: subject.region } });
  }

  // ---- aliases: each names one batch in the whole country
  const aliasSeen = new Set<string>();
  const aliasesOf = (kind: ItemKind, index: number, id: string, b: { codes: string[]; longCode?: string | undefined }) => {
    const out: { alias: string; kind: AliasKind }[] = [];
    const add = (alias: string, aliasKind: AliasKind, field: string) => {
      if (facts.takenAliases.has(alias) || aliasSeen.has(alias)) problems.push({ kind, index, id, code: 'ALIAS_TAKEN', field, details: { alias } });
      aliasSeen.add(alias);
      out.push({ alias, kind: aliasKind });
    };
    for (const c of b.codes) add(c, 'province', 'codes');
    if (b.longCode !== undefined) {
      const long = b.longCode.trim();
      if (!isLongCode(long)) problems.push({ kind, index, id, code: 'ALIAS_INVALID', field: 'longCode', details: { alias: long } });
      else add(long, 'national', 'longCode');
    }
    return out;
  };

  // ---- batches (自产) and what may be sold from them
  const batchOf = new Map<string, { localId: string; subjectId: string; region: string; unit: string; productId: string; harvestDate: string; free: number }>();
  for (const [id, v] of earlier.batches) {
    const f = facts.batches.get(v.localId);
    if (f?.subjectId) batchOf.set(id, { localId: v.localId, subjectId: f.subjectId, region: f.regionCode, unit: f.unit, productId: f.productId, harvestDate: f.harvestDate ?? today, free: f.free });
  }
  for (const { item: b, index, localId } of batches) {
    const bad = (code: ItemProblemCode, field: string, details: Record<string, unknown> = {}) => problems.push({ kind: 'batches', index, id: b.id, code, field, details });
    const product = productOf.get(b.product);
    const base = b.base === undefined ? undefined : baseOf.get(b.base);
    if (!product) bad('REFERENCE_UNKNOWN', 'product', { ref: b.product });
    if (b.base !== undefined && (!base || (product && base.subjectId !== product.subjectId))) bad('REFERENCE_UNKNOWN', 'base', { ref: b.base });
    if (product && product.unit !== b.unit) bad('UNIT_MISMATCH', 'unit', { expected: product.unit });
    if (b.harvestDate > today) bad('DATE_IN_FUTURE', 'harvestDate', { date: b.harvestDate });
    const aliases = aliasesOf('batches', index, b.id, b);
    if (!product) continue;
    const region = regionOfSubject.get(product.subjectId) ?? product.region;
    batchOf.set(b.id, { localId, subjectId: product.subjectId, region, unit: b.unit, productId: product.localId, harvestDate: b.harvestDate, free: b.quantity });
    trace.batches.push({ id: localId, subjectId: product.subjectId, regionCode: region, productId: product.localId, baseId: base?.localId ?? null, quantity: b.quantity, unit: b.unit, harvestDate: b.harvestDate, selfCheck: b.selfCheck, variety: b.variety ?? null, soilNote: b.soilNote ?? null, waterNote: b.waterNote ?? null, aliases });
    items.push({ kind: 'batches', foreignId: b.id, localId });
  }

  // ---- sales: trades to a subject, market entries; never more than a batch holds (in milli-units, as stored)
  const freeMilli = new Map([...batchOf.values()].map((b) => [b.localId, Math.round(b.free * 1000)]));
  const sale = (kind: 'trades' | 'marketEntries', index: number, s: { id: string; batch: string; quantity: number; codes: string[]; longCode?: string | undefined }, localId: string, buyer: { localId: string; region: string } | null, market: ExchangeTrace['sales'][number]['market']) => {
    const bad = (code: ItemProblemCode, field: string, details: Record<string, unknown> = {}) => problems.push({ kind, index, id: s.id, code, field, details });
    const from = batchOf.get(s.batch);
    if (!from) bad('REFERENCE_UNKNOWN', 'batch', { ref: s.batch });
    const aliases = aliasesOf(kind, index, s.id, s);
    if (!from) return;
    const region = buyer?.region ?? from.region;
    if (!within(scope, from.region)) bad('OUT_OF_SCOPE', 'batch', { region: from.region });
    else if (!within(scope, region)) bad('OUT_OF_SCOPE', 'buyer', { region });
    const left = freeMilli.get(from.localId) ?? 0;
    const want = Math.round(s.quantity * 1000);
    if (want > left) bad('STOCK_EXCEEDED', 'quantity', { available: left / 1000, requested: s.quantity });
    freeMilli.set(from.localId, left - want);
    trace.sales.push({
      kind: kind === 'trades' ? 'trade' : 'market',
      sellerSubjectId: from.subjectId,
      sellerRegionCode: from.region,
      sellerBatchId: from.localId,
      productId: from.productId,
      harvestDate: from.harvestDate,
      buyerSubjectId: buyer?.localId ?? null,
      buyerRegionCode: region,
      market,
      quantity: s.quantity,
      unit: from.unit,
      batchId: localId,
      aliases,
    });
    items.push({ kind, foreignId: s.id, localId });
  };
  for (const { item: t, index, localId } of trades) {
    const buyer = subjectOf.get(t.buyer);
    if (!buyer) {
      problems.push({ kind: 'trades', index, id: t.id, code: 'REFERENCE_UNKNOWN', field: 'buyer', details: { ref: t.buyer } });
      continue;
    }
    sale('trades', index, t, localId, buyer, null);
  }
  for (const { item: m, index, localId } of entries) sale('marketEntries', index, m, localId, null, m.market);

  if (problems.length) return { ok: false, problems: problems.sort((a, b) => ITEM_KINDS.indexOf(a.kind) - ITEM_KINDS.indexOf(b.kind) || a.index - b.index) };
  return { ok: true, plan: { subjects: newSubjects, trace, items, unchanged } };
}

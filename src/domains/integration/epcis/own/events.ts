import { epcisQuantity, eventUri, lotUri, partyUri, recordUri, tnNamespace, type Ids } from './identifiers.js';
import type { InspectionRow, LotRow, RecallRow, SampleRow, TraceEventRow } from './sources.js';

/**
 * Tracenet's records as EPCIS 2.0 events (issue 18 §2), each with the organisation it belongs to. The CBV 2.0 words:
 * production is a commissioning ObjectEvent (ADD, ilmd); a sale a shipping TransactionEvent and its confirmation a
 * receiving one, both naming the trade (`desadv`) and the owning parties; a market entry `accepting`; processing,
 * splitting and merging TransformationEvents; a return `shipping`/`returned` (`rma`); a sample `sampling`
 * (`testprd`), its verdict and a base inspection `inspecting` with `conformant`/`non_conformant` (`testres`); a
 * recall order `recalled`. A lot that gets a code of its own on receipt (the buyer's batch, a market voucher) is a
 * TransformationEvent from the lot shipped to the lot received, named by the trade: following input to output a
 * consumer rebuilds a chain from events alone.
 */
export type OwnEvent = {
  sourceKey: string;
  owner: { kind: 'agency' | 'subject'; id: string; regionCode: string };
  event: Record<string, unknown>;
  traceCodes: string[];
};

/** Where Tracenet runs: China Standard Time (platform/china-time.ts). */
const OFFSET = '+08:00';
/** Country of origin of what Tracenet traces (ISO 3166-1 alpha-2, as cbvmda:countryOfOrigin takes it). */
const ORIGIN = 'CN';

export const ownContext = (ids: Ids) => ({ tn: tnNamespace(ids) });

type Base = { type: string; eventTime: string; eventTimeZoneOffset: string; eventID: string };
const base = (ids: Ids, type: string, at: Date | string, sourceKey: string): Base => ({ type, eventTime: new Date(at).toISOString(), eventTimeZoneOffset: OFFSET, eventID: eventUri(ids, sourceKey) });

function quantityOf(ids: Ids, lots: ReadonlyMap<string, LotRow>, code: string, quantity?: unknown, unit?: unknown) {
  const lot = lots.get(code);
  const q = typeof quantity === 'number' ? quantity : Number(quantity ?? lot?.quantity ?? 0);
  return { epcClass: lotUri(ids, code, lot?.gtin ?? null), ...epcisQuantity(q, typeof unit === 'string' ? unit : (lot?.unit ?? 'piece')) };
}

const owning = (ids: Ids, id: string | null, side: 'source' | 'destination') => (id ? [{ type: 'owning_party', [side]: partyUri(ids, 'subject', id) }] : undefined);

function relabel(ids: Ids, lots: ReadonlyMap<string, LotRow>, te: TraceEventRow, from: string, to: string, q: unknown, unit: unknown, tradeId: unknown): Record<string, unknown> {
  return {
    ...base(ids, 'TransformationEvent', te.at, `trace:${te.id}:relabel`),
    inputQuantityList: [quantityOf(ids, lots, from, q, unit)],
    outputQuantityList: [quantityOf(ids, lots, to, q, unit)],
    ...(typeof tradeId === 'string' ? { transformationID: recordUri(ids, 'trade', tradeId) } : {}),
    bizStep: 'commissioning',
    disposition: 'active',
  };
}

/** The events of one trace event (one, or two when the lot received takes a code of its own). */
export function traceEventAsEpcis(ids: Ids, te: TraceEventRow, lots: ReadonlyMap<string, LotRow>): OwnEvent[] {
  const d = te.detail;
  const owner = { kind: 'subject' as const, id: te.subjectId, regionCode: te.regionCode };
  const out = (event: Record<string, unknown>, codes: string[], key = `trace:${te.id}`): OwnEvent => ({ sourceKey: key, owner, event, traceCodes: codes });
  const [first, second] = te.codes;
  const trade = typeof d.tradeId === 'string' ? [{ type: 'desadv', bizTransaction: recordUri(ids, 'trade', d.tradeId) }] : undefined;
  const disposition = te.disposition && te.disposition !== 'cancelled' ? { disposition: te.disposition } : {};

  if (te.eventType === 'ObjectEvent') {
    const lot = lots.get(first!);
    const event: Record<string, unknown> = {
      ...base(ids, 'ObjectEvent', te.at, `trace:${te.id}`),
      epcList: [],
      action: te.action,
      bizStep: te.bizStep,
      ...disposition,
      quantityList: [quantityOf(ids, lots, first!, d.quantity, d.unit)],
    };
    if (te.action === 'ADD') {
      event.ilmd = {
        'cbvmda:lotNumber': first,
        'cbvmda:countryOfOrigin': ORIGIN,
        ...(lot?.harvestDate ? { 'tn:harvestDate': lot.harvestDate } : {}),
        ...(lot ? { 'tn:productClass': lot.classCode } : {}),
        // 品种 and 产地环境 (issue 21 §3), as the batch recorded them.
        ...(lot?.variety ? { 'tn:variety': lot.variety } : {}),
        ...(lot?.soilNote ? { 'tn:soilNote': lot.soilNote } : {}),
        ...(lot?.waterNote ? { 'tn:waterNote': lot.waterNote } : {}),
      };
    }
    return [out(event, [first!])];
  }
  if (te.eventType === 'TransformationEvent') {
    const inputs = (Array.isArray(d.inputs) ? d.inputs : d.input ? [d.input] : []) as { code: string; quantity: number; unit?: string }[];
    const outputs = (Array.isArray(d.outputs) ? d.outputs : d.output ? [d.output] : []) as { code: string; quantity: number; unit?: string }[];
    const event = {
      ...base(ids, 'TransformationEvent', te.at, `trace:${te.id}`),
      inputQuantityList: inputs.map((i) => quantityOf(ids, lots, i.code, i.quantity, i.unit ?? lots.get(i.code)?.unit)),
      outputQuantityList: outputs.map((o) => quantityOf(ids, lots, o.code, o.quantity, o.unit ?? lots.get(o.code)?.unit)),
      bizStep: te.bizStep,
      ...disposition,
    };
    return [out(event, [...inputs.map((i) => i.code), ...outputs.map((o) => o.code)])];
  }
  // TransactionEvents: sales, market entries, confirmations, returns, rejections and cancellations.
  const returned = te.disposition === 'returned' && te.action === 'ADD';
  const other = te.subjectId === te.sellerSubjectId ? te.buyerSubjectId : te.sellerSubjectId;
  const [from, to] = returned ? [te.subjectId, other] : [te.sellerSubjectId ?? te.subjectId, te.buyerSubjectId];
  const event = {
    ...base(ids, 'TransactionEvent', te.at, `trace:${te.id}`),
    bizTransactionList: [...(trade ?? []), ...(returned && typeof d.returnId === 'string' ? [{ type: 'rma', bizTransaction: recordUri(ids, 'return', d.returnId) }] : [])],
    epcList: [],
    action: te.action,
    bizStep: te.bizStep,
    ...disposition,
    quantityList: [quantityOf(ids, lots, first!, d.quantity, d.unit)],
    ...(owning(ids, from ?? null, 'source') ? { sourceList: owning(ids, from ?? null, 'source') } : {}),
    ...(owning(ids, to ?? null, 'destination') ? { destinationList: owning(ids, to ?? null, 'destination') } : {}),
  };
  const events = [out(event, te.codes)];
  // A sale to an unregistered buyer or a market, and a confirmation, give the lot received its own code.
  if (second && !returned && te.action === 'ADD') events.push(out(relabel(ids, lots, te, first!, second, d.quantity, d.unit, d.tradeId), [first!, second], `trace:${te.id}:relabel`));
  return events;
}

export function sampleAsEpcis(ids: Ids, s: SampleRow, lots: ReadonlyMap<string, LotRow>): OwnEvent[] {
  const owner = { kind: 'agency' as const, id: s.agencyId, regionCode: s.regionCode };
  const lot = { epcClass: lotUri(ids, s.code, lots.get(s.code)?.gtin ?? null), ...epcisQuantity(s.quantity, s.unit) };
  const sample = recordUri(ids, 'sample', s.id);
  const events: OwnEvent[] = [
    {
      sourceKey: `sample:${s.id}`,
      owner,
      traceCodes: [s.code],
      event: { ...base(ids, 'ObjectEvent', s.sampledAt, `sample:${s.id}`), epcList: [], action: 'OBSERVE', bizStep: 'sampling', bizTransactionList: [{ type: 'testprd', bizTransaction: sample }], quantityList: [lot] },
    },
  ];
  if (s.verdict && s.judgedAt) {
    const key = `sample:${s.id}:report:${s.reportVersion}`;
    events.push({
      sourceKey: key,
      owner,
      traceCodes: [s.code],
      event: {
        ...base(ids, 'ObjectEvent', s.judgedAt, key),
        epcList: [],
        action: 'OBSERVE',
        bizStep: 'inspecting',
        disposition: s.verdict === 'pass' ? 'conformant' : 'non_conformant',
        bizTransactionList: [{ type: 'testres', bizTransaction: `${sample}/report/${s.reportVersion}` }],
        quantityList: [{ epcClass: lot.epcClass }],
      },
    });
  }
  return events;
}

/** A base inspection concerns a producer, not a lot: its place is the producer (bizLocation). */
export function inspectionAsEpcis(ids: Ids, i: InspectionRow): OwnEvent {
  const key = `inspection:${i.id}`;
  return {
    sourceKey: key,
    owner: { kind: 'agency', id: i.agencyId, regionCode: i.regionCode },
    traceCodes: [],
    event: {
      ...base(ids, 'ObjectEvent', i.inspectedAt, key),
      epcList: [],
      action: 'OBSERVE',
      bizStep: 'inspecting',
      disposition: i.conclusion === 'compliant' ? 'conformant' : 'non_conformant',
      bizLocation: { id: partyUri(ids, 'subject', i.subjectId) },
      bizTransactionList: [{ type: 'testres', bizTransaction: recordUri(ids, 'inspection', i.id) }],
    },
  };
}

export function recallAsEpcis(ids: Ids, r: RecallRow, lots: ReadonlyMap<string, LotRow>): OwnEvent {
  const key = `recall:${r.id}`;
  return {
    sourceKey: key,
    owner: { kind: 'agency', id: r.agencyId, regionCode: r.regionCode },
    traceCodes: [r.code],
    event: {
      ...base(ids, 'ObjectEvent', r.issuedAt, key),
      epcList: [],
      action: 'OBSERVE',
      disposition: 'recalled',
      quantityList: [{ epcClass: lotUri(ids, r.code, lots.get(r.code)?.gtin ?? null) }],
      [`tn:recallKind`]: r.kind,
    },
  };
}

import { chinaDay as day } from '../../../platform/china-time.js';
import type { TraceGraphOut } from '../graph/trace-graph.contracts.js';

/**
 * The US FDA's electronic sortable spreadsheet (21 CFR 1.1455(c)(3)(ii)) of a lot's chain: one row per Critical
 * Tracking Event with its Key Data Elements, as 21 CFR 1.1325–1.1350 list them (eCFR, title 21 part 1 subpart S,
 * as of 2026-06-11). The rule names the elements, not the column headings; each heading here is the element's
 * wording, and the sheet "About" cites the paragraph behind each column and lists what Tracenet does not hold.
 */

export type Cte = 'Harvesting' | 'Initial packing' | 'Shipping' | 'Receiving' | 'Transformation';

export const FSMA_COLUMNS = [
  { key: 'cte', header: 'Critical tracking event', width: 16, source: '21 CFR 1.1325–1.1350 (section headings)' },
  { key: 'tlc', header: 'Traceability lot code', width: 24, source: '1.1330(a)(11), 1.1340(a)(1), 1.1345(a)(1), 1.1350(a)(2)(i)' },
  { key: 'product', header: 'Product description', width: 24, source: '1.1330(a)(12), 1.1340(a)(3), 1.1345(a)(3), 1.1350(a)(2)(iv)' },
  { key: 'commodity', header: 'Commodity and variety', width: 24, source: '1.1325(a)(1)(ii), 1.1330(a)(1)' },
  { key: 'quantity', header: 'Quantity', width: 10, source: '1.1325(a)(1)(iii), 1.1330(a)(13), 1.1340(a)(2), 1.1345(a)(2), 1.1350(a)(2)(v)' },
  { key: 'unit', header: 'Unit of measure', width: 10, source: 'as quantity' },
  { key: 'date', header: 'Date of the event', width: 12, source: '1.1325(a)(1)(vii), 1.1330(a)(15), 1.1340(a)(6), 1.1345(a)(6), 1.1350(a)(2)(iii)' },
  { key: 'location', header: 'Location description (where the event took place)', width: 30, source: '1.1325(a)(1)(iv), 1.1330(a)(14), 1.1340(a)(5), 1.1345(a)(5), 1.1350(a)(2)(ii)' },
  { key: 'field', header: 'Field or growing area', width: 20, source: '1.1325(a)(1)(v), 1.1330(a)(5)' },
  { key: 'harvestDate', header: 'Date of harvesting', width: 12, source: '1.1330(a)(8)' },
  { key: 'previousSource', header: 'Immediate previous source', width: 30, source: '1.1345(a)(4)' },
  { key: 'subsequentRecipient', header: 'Immediate subsequent recipient', width: 30, source: '1.1325(a)(1)(i), 1.1340(a)(4)' },
  { key: 'tlcSource', header: 'Traceability lot code source', width: 30, source: '1.1330(a)(14), 1.1340(a)(7), 1.1345(a)(7), 1.1350(a)(2)(ii)' },
  { key: 'inputTlc', header: 'Traceability lot code used (transformation input)', width: 24, source: '1.1350(a)(1)(i)' },
  { key: 'inputProduct', header: 'Product description of the lot used', width: 24, source: '1.1350(a)(1)(ii)' },
  { key: 'inputQuantity', header: 'Quantity used from that lot', width: 12, source: '1.1350(a)(1)(iii)' },
  { key: 'referenceType', header: 'Reference document type', width: 20, source: '1.1325(a)(1)(viii), 1.1330(a)(16), 1.1340(a)(8), 1.1345(a)(8), 1.1350(a)(2)(vi)' },
  { key: 'referenceNumber', header: 'Reference document number', width: 24, source: 'as reference document type' },
  { key: 'tracenetCode', header: 'Tracenet code of the lot on receipt', width: 24, source: 'Tracenet: the receiver’s batch takes a code of its own, linked to the lot received' },
] as const;

export type FsmaRow = { [K in (typeof FSMA_COLUMNS)[number]['key']]?: string | number };

/** Key Data Elements of 21 CFR 1.1325–1.1350 that Tracenet does not record: left empty, said so in the sheet. */
export const NOT_HELD = [
  'Cooling before initial packing (1.1325(b)): Tracenet records no cooling step.',
  'Business phone numbers and street addresses in location descriptions: locations are given as business name and county; contacts are released to agencies only through a recall list.',
  'Time of day and a GLN or FDA FFRN as traceability lot code source reference: Tracenet identifies places by its own region codes.',
  'Landing from a fishing vessel (1.1335) and sprouts (1.1330(b)): Tracenet records neither.',
  'Reference documents other than Tracenet’s own records (invoices, bills of lading): the reference given is the Tracenet record of the event.',
];

type Node = TraceGraphOut['nodes'][number];
type Edge = TraceGraphOut['edges'][number];

const place = (n: Node) => [n.holder.name, n.holder.countyName].filter(Boolean).join(', ');

/**
 * The rows of a chain, by event: a lot produced on a base is harvested and initially packed (its code assigned);
 * each trade or market entry is shipped by one holder and received by the next; processing, splitting and merging
 * are transformations, one row per lot used. Ordered by date, then event, then code: sortable as the FDA asks.
 */
export type ChainFacts = {
  /** The base (field or growing area) of each lot produced on one, by batch id. */
  fields: ReadonlyMap<string, string>;
  /** Product classes in English, by class code (the commodity). */
  classNames: ReadonlyMap<string, string>;
  /** When each trade was recorded by its seller (the ship date), by the receiving batch's id. */
  shippedAt: ReadonlyMap<string, Date>;
};

export function fsmaRows(nodes: readonly Node[], edges: readonly Edge[], facts: ChainFacts): FsmaRow[] {
  const { fields, classNames } = facts;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rows: FsmaRow[] = [];
  const outgoing = (id: string) => edges.filter((e) => e.from === id && (e.kind === 'trade' || e.kind === 'market'));
  for (const n of nodes) {
    if (n.source !== 'own') continue;
    const recipients = outgoing(n.id).map((e) => byId.get(e.to)).filter((x): x is Node => !!x).map(place);
    const common = { tlc: n.code, product: n.productName, commodity: classNames.get(n.classCode) ?? '', quantity: n.quantity, unit: n.unit, location: place(n), field: fields.get(n.id) ?? '' };
    rows.push({ cte: 'Harvesting', ...common, date: n.harvestDate ?? '', subsequentRecipient: [...new Set(recipients)].join('; '), referenceType: 'Tracenet batch record', referenceNumber: n.code });
    rows.push({ cte: 'Initial packing', ...common, date: day(n.createdAt), harvestDate: n.harvestDate ?? '', tlcSource: place(n), referenceType: 'Tracenet batch record', referenceNumber: n.code });
  }
  for (const e of edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to) continue;
    if (e.kind === 'trade' || e.kind === 'market') {
      const lot = { tlc: from.code, product: from.productName, commodity: classNames.get(from.classCode) ?? '', quantity: e.quantity, unit: from.unit, tlcSource: place(from) };
      const reference = { referenceType: e.kind === 'market' ? 'Tracenet market-entry voucher' : 'Tracenet trade record', referenceNumber: to.code };
      rows.push({ cte: 'Shipping', ...lot, date: day(facts.shippedAt.get(to.id) ?? e.createdAt), location: place(from), subsequentRecipient: place(to), ...reference });
      rows.push({ cte: 'Receiving', ...lot, date: day(e.createdAt), location: place(to), previousSource: place(from), tracenetCode: to.code, ...reference });
    } else {
      rows.push({
        cte: 'Transformation',
        tlc: to.code,
        product: to.productName,
        commodity: classNames.get(to.classCode) ?? '',
        quantity: to.quantity,
        unit: to.unit,
        date: day(e.createdAt),
        location: place(to),
        tlcSource: place(to),
        inputTlc: from.code,
        inputProduct: from.productName,
        inputQuantity: e.quantity,
        referenceType: `Tracenet ${e.kind} record`,
        referenceNumber: to.code,
      });
    }
  }
  const order: Record<string, number> = { Harvesting: 0, 'Initial packing': 1, Shipping: 2, Receiving: 3, Transformation: 4 };
  return rows.sort((a, b) => String(a.date).localeCompare(String(b.date)) || order[String(a.cte)]! - order[String(b.cte)]! || String(a.tlc).localeCompare(String(b.tlc)));
}

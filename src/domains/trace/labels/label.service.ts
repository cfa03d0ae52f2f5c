import { and, eq, exists, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { SubjectActor } from '../../../platform/auth/actor.js';
import type { Config } from '../../../platform/config.js';
import type { Executor } from '../../../platform/db/client.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { chinaDay } from '../../../platform/china-time.js';
import { printedSubject } from '../../registry/index.js';
import { renderCertificate } from './label.certificate.js';
import { renderLabel, type RenderedFile } from './label.render.js';
import type { CertificateBasis, CertificateLayout, LabelFormat, LabelLayout } from './label.shared.js';
import { renderVoucher, type VoucherFormat } from './label.voucher.js';
import { traceError } from '../errors.js';
import { batches, products, trades } from '../schema.js';
import { certificateData, countPrint, issueCertificate, type CertificateRow } from '../certificates/certificate.service.js';
import { recordedTestables } from '../certificates/certificate.queries.js';

// Loading what labels, certificates and vouchers print, and who may print them; the drawing is label.render.ts's.

type Deps = { db: Executor; config: Config; pii: Pii };

/**
 * Who may print a batch's label or certificate — the one rule every print route uses: the subject holding the
 * batch, or, for a batch held by someone not on the platform (a buyer recorded by hand, a market that is not
 * registered), the seller who recorded that sale, since it hands the printed code over with the goods.
 */
export function printableBy(db: Executor, subjectId: string): SQL {
  const saleToUnregistered = db
    .select({ id: trades.id })
    .from(trades)
    .where(and(eq(trades.buyerBatchId, batches.id), eq(trades.sellerSubjectId, subjectId), inArray(trades.kind, ['manual', 'market']), isNull(trades.buyerSubjectId)));
  return or(eq(batches.subjectId, subjectId), and(isNull(batches.subjectId), exists(saleToUnregistered)))!;
}

/**
 * The batch with its product, if the actor may print it (else 404, as for a batch that does not exist), and the
 * subject answerable for the printed goods: the holder, or for an unregistered holder the seller printing.
 */
async function printableBatch(deps: Deps, actor: SubjectActor, batchId: string) {
  const [row] = await deps.db
    .select({ batch: batches, product: products })
    .from(batches)
    .innerJoin(products, eq(products.id, batches.productId))
    .where(and(eq(batches.id, batchId), printableBy(deps.db, actor.subject.id)));
  if (!row) throw traceError('BATCH_NOT_FOUND');
  // A voided batch's code must not go on more goods: its page already tells whoever scans it that it was voided.
  if (row.batch.status === 'voided') throw traceError('BATCH_VOIDED', { batchId, voidedAt: row.batch.voidedAt?.toISOString() ?? null });
  const subject = await printedSubject(deps, row.batch.subjectId ?? actor.subject.id);
  return { ...row, subject: subject! };
}

/** `{publicUrl}/t/{code}`, or with a GTIN the GS1 Digital Link `{publicUrl}/01/{gtin14}/10/{code}` (DESIGN.md §3). */
export function traceUrl(config: Pick<Config, 'publicUrl'>, code: string, gtin: string | null): string {
  return gtin ? `${config.publicUrl}/01/${gtin}/10/${code}` : `${config.publicUrl}/t/${code}`;
}

export async function batchLabel(deps: Deps, actor: SubjectActor, batchId: string, q: { format: LabelFormat; layout: LabelLayout; copies?: number | undefined }): Promise<RenderedFile> {
  const { batch, product, subject } = await printableBatch(deps, actor, batchId);
  const data = {
    code: batch.code,
    url: traceUrl(deps.config, batch.code, product.gtin),
    productName: product.name,
    spec: product.spec,
    brand: product.brand,
    subjectName: subject.name,
    date: batch.harvestDate,
  };
  return renderLabel(data, q);
}

export type CertificateQuery = {
  format: LabelFormat;
  layout: CertificateLayout;
  copies?: number | undefined;
  quantity?: number | undefined;
  basis?: CertificateBasis | undefined;
  testedItems?: string[] | undefined;
};

/**
 * 承诺达标合格证 of a batch, issued and printed at once. The quantity defaults to the batch's and may be less (a
 * certificate per consignment), never more. The basis defaults to 自我检测 after a passed self-check and to 自我承诺
 * otherwise (defaultBasis). The certificate goes into the register (certificates/certificate.service.ts, which refuses what the
 * regulation does not allow); the same terms asked again the same day print that certificate again, a copy.
 */
export async function batchCertificate(deps: Deps, actor: SubjectActor, batchId: string, q: CertificateQuery): Promise<RenderedFile> {
  const [batch] = await deps.db.select({ selfCheck: batches.selfCheck }).from(batches).where(and(eq(batches.id, batchId), printableBy(deps.db, actor.subject.id)));
  if (!batch) throw traceError('BATCH_NOT_FOUND');
  const basis = q.basis ?? (await defaultBasis(deps.db, batchId, batch.selfCheck, q.testedItems));
  const cert = await issueCertificate(deps, null, actor, batchId, { quantity: q.quantity, basis, testedItems: q.testedItems }, true);
  return printCertificate(deps, cert, q);
}

/**
 * The basis when none is chosen: 自我检测 after a passed self-check — unless the batch records pesticides or
 * veterinary drugs and no tested items were named, since a self-check that says nothing of them cannot be the
 * targeted test the regulation asks for; then 内部质量控制 (质量安全控制), the regulation's basis without a test.
 */
async function defaultBasis(db: Executor, batchId: string, selfCheck: string, tested: string[] | undefined): Promise<CertificateBasis> {
  if (selfCheck !== 'pass') return 'self_commitment';
  if (tested?.length) return 'self_test';
  return (await recordedTestables(db, batchId)).length > 0 ? 'internal_control' : 'self_test';
}

/** A printed copy of a register row, counted on it. */
export async function printCertificate(deps: Deps, cert: CertificateRow, q: { format: LabelFormat; layout: CertificateLayout; copies?: number | undefined }): Promise<RenderedFile> {
  const file = await renderCertificate(await certificateData(deps, cert), q);
  await countPrint(deps.db, cert.id, q.copies ?? 1);
  return file;
}

/**
 * 入市追溯凭证 of a market entry (a trade of kind 'market'), for its seller and, when the market is registered,
 * for the market. Anyone else gets 404, as for an entry that does not exist.
 */
export async function marketEntryVoucher(deps: Deps, actor: SubjectActor, tradeId: string, format: VoucherFormat): Promise<RenderedFile> {
  const [t] = await deps.db
    .select()
    .from(trades)
    .where(and(eq(trades.id, tradeId), eq(trades.kind, 'market'), or(eq(trades.sellerSubjectId, actor.subject.id), eq(trades.buyerSubjectId, actor.subject.id))));
  if (!t?.buyerBatchId) throw traceError('MARKET_ENTRY_NOT_FOUND');
  const rows = await deps.db
    .select({ id: batches.id, code: batches.code, product: products })
    .from(batches)
    .innerJoin(products, eq(products.id, batches.productId))
    .where(inArray(batches.id, [t.batchId, t.buyerBatchId]));
  const source = rows.find((r) => r.id === t.batchId)!;
  const voucher = rows.find((r) => r.id === t.buyerBatchId)!;
  const seller = await printedSubject(deps, t.sellerSubjectId);
  const market = t.buyerSubjectId ? await printedSubject(deps, t.buyerSubjectId) : undefined;
  const data = {
    code: voucher.code,
    url: traceUrl(deps.config, voucher.code, null),
    marketName: t.counterparty?.name ?? market?.name ?? '',
    marketKind: t.counterparty?.marketKind ?? null,
    stall: t.counterparty?.stall ?? null,
    sellerName: seller?.name ?? '',
    productName: source.product.name,
    spec: source.product.spec,
    quantity: t.quantity,
    unit: t.unit,
    sourceCode: source.code,
    date: chinaDay(t.createdAt),
    plate: t.carrier?.plate ?? null,
  };
  return renderVoucher(data, format);
}

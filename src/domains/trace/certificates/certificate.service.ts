import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import type { Config } from '../../../platform/config.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { todayInChina } from '../../../platform/china-time.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import { printedSubject } from '../../registry/index.js';
import { regionNames } from '../../regions/index.js';
import { traceError } from '../errors.js';
import { recordTraceEvent } from '../movements/events.js';
import { batches, productionBases, products } from '../schema.js';
import { printableBy, traceUrl } from '../labels/label.service.js';
import type { CertificateBasis } from '../labels/label.shared.js';
import type { CertificateData } from '../labels/label.certificate.js';
import { receivedCertificates, recordedTestables } from './certificate.queries.js';
import { missingTests, TESTING_BASES } from './certificate.rules.js';
import { certificates } from './schema.js';

type Deps = { db: Db; config: Config; pii: Pii };
export type CertificateRow = typeof certificates.$inferSelect;
export type IssueIn = { quantity?: number | undefined; basis: CertificateBasis; testedItems?: string[] | undefined };

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * 开具: one certificate of a batch into the register. Refused after a failed self-check (the platform would print a
 * commitment it knows is false), above the batch's quantity, and on a testing basis whose tested items miss a
 * pesticide or veterinary drug recorded anywhere up the batch's chain (certificate.rules.ts). `reuse` is the old
 * print-at-once route's: the same terms issued today by the same subject are that certificate again, not another.
 */
export async function issueCertificate(deps: Deps, ctx: CommandContext | null, actor: SubjectActor, batchId: string, input: IssueIn, reuse = false): Promise<CertificateRow> {
  const tested = [...new Set((input.testedItems ?? []).map((t) => t.trim()).filter(Boolean))];
  const testing = TESTING_BASES.includes(input.basis);
  if (!testing && tested.length > 0) throw traceError('TESTED_ITEMS_WITHOUT_TEST');
  return withTransaction(deps.db, ctx, async (tx) => {
    // The lock orders two issuers of the same batch, so each certificate gets the next number.
    const [batch] = await tx
      .select()
      .from(batches)
      .where(and(eq(batches.id, batchId), printableBy(tx, actor.subject.id)))
      .for('update');
    if (!batch) throw traceError('BATCH_NOT_FOUND');
    if (batch.status === 'voided') throw traceError('BATCH_VOIDED', { batchId, voidedAt: batch.voidedAt?.toISOString() ?? null });
    if (batch.selfCheck === 'fail') throw traceError('SELF_CHECK_FAILED');
    const quantity = input.quantity ?? batch.quantity;
    if (quantity > batch.quantity) throw traceError('QUANTITY_ABOVE_BATCH', { quantity: batch.quantity, unit: batch.unit, requested: quantity });
    if (testing) {
      const missing = missingTests(await recordedTestables(tx, batch.id), tested);
      if (missing.length > 0) throw traceError('CERTIFICATE_TESTS_MISS_INPUTS', { missing, basis: input.basis });
    }
    const issuedOn = todayInChina();
    if (reuse) {
      const [same] = await tx
        .select()
        .from(certificates)
        .where(
          and(
            eq(certificates.batchId, batch.id),
            eq(certificates.subjectId, actor.subject.id),
            eq(certificates.basis, input.basis),
            sql`${certificates.quantity} = ${quantity}::numeric`,
            eq(certificates.issuedOn, issuedOn),
            sql`${certificates.testedItems} = ${JSON.stringify(tested)}::jsonb`,
          ),
        )
        .orderBy(asc(certificates.issuedAt))
        .limit(1);
      if (same) return same;
    }
    const { purchased, received } = await receivedCertificates(tx, actor.subject.id, batch.id);
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(certificates).where(eq(certificates.batchId, batch.id))) as [{ n: number }];
    const [row] = await tx
      .insert(certificates)
      .values({
        number: `${batch.code}-${twoDigits(n + 1)}`,
        batchId: batch.id,
        subjectId: actor.subject.id,
        issuerRole: purchased ? 'purchaser' : 'producer',
        basis: input.basis,
        testedItems: tested,
        sources: received.map((r) => r.number),
        quantity,
        unit: batch.unit,
        issuedOn,
        issuedBy: actor.userId,
      })
      .returning();
    // From the first certificate the public page shows the pledge (batches.certified_at).
    await tx.update(batches).set({ certifiedAt: sql`coalesce(${batches.certifiedAt}, now())` }).where(eq(batches.id, batch.id));
    await recordTraceEvent(tx, actor, { eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'inspecting', disposition: 'conformant' }, [batch.code], {
      certificate: '承诺达标合格证',
      number: row!.number,
      quantity,
      unit: batch.unit,
      basis: input.basis,
      ...(tested.length > 0 ? { testedItems: tested } : {}),
      ...(received.length > 0 ? { sources: received.map((r) => r.number) } : {}),
    });
    return row!;
  });
}

export async function issueCertificateCommand(deps: Deps, ctx: CommandContext, batchId: string, input: IssueIn) {
  const actor = subjectActorIn(ctx);
  return certificateOut(deps.db, await issueCertificate(deps, ctx, actor, batchId, input));
}

/** The register row as the API shows it: with its batch's code and the product's name. */
async function certificateOut(db: Executor, c: CertificateRow) {
  const [b] = await db.select({ code: batches.code, productName: products.name }).from(batches).innerJoin(products, eq(products.id, batches.productId)).where(eq(batches.id, c.batchId));
  return {
    id: c.id,
    number: c.number,
    batchId: c.batchId,
    batchCode: b!.code,
    productName: b!.productName,
    issuerRole: c.issuerRole as 'producer' | 'purchaser',
    basis: c.basis as CertificateBasis,
    testedItems: c.testedItems,
    sources: c.sources,
    quantity: c.quantity,
    unit: c.unit,
    issuedOn: c.issuedOn,
    issuedAt: c.issuedAt,
    prints: c.prints,
  };
}
export type CertificateOut = Awaited<ReturnType<typeof certificateOut>>;

/** 合格证记录 of a batch: what its holder issued on it, and what came with the goods it was made of (收取). */
export async function batchCertificates(deps: Deps, actor: SubjectActor, batchId: string) {
  const [batch] = await deps.db.select({ id: batches.id }).from(batches).where(and(eq(batches.id, batchId), printableBy(deps.db, actor.subject.id)));
  if (!batch) throw traceError('BATCH_NOT_FOUND');
  const rows = await deps.db.select().from(certificates).where(eq(certificates.batchId, batchId)).orderBy(desc(certificates.issuedAt));
  const { received } = await receivedCertificates(deps.db, actor.subject.id, batchId);
  return { issued: await Promise.all(rows.map((r) => certificateOut(deps.db, r))), received };
}

/** What a printed copy of a register row states. */
export async function certificateData(deps: Deps, c: CertificateRow): Promise<CertificateData> {
  const [row] = await deps.db.select({ batch: batches, product: products }).from(batches).innerJoin(products, eq(products.id, batches.productId)).where(eq(batches.id, c.batchId));
  const { batch, product } = row!;
  const subject = (await printedSubject(deps, c.subjectId))!;
  let origin = subject.regionName;
  if (batch.baseId) {
    const [base] = await deps.db.select({ regionCode: productionBases.regionCode }).from(productionBases).where(eq(productionBases.id, batch.baseId));
    if (base) origin = await regionNames(deps.db, base.regionCode);
  }
  return {
    code: batch.code,
    url: traceUrl(deps.config, batch.code, product.gtin),
    productName: product.name,
    quantity: c.quantity,
    unit: c.unit,
    origin: origin ?? '',
    producer: subject.name,
    contact: subject.contact,
    issuedOn: c.issuedOn,
    basis: c.basis as CertificateBasis,
  };
}

/** A copy of an issued certificate (its issuer's only): counted on the row, the certificate stays the one issued. */
export async function ownCertificate(deps: Deps, actor: SubjectActor, number: string): Promise<CertificateRow> {
  const [c] = await deps.db.select().from(certificates).where(and(eq(certificates.number, number), eq(certificates.subjectId, actor.subject.id)));
  if (!c) throw traceError('CERTIFICATE_NOT_FOUND', { number });
  return c;
}

export async function countPrint(db: Executor, id: string, copies: number) {
  await db.update(certificates).set({ prints: sql`${certificates.prints} + ${copies}`, lastPrintedAt: new Date() }).where(eq(certificates.id, id));
}

/**
 * 查验: what anyone holding the paper can check by its number — the product, quantity, basis and tested items, who
 * issued it as producer or purchaser, and the certificates it rests on. No phone, no person's identity.
 */
export async function publicCertificate(deps: Deps, number: string) {
  const [c] = await deps.db.select().from(certificates).where(eq(certificates.number, number));
  if (!c) throw traceError('CERTIFICATE_UNKNOWN', { number });
  const out = await certificateOut(deps.db, c);
  const issuer = await printedSubject(deps, c.subjectId);
  const [b] = await deps.db.select({ status: batches.status }).from(batches).where(eq(batches.id, c.batchId));
  return {
    number: out.number,
    batchCode: out.batchCode,
    productName: out.productName,
    issuerName: issuer?.name ?? '',
    issuerRegion: issuer?.regionName ?? '',
    issuerRole: out.issuerRole,
    basis: out.basis,
    testedItems: out.testedItems,
    sources: out.sources,
    quantity: out.quantity,
    unit: out.unit,
    issuedOn: out.issuedOn,
    batchStatus: b?.status ?? 'active',
  };
}

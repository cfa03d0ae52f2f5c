export { traceRoutes } from './routes.js';
export { labelRoutes } from './labels/label.routes.js';
export { traceUrl } from './labels/label.service.js';
export { PRODUCT_CODE_TYPES } from './codes/codes.js';
export { UNIT_ZH } from './labels/label.shared.js';
export { animalFit, sampleAnimal, SPECIES_ZH, TISSUE_ZH, type AnimalDetails, type AnimalSpecies, type AnimalTissue } from './animal.shared.js';
export { batchAnimalDetails } from './batches/batch-animal.queries.js';
export { loadProductClasses } from './master-data/product-classes.loader.js';
export { listProductClasses, productClassByCode, productClassNames } from './master-data/product-class.service.js';
export { traceGraphRoutes } from './graph/trace-graph.routes.js';
export { fsmaRoutes } from './fsma/fsma.routes.js';
export { publicTraceRoutes } from './public/public-trace.routes.js';
export { compressedLinkResolver } from './resolver/resolver.routes.js';
export { createLookupCounter } from './public/public-lookups.js';
export { seedDemoTrace } from './demo.seed.js';
export { subjectRecordsRoutes } from './master-data/subject-records.routes.js';
export { recordFieldProducts } from './master-data/master-data.service.js';
export { sampleFactsOfCode, type SampleFacts } from './batches/sample-facts.queries.js';
export { subjectTraceActivity, type SubjectTraceActivity } from './batches/subject-activity.queries.js';
export { producerTraceCounts, type ProducerTraceCounts } from './batches/producer-counts.queries.js';
export { batchCodeOfAlias, batchCodesOfAliases, isLongCode, exchangeTraceFacts, importExchangedTrace, type AliasHit, type AliasKind, type ExchangeTrace, type ResolvedFrom } from './aliases/index.js';
export { issueTemporaryProductCode } from './codes/code-issue.service.js';
export { markBatchTested } from './batches/batch-tested.service.js';
export { marketEntryRegions, producingBatchId, recallSnapshot, type RecallHolder } from './batches/recall-snapshot.queries.js';
export type { PublicSampleResult } from './public/public-trace.contracts.js';
export type { MonitoringResults } from './public/public-trace.service.js';
export { batchStatesOfCodes, type CodeState } from './code-states.queries.js';
export { holdBatches, holdCandidates, releaseHeldBatches, type HoldCandidate } from './batches/batch-hold.service.js';

import type { DomainContext, DomainModule } from '../../platform/modules.js';
import { traceAudit } from './audit-actions.js';
import { theHook } from '../../platform/modules.js';
import { createPublicSubjects as publicSubjectsOf } from '../registry/index.js';
import { traceGrants } from './permissions.js';
import { traceRoutes as traceRoutesOf } from './routes.js';
import { labelRoutes as labelRoutesOf } from './labels/label.routes.js';
import { certificateRoutes as certificateRoutesOf } from './certificates/certificate.routes.js';
import { traceGraphRoutes as traceGraphRoutesOf } from './graph/trace-graph.routes.js';
import { fsmaRoutes as fsmaRoutesOf } from './fsma/fsma.routes.js';
import { publicTraceRoutes as publicTraceRoutesOf } from './public/public-trace.routes.js';
import { compressedLinkResolver as compressedLinkOf } from './resolver/resolver.routes.js';
import { subjectRecordsRoutes as subjectRecordsRoutesOf } from './master-data/subject-records.routes.js';
import { showcaseRoutes as showcaseRoutesOf } from './showcase/index.js';
import { recordFieldProducts as fieldProducts } from './master-data/master-data.service.js';
import type { LookupCounter } from './public/public-lookups.js';
import type { MonitoringResults as Results } from './public/public-trace.service.js';
import type { PublicTraceDeps } from './public/public-trace.service.js';
import type { OutsideEvents } from './public/public-trace.outside.js';

declare module '../../platform/modules.js' {
  interface DomainHooks {
    /** The monitoring results a public trace page shows of a batch (the monitoring domain's). */
    monitoringResults: Results;
    /** Events of a chain's lots captured from other traceability systems (the integration domain's EPCIS). */
    outsideEvents: OutsideEvents;
  }
  interface DomainServices {
    /** Public look-ups counted in memory and written in batches; the metrics read its figures. */
    lookups: LookupCounter;
  }
}

// The public pages and the compressed-link resolver share one cache of subjects' public facts, as they did when
// app.ts built it once.
const publicTraceOf = new WeakMap<DomainContext, PublicTraceDeps>();
function publicTrace(ctx: DomainContext): PublicTraceDeps {
  let deps = publicTraceOf.get(ctx);
  if (!deps) {
    deps = { db: ctx.db, config: ctx.config, lookups: ctx.services.lookups, subjects: publicSubjectsOf(ctx.db, ctx.config.publicFactsTtlSeconds), monitoringResults: theHook(ctx.hooks, 'monitoringResults'), outsideEvents: theHook(ctx.hooks, 'outsideEvents') };
    publicTraceOf.set(ctx, deps);
  }
  return deps;
}

/** 追溯: codes, labels, batches and their movements, the trace graph, and the public pages. */
export const traceModule: DomainModule = {
  name: 'trace',
  permissions: [traceGrants],
  audit: [traceAudit],
  routes: (ctx) => [traceRoutesOf(ctx), labelRoutesOf(ctx), certificateRoutesOf(ctx), traceGraphRoutesOf(ctx), fsmaRoutesOf(ctx), publicTraceRoutesOf(publicTrace(ctx)), showcaseRoutesOf({ db: ctx.db, config: ctx.config, subjects: publicTrace(ctx).subjects }), subjectRecordsRoutesOf(ctx)],
  provides: { fieldProducts },
  notFound: (ctx) => compressedLinkOf(publicTrace(ctx)),
};

export { actorLoader } from './accounts/actor.loader.js';
export { authRoutes } from './accounts/auth.routes.js';
export { recoveryRoutes } from './accounts/recovery.routes.js';
export { registryRoutes } from './accounts/routes.js';
export { subjectRoutes } from './subjects/subject.routes.js';
export { purgeUnreferencedUploads, uploadPurgeJob, UPLOAD_PURGE_JOB } from './subjects/upload.purge.js';
export { importRoutes } from './subjects/import.routes.js';
export { mySubjectRoutes } from './subjects/my-subject.routes.js';
export { demoSubject, seedDemo, DEMO_AGENCIES, DEMO_PASSWORD } from './demo.seed.js';
export { DEMO_SUBJECTS } from './subjects/demo-subjects.seed.js';
export type { FieldProduct, FieldProductWriter, RegistryDeps } from './deps.js';
export { bootstrapMinistry } from './accounts/bootstrap.service.js';
export { agencyVisibility, subjectVisibility } from './visibility.js';
export { departmentTerm, isGeneral } from './departments.js';
export { subjectNames } from './schema.js';
export { insideChina } from './subjects/inside-china.shared.js';
export { subjectIdOfIdentity, subjectOfIdentityToken, subjectOfIdentityTokenSql } from './subjects/identity.service.js';
export { recordSystemCertificate, subjectStandingsByHash, type SubjectStanding, type SystemCertificate } from './subjects/system-certificates.service.js';
export { checkIdNumber, checkUscc, idCheckChar, usccCheckChar } from './subjects/identity-check.shared.js';
export { subjectCertificateKinds, subjectIdentities } from './schema.js';
export { identityHash, identityProblem, knownIdentities, registerExchangedSubjects, type ExchangedSubject } from './subjects/exchange-subjects.js';
export { printedSubject } from './subjects/printed-subject.js';
export { createPublicSubjects, type PublicCertificate, type PublicSubjectFacts, type PublicSubjects } from './subjects/public-subjects.cache.js';
export { naturalPersonSubjects, subjectContactReader, subjectContactSql, subjectIdsOfShownIdentitySql, type SubjectContact, type SubjectContactColumns } from './subjects/holders.queries.js';
export { accountAffiliations, activeAgencies, activeAgenciesSeatedIn, activeAgenciesWithin, activeMembersOf, enforcementAgenciesOver, marketRegulatorsOver, userNames, agencyMembers, agencyNames, recordCaseBadConduct, subjectFacts, type AgencyFacts, type SubjectFacts } from './accounts/agency-facts.queries.js';
export { countNoticeAudience, noticeAudienceSql, regionNamesOf, type NoticeAudience } from './notice-audience.queries.js';

import type { DomainModule } from '../../platform/modules.js';
import { registryAudit } from './audit-actions.js';
import type { FieldProductWriter as FieldProducts } from './deps.js';
import { registryGrants } from './permissions.js';
import { authRoutes as authRoutesOf } from './accounts/auth.routes.js';
import { recoveryRoutes as recoveryRoutesOf } from './accounts/recovery.routes.js';
import { registryRoutes as registryRoutesOf } from './accounts/routes.js';
import { subjectRoutes as subjectRoutesOf } from './subjects/subject.routes.js';
import { identityCheckRoutes as identityCheckRoutesOf } from './subjects/identity-check.routes.js';
import { importRoutes as importRoutesOf } from './subjects/import.routes.js';
import { mySubjectRoutes as mySubjectRoutesOf } from './subjects/my-subject.routes.js';
import { uploadPurgeJob as uploadPurgeJobOf } from './subjects/upload.purge.js';
import { theHook } from '../../platform/modules.js';

declare module '../../platform/modules.js' {
  interface DomainHooks {
    /** Records the products a subject declared when registering (the trace domain's master data). */
    fieldProducts: FieldProducts;
  }
}

/** 主体与账号: agencies, accounts and subjects. */
export const registryModule: DomainModule = {
  name: 'registry',
  permissions: [registryGrants],
  audit: [registryAudit],
  routes: (ctx) => [authRoutesOf(ctx), recoveryRoutesOf(ctx), registryRoutesOf(ctx), subjectRoutesOf({ ...ctx, fieldProducts: theHook(ctx.hooks, 'fieldProducts') }), importRoutesOf(ctx), mySubjectRoutesOf(ctx), identityCheckRoutesOf(ctx)],
  jobs: (ctx) => [uploadPurgeJobOf(ctx.db, ctx.files)],
};

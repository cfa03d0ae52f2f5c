import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, numeric, pgTable, pgView, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    level: varchar('level', { length: 16 }).notNull(),
    /** '' for the ministry; otherwise the region code of the agency's level. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The supervision agency that allocated this one (null for the ministry). */
    parentId: uuid('parent_id'),
    /**
     * 部门 (issue 21 §3): 'agriculture' (农业农村, the general one), 'animal_husbandry' (畜牧兽医), 'fishery' (渔业) or
     * 'reclamation' (农垦). A region may hold one supervision agency per level and department.
     */
    department: varchar('department', { length: 16 }).notNull().default('agriculture'),
    /** The subject industries a department's agency answers for; null for the general agency (all of them). */
    industries: text('industries').array(),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('agencies_region').on(t.regionCode),
    index('agencies_parent').on(t.parentId),
    // One supervision agency per region, level and department; testing and enforcement agencies may be several.
    uniqueIndex('agencies_one_supervision').on(t.level, t.regionCode, t.department).where(sql`kind = 'supervision'`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 40 }).notNull(),
    displayName: varchar('display_name', { length: 60 }).notNull(),
    phoneEnc: varchar('phone_enc', { length: 200 }),
    phoneHash: varchar('phone_hash', { length: 64 }),
    passwordHash: varchar('password_hash', { length: 200 }).notNull(),
    /** Exactly one of agency_id (an official) and subject_id (a producer's or trader's account) is set. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    subjectId: uuid('subject_id').references(() => subjects.id),
    /** For a subject's account: its number under the identity code (1 = main account, 2 upward = staff). */
    accountNo: integer('account_no'),
    role: varchar('role', { length: 16 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    /** Until when logins to this account are locked from some address (platform/auth/login-guard.ts): for the administrator's eyes. */
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('users_username_lower').on(sql`lower(${t.username})`),
    index('users_agency').on(t.agencyId),
    uniqueIndex('users_subject_no').on(t.subjectId, t.accountNo),
    check('users_one_owner', sql`(${t.agencyId} IS NULL) <> (${t.subjectId} IS NULL)`),
  ],
);

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * 生产经营主体: a producer or trader. Registered subjects come from an approved application (or a county's
 * bulk import); temporary ones (status 'temporary', 主体临时身份码) are recorded by inspectors in the field and
 * are claimed in place when the same identity registers, so everything recorded about them stays attached.
 */
export const subjects = pgTable(
  'subjects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 主体类别 0 生产 1 经营 2 生产经营 3 农资 */
    category: smallint('category').notNull(),
    /** 组织形式 0 企业 1 个人 2 家庭农场 3 合作社 */
    orgForm: smallint('org_form').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    /** 'uscc' (统一社会信用代码) or 'resident_id' (居民身份证); null for a temporary subject recorded without one. */
    idKind: varchar('id_kind', { length: 16 }),
    idEnc: varchar('id_enc', { length: 200 }),
    /**
     * The identity number as lists show it (`shownIdNumber`: a resident ID masked, a credit code — public
     * registration data — in full), written with `id_enc`, so that a list of thousands of holders (the recall list)
     * need not decrypt every number only to mask it. Null on rows written before it existed: read `id_enc` then.
     */
    idShown: varchar('id_shown', { length: 18 }),
    idHash: varchar('id_hash', { length: 64 }),
    legalRep: varchar('legal_rep', { length: 60 }),
    phoneEnc: varchar('phone_enc', { length: 200 }),
    phoneHash: varchar('phone_hash', { length: 64 }),
    industries: text('industries').array().notNull(),
    /** The department whose county agency approved it and answers for it (agencies.department). */
    department: varchar('department', { length: 16 }).notNull().default('agriculture'),
    /** 法定代表人身份证号 of a company, encrypted like every identity number; lists show `legalRepIdShown` (masked). */
    legalRepIdEnc: varchar('legal_rep_id_enc', { length: 200 }),
    legalRepIdShown: varchar('legal_rep_id_shown', { length: 18 }),
    /**
     * 重点主体 flags set by the agencies (issue 21 §3; priority-flags.shared.ts says who sets which): national or
     * provincial 农业产业化龙头企业, 菜篮子 product base, 规模主体. Counted in the statistics (measure subject_priority).
     */
    priorityFlags: text('priority_flags').array().notNull().default(sql`'{}'::text[]`),
    scale: numeric('scale', { precision: 14, scale: 2, mode: 'number' }),
    scaleUnit: varchar('scale_unit', { length: 16 }),
    annualOutput: numeric('annual_output', { precision: 14, scale: 2, mode: 'number' }),
    outputUnit: varchar('output_unit', { length: 16 }),
    /** Township (9 digits) where known; the first 6 digits are the county that supervises it. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    address: varchar('address', { length: 200 }),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** [{kind: 'licence'|'id_front'|'id_back'|'other', fileId}] */
    photos: jsonb('photos').$type<{ kind: string; fileId: string }[]>().notNull().default([]),
    status: varchar('status', { length: 16 }).notNull(),
    /** 主体临时身份码 while temporary; kept after claiming so that old records still resolve. */
    tempCode: varchar('temp_code', { length: 24 }),
    /** Opaque token of the electronic identity QR (电子身份标识); replaced to revoke the printed one. */
    eToken: varchar('e_token', { length: 40 }),
    eTokenIssuedAt: timestamp('e_token_issued_at', { withTimezone: true, mode: 'date' }),
    registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('subjects_id_hash').on(t.idHash),
    uniqueIndex('subjects_e_token').on(t.eToken),
    uniqueIndex('subjects_temp_code').on(t.tempCode),
    index('subjects_region').on(t.regionCode, t.id),
    index('subjects_name').on(t.name),
    index('subjects_phone_hash').on(t.phoneHash),
  ],
);

/**
 * What other domains read of a subject by its id — its name and status — in their own statements (a trade list's
 * parties, a chain's holders, the public page's suspended check): through this view, never the `subjects` table, so
 * the registry may change its table without another domain's SQL knowing (issue 20 §3). A plain view: PostgreSQL
 * inlines it, so a read through it is planned as one on the table (the partial index subjects_suspended included).
 */
/**
 * Who holds an identity number (by its keyed hash), for other domains' joins: a certification system's certificates
 * are matched to subjects by it (integration's coverage), never by reading `subjects`.
 */
export const subjectIdentities = pgView('registry_subject_identities').as((qb) =>
  qb.select({ id: subjects.id, idHash: subjects.idHash, status: subjects.status, regionCode: subjects.regionCode }).from(subjects),
);

export const subjectNames = pgView('registry_subject_names').as((qb) => qb.select({ id: subjects.id, name: subjects.name, status: subjects.status }).from(subjects));

/**
 * 入网登记申请: what an applicant submitted, as one JSON document (`form`, without the identity number and
 * phone, which are kept encrypted beside their keyed hashes). The applicant follows it with `tracking_code`.
 */
export const subjectApplications = pgTable(
  'subject_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingCode: varchar('tracking_code', { length: 24 }).notNull(),
    /** 'pending' 待审核 · 'returned' 退回修改 · 'rejected' 不予通过 · 'approved' 已通过 */
    status: varchar('status', { length: 16 }).notNull(),
    form: jsonb('form').$type<Record<string, unknown>>().notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    idKind: varchar('id_kind', { length: 16 }).notNull(),
    idEnc: varchar('id_enc', { length: 200 }).notNull(),
    idHash: varchar('id_hash', { length: 64 }).notNull(),
    phoneEnc: varchar('phone_enc', { length: 200 }).notNull(),
    phoneHash: varchar('phone_hash', { length: 64 }).notNull(),
    username: varchar('username', { length: 40 }).notNull(),
    passwordHash: varchar('password_hash', { length: 200 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The department it was routed to when submitted: the county's agency of that department decides it. */
    department: varchar('department', { length: 16 }).notNull().default('agriculture'),
    /** 法定代表人身份证号, encrypted (not in `form`). */
    legalRepIdEnc: varchar('legal_rep_id_enc', { length: 200 }),
    /** The last opinion of the county: why it was returned or rejected. */
    opinion: varchar('opinion', { length: 500 }),
    revision: integer('revision').notNull().default(1),
    subjectId: uuid('subject_id').references(() => subjects.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedBy: uuid('decided_by'),
    /** The privacy notice the applicant consented to (its version) and when: ID photos are sensitive personal information (PIPL art. 28, 29). */
    privacyConsentVersion: varchar('privacy_consent_version', { length: 20 }),
    privacyConsentAt: timestamp('privacy_consent_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('subject_applications_tracking').on(t.trackingCode),
    // One open application per wanted login, even when racing. Not per identity: a squatter's application must not
    // block the rightful owner's; clashing applications all reach the county, which decides (issue 19).
    index('subject_applications_open_id').on(t.idHash).where(sql`status IN ('pending', 'returned')`),
    uniqueIndex('subject_applications_open_username').on(sql`lower(${t.username})`).where(sql`status IN ('pending', 'returned')`),
    index('subject_applications_inbox').on(t.regionCode, t.status, t.submittedAt),
  ],
);

/** Every step of an application: submitted, returned, resubmitted, approved, rejected. */
export const subjectApplicationEvents = pgTable(
  'subject_application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => subjectApplications.id),
    action: varchar('action', { length: 16 }).notNull(),
    opinion: varchar('opinion', { length: 500 }),
    actorId: uuid('actor_id'),
    actorName: varchar('actor_name', { length: 100 }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('subject_application_events_app').on(t.applicationId, t.at)],
);

/** 变更申请: a registered subject's change to its registration data, approved again by its county. */
export const subjectChangeRequests = pgTable(
  'subject_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    /** Only the changed fields, before and after (PII masked in `before`/`after`, kept encrypted in `secret`). */
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    after: jsonb('after').$type<Record<string, unknown>>().notNull(),
    secret: jsonb('secret').$type<Record<string, string>>(),
    reason: varchar('reason', { length: 500 }),
    opinion: varchar('opinion', { length: 500 }),
    requestedBy: uuid('requested_by').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('subject_change_requests_one_open').on(t.subjectId).where(sql`status = 'pending'`),
    index('subject_change_requests_inbox').on(t.regionCode, t.status, t.createdAt),
  ],
);

/** 三品一标 and 承诺达标 certificates a subject attaches; an agency of its jurisdiction verifies them. */
export const subjectCertificates = pgTable(
  'subject_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    kind: varchar('kind', { length: 20 }).notNull(),
    number: varchar('number', { length: 60 }).notNull(),
    products: varchar('products', { length: 300 }).notNull(),
    issuer: varchar('issuer', { length: 100 }),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    scanFileId: uuid('scan_file_id'),
    /** The certification system that pushed it (平台对接), by name: its word is the verification, no agency's. */
    issuedBySystem: varchar('issued_by_system', { length: 100 }),
    /** 'unverified' · 'verified' · 'rejected' · 'withdrawn' */
    status: varchar('status', { length: 16 }).notNull().default('unverified'),
    verifiedBy: uuid('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'date' }),
    verifyNote: varchar('verify_note', { length: 300 }),
    createdAt: createdAt(),
  },
  (t) => [index('subject_certificates_subject').on(t.subjectId), uniqueIndex('subject_certificates_number').on(t.kind, t.number).where(sql`status <> 'withdrawn'`)],
);

/** The certificates a subject holds, for other domains' filters (the public showcase by certificate kind). */
export const subjectCertificateKinds = pgView('registry_subject_certificate_kinds').as((qb) =>
  qb.select({ subjectId: subjectCertificates.subjectId, kind: subjectCertificates.kind, status: subjectCertificates.status, validTo: subjectCertificates.validTo }).from(subjectCertificates),
);

/** 不良记录: bad conduct recorded by an agency (and later by closed enforcement cases). */
export const subjectBadRecords = pgTable(
  'subject_bad_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    severity: varchar('severity', { length: 16 }).notNull(),
    description: varchar('description', { length: 1000 }).notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    source: varchar('source', { length: 40 }).notNull().default('manual'),
    agencyId: uuid('agency_id').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('subject_bad_records_subject').on(t.subjectId, t.createdAt)],
);

/** History of a subject's status: registered, suspended, restored, claimed. */
export const subjectStatusEvents = pgTable(
  'subject_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    fromStatus: varchar('from_status', { length: 16 }),
    toStatus: varchar('to_status', { length: 16 }).notNull(),
    reason: varchar('reason', { length: 500 }),
    actorId: uuid('actor_id'),
    actorName: varchar('actor_name', { length: 100 }),
    agencyId: uuid('agency_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('subject_status_events_subject').on(t.subjectId, t.at)],
);

/**
 * 忘记密码: a request, made on the login page, that the account's administrator reset its password. Resolved by the
 * administrator's reset (the same transaction), or cancelled by a password change. One open request per account.
 */
export const passwordResetRequests = pgTable(
  'password_reset_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 'pending' 待处理 · 'resolved' 已重置 */
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [uniqueIndex('password_reset_requests_open').on(t.userId).where(sql`status = 'pending'`)],
);

/**
 * The facts of a subject the business monitors count (业务监控, analytics): where it is, its status, category and
 * when it was registered; never names, identities or phones. A plain view the registry owns (issue 20 §3).
 */
export const subjectFacts = pgView('registry_subject_facts').as((qb) =>
  qb.select({ id: subjects.id, regionCode: subjects.regionCode, status: subjects.status, category: subjects.category, registeredAt: subjects.registeredAt }).from(subjects),
);

/** Agencies as other domains' statements name and place them (the monitors' rows, a report's sender): no accounts. */
export const agencyFacts = pgView('registry_agency_facts').as((qb) =>
  qb.select({ id: agencies.id, name: agencies.name, kind: agencies.kind, level: agencies.level, regionCode: agencies.regionCode, status: agencies.status }).from(agencies),
);

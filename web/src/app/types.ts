// Wire types of the API, kept in step with src/domains/*/contracts.ts (the zod schemas). The console declares
// them here rather than importing the contracts, which pull server-only modules (drizzle, node:buffer) into
// the bundle. Dates arrive as ISO strings.

export const AGENCY_KINDS = ['supervision', 'testing', 'enforcement', 'operations'] as const;
export const AGENCY_LEVELS = ['ministry', 'province', 'city', 'county', 'township'] as const;
export const ROLES = ['admin', 'staff'] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number];
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export type Role = (typeof ROLES)[number];
export type UserStatus = 'active' | 'disabled';
export type Permission =
  | 'agency.read'
  | 'agency.allocate'
  | 'user.read'
  | 'user.manage'
  | 'audit.read'
  | 'backup.read'
  | 'job.read'
  | 'job.retry'
  | 'subject.read'
  | 'subject.temporary'
  | 'subject.approve'
  | 'subject.supervise'
  | 'subject.self'
  | 'subject.manage'
  | 'trace.read'
  | 'trace.write'
  | 'trace.graph'
  | 'trace.recall'
  | 'supervision.publish'
  | 'supervision.task'
  | 'supervision.inspect'
  | 'supervision.checklist'
  | 'supervision.read'
  | 'enforcement.case'
  | 'enforcement.read'
  | 'monitoring.sample'
  | 'monitoring.read'
  | 'monitoring.alert'
  | 'feedback.file'
  | 'feedback.handle'
  | 'feedback.confirm'
  | 'incident.read'
  | 'incident.report'
  | 'incident.consent'
  | 'incident.liaison';

/** The first page of a counted list carries its filter's total (at most 10,000, then `capped`). */
export type ListTotal = { value: number; capped: boolean };
export type Page<T> = { items: T[]; nextCursor: string | null; total?: ListTotal };

export type Agency = {
  id: string;
  name: string;
  kind: AgencyKind;
  level: AgencyLevel;
  regionCode: string;
  regionName: string | null;
  parentId: string | null;
  status: string;
  childCount: number;
  createdAt: string;
};

export type User = {
  id: string;
  username: string;
  displayName: string;
  /** masked by the server */
  phone: string | null;
  role: Role;
  status: UserStatus;
  agencyId: string | null;
  subjectId?: string | null;
  /** A subject's account: its user code under the subject identity code. */
  userCode?: string | null;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
};

/** The subject a producer's account acts for (meOut.subject). */
export type MeSubject = { id: string; name: string; status: string; identityCode: string; regionCode: string; accountNo: number };

/** An official's account has `agency` (and a jurisdiction); a producer's account has `subject` instead. */
export type Me = {
  user: User;
  agency: Agency | null;
  subject: MeSubject | null;
  permissions: string[];
  jurisdiction: string | null;
  csrfToken: string | null;
};
export type AgencyMe = Me & { agency: Agency; jurisdiction: string };

export type ApiToken = { id: string; name: string; prefix: string; createdAt: string; expiresAt: string; lastUsedAt?: string | null };
/** My tokens, with the lifetime a new one gets when none is asked for and the longest one may ask for. */
export type ApiTokenList = { items: ApiToken[]; defaultDays: number; maxDays: number };
export type ApiTokenCreated = ApiToken & { token: string };

export type AllocationOption = { kind: AgencyKind; level: AgencyLevel; regionWithin: string; regionLevel: number; accountRole: Role };

export type NewAccount = { username: string; displayName: string; phone?: string; password: string };
export type AllocateRequest = { name: string; kind: AgencyKind; level: AgencyLevel; regionCode: string; account: NewAccount };
export type NewUserRequest = NewAccount & { role: Role };
export type UpdateUserRequest = { status?: UserStatus; displayName?: string; phone?: string | null };

export type Region = { code: string; name: string; level: number; parentCode: string | null; hasChildren: boolean };
export type RegionDetail = Region & { path: { code: string; name: string }[] };

export type AuditEntry = {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorAffiliation: string | null;
  action: string;
  targetType: string;
  targetId: string;
  regionCode: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  hash: string;
};

export type ErrorBody = { code: string; message: { zh: string; en: string }; details?: Record<string, unknown> };

// Subject registration (src/domains/registry/subject.contracts.ts).

/** 主体类别: 0 生产 1 经营 2 生产经营 3 农资 */
export const SUBJECT_CATEGORIES = [0, 1, 2, 3] as const;
/** 组织形式: 0 企业 1 个人 2 家庭农场 3 合作社 */
export const ORG_FORMS = [0, 1, 2, 3] as const;
export const INDUSTRIES = ['planting', 'livestock', 'fishery'] as const;
export const ID_KINDS = ['uscc', 'resident_id'] as const;
export const PHOTO_KINDS = ['licence', 'id_front', 'id_back', 'site'] as const;
export const APPLICATION_STATUSES = ['pending', 'returned', 'rejected', 'approved'] as const;
export const SUBJECT_STATUSES = ['active', 'suspended', 'temporary'] as const;
export const CERTIFICATE_KINDS = ['green', 'organic', 'geo', 'pledge', 'pollution_free'] as const;
export const CERTIFICATE_STATUSES = ['unverified', 'verified', 'rejected', 'withdrawn'] as const;
export const BAD_RECORD_SEVERITIES = ['minor', 'serious', 'grave'] as const;
export const SCALE_UNITS = { planting: ['mu', 'hectare', 'greenhouse_m2'], livestock: ['head', 'bird', 'barn_m2'], fishery: ['water_mu', 'cage_m3'] } as const;
export const OUTPUT_UNITS = { planting: ['tonne', 'kg'], livestock: ['head', 'bird', 'tonne'], fishery: ['tonne', 'kg'] } as const;

export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];
export type OrgForm = (typeof ORG_FORMS)[number];
export type Industry = (typeof INDUSTRIES)[number];
export type IdKind = (typeof ID_KINDS)[number];
export type PhotoKind = (typeof PHOTO_KINDS)[number];
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export type BadRecordSeverity = (typeof BAD_RECORD_SEVERITIES)[number];
export type ScaleUnit = (typeof SCALE_UNITS)[Industry][number];
export type OutputUnit = (typeof OUTPUT_UNITS)[Industry][number];

export type PhotoRef = { kind: PhotoKind; fileId: string };

/** subjectProfileIn: what the wizard collects. */
export type SubjectProfileRequest = {
  category: SubjectCategory;
  orgForm: OrgForm;
  name: string;
  industries: Industry[];
  scale: number;
  scaleUnit: string;
  annualOutput: number;
  outputUnit: string;
  idKind: IdKind;
  idNumber: string;
  legalRep: string;
  phone: string;
  photos: PhotoRef[];
  provinceCode: string;
  countyCode: string;
  townshipCode: string;
  address: string;
  lat: number;
  lng: number;
};
/** `uploadTicket`: the ticket the photos were uploaded under (subjectApi.uploadTicket). */
export type ApplicationRequest = SubjectProfileRequest & { username: string; password: string; uploadTicket: string; /** the privacy notice's version consented to */ privacyConsent: string };
export type ResubmitRequest = SubjectProfileRequest & { password?: string; uploadTicket?: string };
/** An application's identity number is a registered subject's, or another open application's: the county decides. */
export type IdentityClash = 'registered' | 'pending';

/** subjectProfileOut: identity number and phone masked unless `revealed`. */
export type SubjectProfile = {
  category: number;
  orgForm: number;
  name: string;
  industries: string[];
  scale: number | null;
  scaleUnit: string | null;
  annualOutput: number | null;
  outputUnit: string | null;
  idKind: string | null;
  idNumber: string | null;
  legalRep: string | null;
  phone: string | null;
  photos: { kind: string; fileId: string }[];
  regionCode: string;
  regionPath: { code: string; name: string }[];
  address: string | null;
  lat: number | null;
  lng: number | null;
};

export type ApplicationEvent = { action: string; opinion: string | null; actorName: string | null; at: string };
export type ClaimCandidate = { id: string; tempCode: string; name: string; regionCode: string; matchedBy: string; createdAt: string };

export type Application = {
  id: string;
  trackingCode: string;
  status: ApplicationStatus;
  revision: number;
  username: string;
  opinion: string | null;
  submittedAt: string;
  decidedAt: string | null;
  profile: SubjectProfile;
  revealed: boolean;
  history: ApplicationEvent[];
  subjectId: string | null;
  identityCode: string | null;
  clash: IdentityClash | null;
  claimCandidates: ClaimCandidate[];
};
export type ApplicationCreated = { id: string; trackingCode: string; status: string; statusUrl: string };
export type ApplicationListItem = {
  id: string;
  trackingCode: string;
  status: string;
  name: string;
  category: number;
  orgForm: number;
  idKind: string;
  /** masked */
  idNumber: string;
  regionCode: string;
  regionName: string | null;
  revision: number;
  submittedAt: string;
  clash: IdentityClash | null;
};
export type UploadResult = { fileId: string; mime: string; size: number };

export type SubjectListItem = {
  id: string;
  name: string;
  /** masked for a natural person */
  identityCode: string;
  category: number;
  orgForm: number;
  industries: string[];
  regionCode: string;
  regionName: string | null;
  status: string;
  registeredAt: string | null;
};
export type SubjectStatusEvent = { fromStatus: string | null; toStatus: string; reason: string | null; actorName: string | null; at: string };
export type Certificate = {
  id: string;
  subjectId: string;
  kind: CertificateKind;
  number: string;
  products: string;
  issuer: string | null;
  validFrom: string;
  validTo: string;
  scanFileId: string | null;
  status: CertificateStatus;
  valid: boolean;
  verifiedAt: string | null;
  verifyNote: string | null;
  createdAt: string;
};
export type BadRecord = {
  id: string;
  severity: BadRecordSeverity;
  description: string;
  occurredOn: string;
  source: string;
  agencyName: string | null;
  recordedByName: string | null;
  createdAt: string;
};
export type SubjectDetail = SubjectListItem & {
  profile: SubjectProfile;
  tempCode: string | null;
  certificates: Certificate[];
  badRecords: BadRecord[];
  statusHistory: SubjectStatusEvent[];
  accountCount: number;
  pendingChange: boolean;
};
export type BadRecordRequest = { severity: BadRecordSeverity; description: string; occurredOn: string };
export type ElectronicIdentity = { url: string; token: string; issuedAt: string; qrSvg: string };
export type ScannedIdentity = { subject: SubjectListItem; certificates: Certificate[]; canOpenDetail: boolean };

// A registered subject's staff, certificates and change requests (subject.contracts.ts: staffIn, certificateIn,
// certificateVerifyIn, changeRequestIn, changeRequestOut).
export type StaffRequest = { username: string; displayName: string; phone?: string; password: string };
export type CertificateRequest = { kind: CertificateKind; number: string; products: string; issuer?: string; validFrom: string; validTo: string; scanFileId: string };
export type CertificateVerifyRequest = { verified: boolean; note?: string };
/** What a change request may touch: not the identity, not the county. */
export const CHANGEABLE_FIELDS = ['category', 'orgForm', 'name', 'industries', 'scale', 'scaleUnit', 'annualOutput', 'outputUnit', 'legalRep', 'phone', 'photos', 'townshipCode', 'address', 'lat', 'lng'] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];
export type ProfileChanges = Partial<Pick<SubjectProfileRequest, ChangeableField>>;
export type ChangeRequestBody = { changes: ProfileChanges; reason: string };
export const CHANGE_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];
export type ChangeRequest = {
  id: string;
  subjectId: string;
  subjectName: string;
  status: ChangeRequestStatus;
  /** Only the changed fields, phones masked. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  reason: string | null;
  opinion: string | null;
  createdAt: string;
  decidedAt: string | null;
};

// County bulk import (src/domains/registry/import.contracts.ts).

/** One reason a row of the file was refused; `field` is the template column's key. */
export type ImportProblem = { field: string; code: string; message: { zh: string; en: string } };
/** A refused row, by its Excel row number (details.rows of the 422 IMPORT_ROWS_INVALID). */
export type ImportRowReport = { row: number; problems: ImportProblem[] };
export type ImportRowsInvalidDetails = { rows: ImportRowReport[]; badRowCount: number; rowCount: number };
export type ImportCredential = { row: number; name: string; username: string; initialPassword: string };
export type ImportResult = {
  importId: string;
  registered: number;
  claimed: number;
  elapsedMs: number;
  timings: { readMs: number; checkMs: number; hashMs: number; writeMs: number };
  /** Initial logins, shown once: the server keeps no copy. */
  credentials: ImportCredential[];
  /** The same credentials as an .xlsx, base64. */
  credentialsXlsx: string;
};

// Traceability (src/domains/trace/contracts.ts): bases, products, batches, trades, market entries, the chain.
// What can be printed (formats, layouts, certificate bases) comes from src/domains/trace/label.shared.ts itself.

export const PRODUCT_UNITS = ['kg', 'g', 'jin', 'tonne', 'piece', 'box', 'bag', 'head', 'bird', 'dozen'] as const;
export const AREA_UNITS = ['mu', 'hectare', 'm2', 'water_mu'] as const;
export const INPUT_KINDS = ['pesticide', 'fertilizer', 'feed', 'vet_drug'] as const;
export const SELF_CHECK_RESULTS = ['pass', 'fail', 'none'] as const;
export const MARKET_KINDS = ['wholesale', 'retail', 'processor'] as const;
export const TRADE_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];
export type AreaUnit = (typeof AREA_UNITS)[number];
export type InputKind = (typeof INPUT_KINDS)[number];
export type SelfCheckResult = (typeof SELF_CHECK_RESULTS)[number];
export type MarketKind = (typeof MARKET_KINDS)[number];
export type TradeStatus = (typeof TRADE_STATUSES)[number];

export type ProductClass = { code: string; parentCode: string | null; level: number; nameZh: string; nameEn: string; gb2763Category: string; sourceUrl: string; hasChildren: boolean };
export type BaseRequest = { name: string; regionCode: string; address: string; area?: number; areaUnit?: AreaUnit; lat: number; lng: number };
export type Base = { id: string; name: string; regionCode: string; address: string; area: number | null; areaUnit: string | null; lat: number; lng: number; status: string; voided: Voided | null; createdAt: string };
/** 作废: when and why a record was withdrawn. */
export type Voided = { at: string; reason: string };
/** One entry of a record's 修改记录: the fields it changed, before and after, who, when and why. */
export type Correction = { id: string; kind: 'edit' | 'void'; before: Record<string, unknown>; after: Record<string, unknown>; reason: string; actorName: string; at: string };
export type ProductRequest = { name: string; classCode: string; spec: string; unit: ProductUnit; brand?: string; gtin?: string };
export type Product = { id: string; name: string; classCode: string; className: string; spec: string; unit: string; brand: string | null; gtin: string | null; status: string; voided: Voided | null; createdAt: string };
export type BatchInput = { kind: InputKind; name: string; dose: number; doseUnit: string; appliedOn: string };
export type BatchRequest = {
  productId: string;
  baseId?: string;
  quantity: number;
  unit: ProductUnit;
  harvestDate: string;
  inputs: BatchInput[];
  selfCheck: { result: SelfCheckResult; note?: string };
};
export type Batch = {
  id: string;
  code: string;
  productId: string;
  productName: string;
  baseId: string | null;
  /** own 自产 · purchase 采购 · market_entry 入市 · process 加工 · split 拆分 · merge 合并 */
  source: string;
  quantity: number;
  unit: string;
  stock: number;
  frozen: number;
  harvestDate: string | null;
  selfCheck: string;
  selfCheckNote: string | null;
  status: string;
  voided: Voided | null;
  /** A certificate was issued: its base and self-check are fixed. */
  certified: boolean;
  createdAt: string;
  inputs: { kind: string; name: string; dose: number; doseUnit: string; appliedOn: string }[];
};

/** GET /trace/codes/:code: what a code is (structure only). */
export type CodeDescription =
  | { kind: 'product'; code: string; type: number; typeKey: string; typeName: { zh: string; en: string }; county: string; province: string; serial: string }
  | { kind: 'long'; code: string; type: number; typeKey: string; category: number; identity: string; productClass: string; issuedAt: string; seq: string }
  | { kind: 'subject'; code: string; category: number; identity: string; accountNo: number }
  | { kind: 'temporary_subject'; code: string; county: string };

export type Carrier = { company?: string; plate?: string; driver?: string; phone?: string };
export type TradeRequest = {
  batchId: string;
  quantity: number;
  unit: string;
  carrier?: Carrier;
  storage?: string;
  quarantineCert?: string;
} & ({ buyerToken: string } | { buyer: { name: string; phone?: string; address?: string } });
export type MarketEntryRequest = {
  batchId: string;
  quantity: number;
  unit: string;
  market: { kind: MarketKind; token?: string; name?: string; address?: string; stall?: string };
  carrier?: Carrier;
};
export type Trade = {
  id: string;
  /** scan 扫码交易 · manual a buyer not registered · market 入市 */
  kind: 'scan' | 'manual' | 'market';
  status: TradeStatus;
  batchId: string;
  batchCode: string;
  productName: string;
  quantity: number;
  unit: string;
  returned: number;
  seller: { subjectId: string; name: string };
  buyer: { subjectId: string | null; name: string; phone: string | null; address: string | null; marketKind: MarketKind | null; stall: string | null };
  carrier: { company: string | null; plate: string | null; driver: string | null; phone: string | null } | null;
  storage: string | null;
  quarantineCert: string | null;
  buyerBatchId: string | null;
  buyerBatchCode: string | null;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
};
export type TradeEvent = { type: 'trade.created' | 'trade.confirmed' | 'trade.rejected' | 'trade.cancelled' | 'trade.returned'; trade: Trade };
export type TransformationRequest = { inputs: { batchId: string; quantity: number }[]; output: { productId: string; quantity: number; unit: string; productionDate: string } };
export type ReturnRequest = { tradeId: string; quantity: number; reason: string };
export type TradeReturn = { id: string; tradeId: string; quantity: number; reason: string; createdAt: string; trade: Trade };

export type TraceDirection = 'backward' | 'forward';
export type TraceNode = {
  id: string;
  code: string;
  productName: string;
  classCode: string;
  source: string;
  quantity: number;
  unit: string;
  stock: number;
  depth: number;
  createdAt: string;
  harvestDate: string | null;
  /** subject: registered; unregistered: a buyer recorded by hand; market: a market or processor (入市) */
  holder: { kind: 'subject' | 'unregistered' | 'market'; subjectId: string | null; name: string; county: string; countyName: string | null };
};
export type TraceEdge = { from: string; to: string; kind: string; quantity: number; createdAt: string };
export type TraceResult = { rootId: string; direction: TraceDirection; depth: number; nodes: TraceNode[]; edges: TraceEdge[]; truncated: boolean };

/** GET /trace/batches/by-code/:code (batchLookupOut): the batch behind a code, for whoever may trace it. */
export type BatchLookup = {
  id: string;
  code: string;
  productName: string;
  source: string;
  quantity: number;
  unit: string;
  stock: number;
  harvestDate: string | null;
  createdAt: string;
  holderName: string;
  county: string;
  countyName: string | null;
};

/** GET /trace/batches/:id/recall (recallOut, trace-graph.contracts.ts): the 召回清单. */
export type RecallHolderKind = 'subject' | 'unregistered' | 'market';
export type RecallHolder = {
  hops: number;
  batchId: string;
  batchCode: string;
  productName: string;
  holderKind: RecallHolderKind;
  subjectId: string | null;
  name: string;
  /** masked for a natural person; null for a holder not registered */
  identityCode: string | null;
  /** in full (each list given out is audited) */
  phone: string | null;
  address: string | null;
  county: string;
  countyName: string | null;
  marketKind: string | null;
  stall: string | null;
  quantityReceived: number;
  unit: string;
  stock: number;
  receivedAt: string;
};
export type RecallList = {
  batch: { id: string; code: string; productName: string; quantity: number; unit: string; stock: number; holderName: string; county: string; countyName: string | null };
  generatedAt: string;
  holders: RecallHolder[];
  totals: { batches: number; holders: number; maxHops: number; byUnit: { unit: string; shipped: number; stock: number }[] };
};

export type JobState = 'queued' | 'running' | 'succeeded' | 'dead';

export type QueueJob = {
  id: number;
  kind: string;
  state: JobState;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type BackupRun = {
  id: number;
  trigger: 'schedule' | 'manual';
  scheduledFor: string | null;
  startedAt: string;
  finishedAt: string | null;
  file: string | null;
  bytes: number | null;
  durationMs: number | null;
  ok: boolean | null;
  error: string | null;
};

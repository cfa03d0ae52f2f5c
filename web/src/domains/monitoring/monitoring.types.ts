// The monitoring API's answers as the console reads them (mirrors src/domains/monitoring/contracts.ts, which pulls
// server-only modules into the bundle; see docs/decisions.md "Console types"). Dates arrive as ISO strings.

export const PLACE_KINDS = ['base', 'wholesale_market', 'supermarket', 'farmers_market', 'other'] as const;
export const SAMPLE_STATUSES = ['sampled', 'received', 'tested'] as const;
export const VERDICTS = ['pass', 'fail'] as const;
export const RESULT_UNITS = ['mg/kg', 'μg/kg'] as const;
/** The task kinds a sample may be taken for. */
export const MONITORING_TASK_KINDS = ['routine_monitoring', 'special_monitoring', 'supervisory_sampling'] as const;

export type PlaceKind = (typeof PLACE_KINDS)[number];
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];
export type Verdict = (typeof VERDICTS)[number];
export type ResultUnit = (typeof RESULT_UNITS)[number];

export type ChainHop = { code: string; subjectName: string; regionCode: string; at: string; source: string };
export type Witness = { name: string; role: string };

/** GET /monitoring/facts?code= : what the sheet is filled from before the sample is saved. */
export type SampleFacts = {
  code: string;
  codeType: number;
  batchId: string | null;
  productName: string;
  classCode: string;
  classZh: string;
  subjectId: string | null;
  subjectName: string | null;
  originRegion: string | null;
  chain: ChainHop[];
};

export type ManualProduct = { productName: string; classCode: string; subjectName?: string; originRegion?: string };

export type SampleRequest = {
  taskId: string;
  code?: string;
  manual?: ManualProduct;
  placeKind: PlaceKind;
  placeName: string;
  regionCode: string;
  quantity: number;
  unit: string;
  sealNo?: string;
  witnesses: Witness[];
  photos: string[];
  lat?: number;
  lng?: number;
  note?: string;
};

export type ResultRequest = {
  analyteCode: string;
  methodStandard: string;
  value: number;
  unit: ResultUnit;
  lod: number;
  limitOverride?: { value: number; standard: string };
};

export type Result = {
  analyteCode: string;
  analyteZh: string;
  analyteEn: string;
  methodStandard: string;
  value: number;
  unit: string;
  valueMgPerKg: number;
  lodMgPerKg: number;
  limitId: number | null;
  limitMgPerKg: number | null;
  limitStandard: string;
  limitOverridden: boolean;
  detected: boolean;
  verdict: Verdict;
};

/** 检验 → 审核 → 批准: only an approved version is issued. */
export const REPORT_STATUSES = ['entered', 'reviewed', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type ReportAction = 'enter' | 'correct' | 'review' | 'approve' | 'return';
export type ReportStep = { action: ReportStatus; byName: string; at: string; reason?: string };
export type Report = {
  version: number;
  verdict: Verdict;
  reason: string | null;
  status: ReportStatus;
  enteredByName: string;
  enteredAt: string;
  reviewedByName: string | null;
  reviewedAt: string | null;
  issuedByName: string | null;
  issuedAt: string | null;
  returnReason: string | null;
  history: ReportStep[];
  results: Result[];
};

export type Sample = SampleFacts & {
  id: string;
  sampleNo: string;
  taskId: string;
  taskTitle: string;
  taskKind: string;
  agencyId: string;
  agencyName: string;
  regionCode: string;
  placeKind: PlaceKind;
  placeName: string;
  quantity: number;
  unit: string;
  sealNo: string | null;
  witnesses: Witness[];
  photos: string[];
  lat: number | null;
  lng: number | null;
  note: string | null;
  samplerName: string;
  sampledAt: string;
  status: SampleStatus;
  receivedByName: string | null;
  receivedAt: string | null;
  receivedNote: string | null;
  verdict: Verdict | null;
  judgedAt: string | null;
  /** newest first */
  reports: Report[];
  alerts: { id: string; agencyName: string; caseId: string | null }[];
  /** What the reader may do now at the lab bench. */
  actions: ReportAction[];
  holds: { held: number; released: number; withdrawn: number; recallOrderId: string | null };
};

export type SampleListItem = Pick<
  Sample,
  'id' | 'sampleNo' | 'taskId' | 'taskTitle' | 'code' | 'codeType' | 'productName' | 'classZh' | 'subjectName' | 'placeKind' | 'placeName' | 'regionCode' | 'samplerName' | 'sampledAt' | 'status' | 'verdict'
>;

export type Analyte = { code: string; nameZh: string; nameEn: string; kind: string; banned: boolean };
/** The limit that applies to an analyte on a product class (null mg/kg: banned, any detection fails). */
export type Limit = { id: number; analyteCode: string; mrlMgPerKg: number | null; standard: string; clause: string; commodityZh?: string };

export type Tally = { key: string; label: string; taken: number; tested: number; failed: number; passRate: number | null };
export type Summary = {
  taskId: string;
  taskTitle: string;
  recipients: {
    recipientId: string;
    agencyId: string;
    agencyName: string;
    status: string;
    planned: number | null;
    taken: number;
    tested: number;
    failed: number;
    passRate: number | null;
    reportedAt: string | null;
  }[];
  byClass: Tally[];
  byAnalyte: Tally[];
  byRegion: Tally[];
};

export type RecallEntry = { batchId: string; code: string; depth: number; holderName: string; regionCode: string; quantity: number; unit: string };
export type Alert = {
  id: string;
  title: string;
  sampleId: string;
  sampleNo: string;
  reportVersion: number;
  batchId: string | null;
  code: string;
  productName: string;
  subjectId: string | null;
  subjectName: string | null;
  failed: Result[];
  recall: RecallEntry[];
  recallTotal: number;
  readAt: string | null;
  caseId: string | null;
  recallOrderId: string | null;
  createdAt: string;
};
export type AlertListItem = Omit<Alert, 'failed' | 'recall'>;

/** GET /monitoring/lab: the lab's CMA number and approvers (授权签字人); members to choose from for its admin. */
export type LabSettings = { agencyId: string; agencyName: string; cmaNo: string | null; approvers: { userId: string; displayName: string }[]; members: { id: string; displayName: string }[] };

export type RecallKind = 'recall' | 'withdraw';
export type ContactVia = 'subject' | 'market' | 'phone' | 'none';
export type RecallAnswer = 'unanswered' | 'acknowledged' | 'reported';
export type RecallHolder = {
  id: string;
  batchId: string;
  code: string;
  depth: number;
  holderName: string;
  regionCode: string;
  quantity: number;
  unit: string;
  contactVia: ContactVia;
  marketName: string | null;
  status: 'held' | 'released' | 'withdrawn';
  answer: RecallAnswer;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  withdrawn: number | null;
  destroyed: number | null;
  returned: number | null;
  reportNote: string | null;
  reportedAt: string | null;
};
export type RecallOrder = {
  id: string;
  sampleId: string;
  sampleNo: string;
  productName: string;
  agencyName: string;
  kind: RecallKind;
  instructions: string;
  dueOn: string | null;
  issuedByName: string;
  issuedAt: string;
  closedAt: string | null;
  closedHow: 'released' | 'withdrawn' | null;
  closeNote: string | null;
  holders: RecallHolder[];
  totals: { holders: number; acknowledged: number; reported: number; unanswered: number; byUnit: { unit: string; held: number; withdrawn: number; destroyed: number; returned: number }[] };
};
export type RecallNotice = RecallHolder & { orderId: string; kind: RecallKind; instructions: string; dueOn: string | null; agencyName: string; productName: string; issuedAt: string; closedAt: string | null; viaMarket: boolean };

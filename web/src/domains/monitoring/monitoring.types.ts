import type { In, Out } from '../../app/contract';
import type * as monitoring from '../../../../src/domains/monitoring/contracts';
import type {
  CONTACT_VIA,
  ANSWERS,
  PLACE_KINDS,
  RECALL_KINDS,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  RESULT_UNITS,
  SAMPLE_STATUSES,
  VERDICTS,
} from '../../../../src/domains/monitoring/monitoring-values.shared';

// The monitoring API's answers and requests as the console reads and sends them: the server's contracts
// (src/domains/monitoring/contracts.ts), dates as ISO strings.

export { PLACE_KINDS, REPORT_STATUSES, RESULT_UNITS, SAMPLE_STATUSES, VERDICTS } from '../../../../src/domains/monitoring/monitoring-values.shared';
/** The task kinds a sample may be taken for. */
export { SAMPLING_TASK_KINDS as MONITORING_TASK_KINDS } from '../../../../src/domains/monitoring/monitoring-values.shared';

export type PlaceKind = (typeof PLACE_KINDS)[number];
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];
export type Verdict = (typeof VERDICTS)[number];
export type ResultUnit = (typeof RESULT_UNITS)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type ReportAction = (typeof REPORT_ACTIONS)[number];
export type RecallKind = (typeof RECALL_KINDS)[number];
export type ContactVia = (typeof CONTACT_VIA)[number];
export type RecallAnswer = (typeof ANSWERS)[number];

/** GET /monitoring/facts?code= : what the sheet is filled from before the sample is saved. */
export type SampleFacts = Out<typeof monitoring.sampleFactsOut>;
export type ChainHop = SampleFacts['chain'][number];
export type SampleRequest = In<typeof monitoring.sampleIn>;
export type ManualProduct = In<typeof monitoring.manualProductIn>;
export type Witness = NonNullable<SampleRequest['witnesses']>[number];
export type ResultRequest = In<typeof monitoring.resultIn>;
export type Result = Out<typeof monitoring.resultOut>;
export type Report = Out<typeof monitoring.reportOut>;
export type ReportStep = Report['history'][number];
export type Sample = Out<typeof monitoring.sampleOut>;
export type SampleListItem = Out<typeof monitoring.sampleListItem>;

export type Analyte = Out<typeof monitoring.analyteOut>;
/** The limit that applies to an analyte on a product class (null mg/kg: banned, any detection fails). */
export type Limit = Out<typeof monitoring.limitOut>;
export type LimitLookup = Out<typeof monitoring.limitLookupOut>;

export type Summary = Out<typeof monitoring.summaryOut>;
export type Tally = Summary['byClass'][number];

export type Alert = Out<typeof monitoring.alertOut>;
export type RecallEntry = Alert['recall'][number];
export type AlertListItem = Out<typeof monitoring.alertPage>['items'][number];

/** GET /monitoring/lab: the lab's CMA number and approvers (授权签字人); members to choose from for its admin. */
export type LabSettings = Out<typeof monitoring.labSettingsOut>;
export type LabSettingsRequest = In<typeof monitoring.labSettingsIn>;

export type RecallOrderRequest = In<typeof monitoring.recallOrderIn>;
export type RecallReportRequest = In<typeof monitoring.recallReportIn>;
export type RecallHolder = Out<typeof monitoring.recallHolderOut>;
export type RecallOrder = Out<typeof monitoring.recallOrderOut>;
export type RecallNotice = Out<typeof monitoring.recallNoticeOut>;

import type { In, Out } from '../../../app/contract';
import type * as c from '../../../../../src/domains/analytics/reports/contracts';

// Periodic reports and submitted documents as the console reads them: the server's contracts.

export { FIGURE_ZH, REPORT_KINDS, REPORT_SECTION_KEYS, type ReportKind, type ReportSection } from '../../../../../src/domains/analytics/reports/report-content.shared';
export { DOCUMENT_KINDS } from '../../../../../src/domains/analytics/reports/contracts';

export type Report = Out<typeof c.reportOut>;
export type ReportDetail = Out<typeof c.reportDetailOut>;
export type GenerateInput = In<typeof c.generateIn>;
export type ReportDocument = Out<typeof c.documentOut>;
export type DocumentInput = In<typeof c.documentIn>;
export type DocumentUpload = Out<typeof c.attachmentUploadOut>;
export type Submissions = Out<typeof c.submissionsOut>;

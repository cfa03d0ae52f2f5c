import { api } from '../../app/api';
import type { In, Out, Page } from '../../app/contract';
import type * as monitoring from '../../../../src/domains/monitoring/contracts';
import type * as reference from '../../../../src/domains/monitoring/reference.contracts';
import type { TaskListItem } from '../supervision/supervision.types';
import type {
  Alert,
  AlertListItem,
  LabSettings,
  LabSettingsRequest,
  LimitLookup,
  RecallNotice,
  RecallOrder,
  RecallOrderRequest,
  RecallReportRequest,
  ResultRequest,
  Sample,
  SampleFacts,
  SampleListItem,
  SampleRequest,
  SampleStatus,
  Summary,
  Verdict,
} from './monitoring.types';

// 监测业务: /api/v1/monitoring/...

const id = (value: string) => encodeURIComponent(value);
const sample = (sampleId: string) => `/monitoring/samples/${id(sampleId)}`;

export const monitoringApi = {
  /** My agency's monitoring tasks (inbox): a sample is taken for one it accepted. */
  tasks: (q: { box: 'inbox' | 'outbox'; kind: string; cursor?: string }) => api.get<Page<TaskListItem>>('/supervision/tasks', { limit: 50, ...q }),

  facts: (code: string) => api.get<SampleFacts>('/monitoring/facts', { code }),
  record: (body: SampleRequest, key: string) => api.postOnce<Sample>('/monitoring/samples', body, key),
  samples: (q: { taskId?: string; status?: SampleStatus; verdict?: Verdict; region?: string; from?: string; to?: string; cursor?: string }) => api.get<Page<SampleListItem>>('/monitoring/samples', { limit: 50, ...q }),
  sample: (sampleId: string) => api.get<Sample>(sample(sampleId)),
  receive: (sampleId: string, note?: string) => api.post<Sample>(`${sample(sampleId)}/receive`, note ? { note } : {}),
  results: (sampleId: string, results: ResultRequest[]) => api.post<Sample>(`${sample(sampleId)}/results`, { results }),
  correct: (sampleId: string, results: ResultRequest[], reason: string) => api.post<Sample>(`${sample(sampleId)}/corrections`, { results, reason }),
  /** 审核 / 批准 / 退回 of the draft of `version`. */
  review: (sampleId: string, version: number) => api.post<Sample>(`${sample(sampleId)}/reports/${version}/review`, {}),
  approve: (sampleId: string, version: number) => api.post<Sample>(`${sample(sampleId)}/reports/${version}/approve`, {}),
  sendBack: (sampleId: string, version: number, reason: string) => api.post<Sample>(`${sample(sampleId)}/reports/${version}/return`, { reason }),
  lab: () => api.get<LabSettings>('/monitoring/lab'),
  setLab: (body: LabSettingsRequest) => api.post<LabSettings>('/monitoring/lab', body),
  sheetUrl: (sampleId: string) => `/api/v1${sample(sampleId)}/sheet.pdf`,
  reportUrl: (sampleId: string, version: number) => `/api/v1${sample(sampleId)}/reports/${version}.pdf`,

  analytes: async () => (await api.get<Out<typeof monitoring.analyteList>>('/monitoring/analytes')).items,
  /** The product's name too: a limit set on a commodity narrower than its class (韭菜 under 蔬菜) applies by name. */
  limit: async (analyteCode: string, classCode: string, productName?: string, animal: { species?: string; tissue?: string } = {}) =>
    (await api.get<LimitLookup>('/monitoring/limits', { analyteCode, classCode, productName, ...animal })).limit,

  /** 检测参照数据: the analytes and limits (reference set, province's and lab's additions) and their history. */
  referenceAnalytes: async () => (await api.get<Out<typeof reference.referenceAnalyteList>>('/monitoring/reference/analytes')).items,
  addAnalyte: (body: In<typeof reference.analyteIn>) => api.post<Out<typeof reference.referenceAnalyteOut>>('/monitoring/reference/analytes', body),
  referenceLimits: (q: { origin?: string; analyteCode?: string; retired?: 'yes' | 'no'; cursor?: string }) => api.get<Out<typeof reference.referenceLimitPage>>('/monitoring/reference/limits', { limit: 50, ...q }),
  addLimit: (body: In<typeof reference.limitIn>) => api.post<Out<typeof reference.referenceLimitOut>>('/monitoring/reference/limits', body),
  retireLimit: (limitId: number) => api.post<Out<typeof reference.referenceLimitOut>>(`/monitoring/reference/limits/${limitId}/retire`, {}),
  limitHistory: async (limitId: number) => (await api.get<Out<typeof reference.referenceLimitList>>(`/monitoring/reference/limits/${limitId}/history`)).items,

  summary: (taskId: string) => api.get<Summary>(`/monitoring/tasks/${id(taskId)}/summary`),
  summarySheet: (taskId: string) => api.download(`/monitoring/tasks/${id(taskId)}/summary.xlsx`),

  alerts: (q: { unread?: boolean; region?: string; from?: string; to?: string; cursor?: string; limit?: number }) => api.get<Page<AlertListItem>>('/monitoring/alerts', { limit: 50, ...q }),
  alert: (alertId: string) => api.get<Alert>(`/monitoring/alerts/${id(alertId)}`),
  /** 一键立案: the case is drafted from the sample; answers the alert with its caseId. */
  openCase: (alertId: string) => api.post<Alert>(`/monitoring/alerts/${id(alertId)}/case`, {}),
  /** 召回/下架令 from an alert (the county supervision agency alerted), and the release of the held batches. */
  issueRecall: (alertId: string, body: RecallOrderRequest) => api.post<RecallOrder>(`/monitoring/alerts/${id(alertId)}/recall-order`, body),
  release: (alertId: string, note: string) => api.post<{ released: number }>(`/monitoring/alerts/${id(alertId)}/release`, { note }),
  recallOrder: (orderId: string) => api.get<RecallOrder>(`/monitoring/recall-orders/${id(orderId)}`),
  recallOrderSheet: (orderId: string) => api.download(`/monitoring/recall-orders/${id(orderId)}.xlsx`),
  /** A holder's side: its recall notices, acknowledged and answered with the quantities disposed of. */
  notices: async () => (await api.get<Out<typeof monitoring.recallNoticeList>>('/monitoring/recall-notices')).items,
  unansweredNotices: async () => (await api.get<{ count: number }>('/monitoring/recall-notices/unanswered')).count,
  acknowledge: (noticeId: string) => api.post<RecallNotice>(`/monitoring/recall-notices/${id(noticeId)}/acknowledge`, {}),
  reportNotice: (noticeId: string, body: RecallReportRequest) => api.post<RecallNotice>(`/monitoring/recall-notices/${id(noticeId)}/report`, body),
};

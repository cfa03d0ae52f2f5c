import { api } from '../../../app/api';
import type { Page } from '../../../app/contract';
import type {
  Assessment,
  EnforcementMonitor,
  InactiveProducer,
  Indicators,
  IndicatorsInput,
  MonitoringMonitor,
  Rectification,
  RectificationInput,
  Registration,
  SupervisionMonitor,
  TargetInput,
  Targets,
  TraceMonitor,
} from './monitors.types';

export * from './monitors.types';

const id = (v: string) => encodeURIComponent(v);

export const monitorsApi = {
  registration: (days: number) => api.get<Registration>('/monitors/registration', { days }),
  inactive: (days: number, cursor?: string) => api.get<Page<InactiveProducer>>('/monitors/registration/inactive', { days, cursor, limit: 50 }),
  trace: (month: string) => api.get<TraceMonitor>('/monitors/trace', { month }),
  supervision: (month: string) => api.get<SupervisionMonitor>('/monitors/supervision', { month }),
  monitoring: (month: string) => api.get<MonitoringMonitor>('/monitors/monitoring', { month }),
  enforcement: (month: string) => api.get<EnforcementMonitor>('/monitors/enforcement', { month }),
  targets: () => api.get<Targets>('/monitors/targets'),
  setTarget: (body: TargetInput) => api.put<Targets>('/monitors/targets', body),

  issue: (body: RectificationInput, key: string) => api.postOnce<Rectification>('/rectifications', body, key),
  list: (box: 'issued' | 'received', cursor?: string) => api.get<Page<Rectification>>('/rectifications', { box, cursor, limit: 50 }),
  mine: (cursor?: string) => api.get<Page<Rectification>>('/my/rectifications', { cursor, limit: 50 }),
  answer: (rid: string, answer: string) => api.post<Rectification>(`/rectifications/${id(rid)}/answer`, { answer }),
  close: (rid: string, accept: boolean, note?: string) => api.post<Rectification>(`/rectifications/${id(rid)}/close`, { accept, note }),

  indicators: () => api.get<Indicators>('/assessment/indicators'),
  setIndicators: (body: IndicatorsInput) => api.put<Indicators>('/assessment/indicators', body),
  assessment: (month: string) => api.get<Assessment>('/assessment', { month }),
  assessmentSheet: (month: string) => api.download('/assessment.xlsx', { month }),
};

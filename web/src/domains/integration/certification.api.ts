import { api } from '../../app/api';
import type { Page } from '../../app/contract';
import type { CertificationScheme } from './integration.types';
import type { Coverage, CoverageHolder, TraceCheck, TraceCheckInput, TraceCheckSummary } from './certification.types';

export * from './certification.types';

export const certificationApi = {
  checks: (cursor?: string) => api.get<Page<TraceCheckSummary>>('/integration/trace-checks', { cursor, limit: 50 }),
  check: (id: string) => api.get<TraceCheck>(`/integration/trace-checks/${id}`),
  createCheck: (input: TraceCheckInput) => api.post<TraceCheck>('/integration/trace-checks', input),
  exportCheck: (id: string) => api.download(`/integration/trace-checks/${id}/export`),
  coverage: () => api.get<Coverage>('/integration/coverage'),
  holders: (scheme: CertificationScheme, cursor?: string) => api.get<Page<CoverageHolder>>('/integration/coverage/holders', { scheme, onPlatform: 'no', cursor, limit: 50 }),
};

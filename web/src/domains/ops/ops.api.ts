import { api } from '../../app/api';
import type { Page } from '../../app/contract';
import type { AuditEntry, AuditFilters, BackupRun, JobState, QueueJob, RetriedJob } from './ops.types';

export type { AuditFilters };

export const opsApi = {
  backups: (cursor?: string) => api.get<Page<BackupRun>>('/ops/backups', { cursor, limit: 50 }),
  jobs: (state: JobState | undefined, cursor?: string) => api.get<Page<QueueJob>>('/ops/jobs', { state, cursor, limit: 50 }),
  retryJob: (id: number) => api.post<RetriedJob>(`/ops/jobs/${id}/retry`),
  audit: (filters: AuditFilters, cursor?: string) => api.get<Page<AuditEntry>>('/audit', { ...filters, cursor, limit: 50 }),
};

import { zhWords } from '../../app/words';

/** The audited kinds the console has words for (test/i18n-labels.test.ts); read once every domain's words are in (the audit page waits for them). */
export const knownTargetTypes = () => Object.keys(zhWords()).filter((k) => k.startsWith('auditTarget.')).map((k) => k.slice('auditTarget.'.length));

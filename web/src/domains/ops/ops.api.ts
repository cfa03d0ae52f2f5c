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

import { zh } from '../../app/messages.zh';

/** The actions and audited kinds the server records: the console has words for each (test/i18n-labels.test.ts). */
export const KNOWN_ACTIONS = Object.keys(zh).filter((k) => k.startsWith('action.')).map((k) => k.slice('action.'.length));
export const KNOWN_TARGET_TYPES = Object.keys(zh).filter((k) => k.startsWith('auditTarget.')).map((k) => k.slice('auditTarget.'.length));

import { api } from '../../app/api';
import type { AuditEntry, BackupRun, JobState, Page, QueueJob } from '../../app/types';

export type AuditFilters = { action?: string; targetType?: string; from?: string; to?: string };

export const opsApi = {
  backups: (cursor?: string) => api.get<Page<BackupRun>>('/ops/backups', { cursor, limit: 50 }),
  jobs: (state: JobState | undefined, cursor?: string) => api.get<Page<QueueJob>>('/ops/jobs', { state, cursor, limit: 50 }),
  retryJob: (id: number) => api.post<Pick<QueueJob, 'id' | 'kind' | 'state' | 'runAt' | 'attempts' | 'maxAttempts'>>(`/ops/jobs/${id}/retry`),
  audit: (filters: AuditFilters, cursor?: string) => api.get<Page<AuditEntry>>('/audit', { ...filters, cursor, limit: 50 }),
};

/** What audit entries are about (the picker's options; each has words in messages.lists). */
export const KNOWN_TARGET_TYPES = ['agency', 'user', 'api_token', 'system', 'subject', 'subject_application', 'subject_certificate', 'subject_change_request', 'subject_import', 'production_base', 'batch', 'list', 'job'] as const;

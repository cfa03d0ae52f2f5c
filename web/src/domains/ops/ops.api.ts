import { api } from '../../app/api';
import type { AuditEntry, BackupRun, JobState, Page, QueueJob } from '../../app/types';

export type AuditFilters = { action?: string; targetType?: string; from?: string; to?: string };

export const opsApi = {
  backups: (cursor?: string) => api.get<Page<BackupRun>>('/ops/backups', { cursor, limit: 50 }),
  jobs: (state: JobState | undefined, cursor?: string) => api.get<Page<QueueJob>>('/ops/jobs', { state, cursor, limit: 50 }),
  retryJob: (id: number) => api.post<Pick<QueueJob, 'id' | 'kind' | 'state' | 'runAt' | 'attempts' | 'maxAttempts'>>(`/ops/jobs/${id}/retry`),
  audit: (filters: AuditFilters, cursor?: string) => api.get<Page<AuditEntry>>('/audit', { ...filters, cursor, limit: 50 }),
};

/** The actions the server records today (free text is accepted too, for actions added later). */
export const KNOWN_ACTIONS = [
  'agency.create',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.reset_password',
  'user.change_password',
  'auth.lock',
  'token.create',
  'token.revoke',
  'system.seed_demo',
  'ops.job_retry',
];

export const KNOWN_TARGET_TYPES = ['agency', 'user', 'api_token', 'system', 'job'];

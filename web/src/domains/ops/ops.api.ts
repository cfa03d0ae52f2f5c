import { api } from '../../app/api';
import type { AuditEntry, BackupRun, Page } from '../../app/types';

export type AuditFilters = { action?: string; targetType?: string; from?: string; to?: string };

export const opsApi = {
  backups: (cursor?: string) => api.get<Page<BackupRun>>('/ops/backups', { cursor, limit: 50 }),
  audit: (filters: AuditFilters, cursor?: string) => api.get<Page<AuditEntry>>('/audit', { ...filters, cursor, limit: 50 }),
};

/** What audit entries are about (the picker's options; each has words in messages.lists). */
export const KNOWN_TARGET_TYPES = ['agency', 'user', 'api_token', 'system', 'subject', 'subject_application', 'subject_certificate', 'subject_change_request', 'subject_import', 'production_base', 'batch', 'list'] as const;

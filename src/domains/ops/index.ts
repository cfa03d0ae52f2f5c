export { opsRoutes } from './routes.js';
export { backupJob, runManualBackup } from './backup/backup.schedule.js';
export { formatReport, restoreBackup, type RestoreTarget } from './backup/backup.service.js';
export { incidentDeadlineJob, enforceIncidentDeadlines, INCIDENT_DEADLINE_JOB } from './incidents/incidents.job.js';

import type { DomainModule } from '../../platform/modules.js';
import { opsAudit } from './audit-actions.js';
import { opsGrants } from './permissions.js';
import { opsRoutes as opsRoutesOf } from './routes.js';
import { backupJob as backupJobOf } from './backup/backup.schedule.js';
import { incidentDeadlineJob as incidentDeadlineJobOf } from './incidents/incidents.job.js';

/** 运维: backups, incidents, feedback. */
export const opsModule: DomainModule = {
  name: 'ops',
  permissions: [opsGrants],
  audit: [opsAudit],
  routes: (ctx) => [opsRoutesOf(ctx)],
  jobs: (ctx) => [incidentDeadlineJobOf(ctx.db), backupJobOf({ database: ctx.database, config: ctx.config, log: ctx.logger })],
};

export { opsRoutes } from './routes.js';
export { backupJob, runManualBackup } from './backup/backup.schedule.js';
export { formatReport, restoreBackup, type RestoreTarget } from './backup/backup.service.js';
export { incidentDeadlineJob, enforceIncidentDeadlines, INCIDENT_DEADLINE_JOB } from './incidents/incidents.job.js';

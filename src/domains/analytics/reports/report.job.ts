import type { Db } from '../../../platform/db/client.js';
import type { Job } from '../../../platform/jobs/runner.js';
import { duePeriods } from './report-period.js';
import { generateDueReports, PERIODIC_REPORTS_JOB } from './report.service.js';

/**
 * 信息调度 on schedule: every day at 01:00 server time, each province's report of last month (and in January and July
 * of the half year just ended) is generated unless one exists; the province reviews and submits it.
 */
export function periodicReportsJob(db: Db): Job {
  return { name: PERIODIC_REPORTS_JOB, everyMs: 10 * 60_000, cron: '0 1 * * *', run: () => generateDueReports(db, duePeriods()) };
}

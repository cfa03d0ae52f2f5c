import type { Out } from './contract';
import type { errorBody } from '../../../src/platform/http/error-body.shared';

// What the console's shell knows of the API beyond any one domain. The wire types themselves come from the server's
// contracts (app/contract.ts, and each domain's *.types.ts beside its pages).

/** The permission names the server grants (each domain's permissions.ts), which the menu and pages test. */
export type Permission =
  | 'agency.read'
  | 'analytics.statistics'
  | 'agency.allocate'
  | 'user.read'
  | 'user.manage'
  | 'audit.read'
  | 'backup.read'
  | 'job.read'
  | 'job.retry'
  | 'subject.read'
  | 'subject.temporary'
  | 'subject.approve'
  | 'subject.supervise'
  | 'subject.self'
  | 'subject.manage'
  | 'trace.read'
  | 'trace.write'
  | 'trace.graph'
  | 'trace.recall'
  | 'supervision.publish'
  | 'supervision.task'
  | 'supervision.inspect'
  | 'supervision.checklist'
  | 'supervision.read'
  | 'enforcement.case'
  | 'enforcement.read'
  | 'monitoring.sample'
  | 'monitoring.read'
  | 'monitoring.alert'
  | 'monitoring.alert_read'
  | 'trace.market'
  | 'monitoring.reference'
  | 'feedback.file'
  | 'feedback.handle'
  | 'feedback.confirm'
  | 'announcement.publish'
  | 'notice.send'
  | 'notice.read'
  | 'incident.read'
  | 'incident.report'
  | 'incident.consent'
  | 'incident.liaison'
  | 'integration.read'
  | 'integration.manage'
  | 'integration.trace_check'
  | 'integration.coverage'

  | 'monitor.read'
  | 'monitor.target'
  | 'rectification.issue'
  | 'rectification.answer'
  | 'report.write'
  | 'report.read'
  | 'report.acknowledge';

/** The API's one error body; `details` may be missing from an error a proxy answered instead of the server. */
export type ErrorBody = Omit<Out<typeof errorBody>, 'details'> & Partial<Pick<Out<typeof errorBody>, 'details'>>;

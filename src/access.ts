import { assembleGrants } from './platform/auth/permissions.js';
import { analyticsGrants } from './domains/analytics/permissions.js';
import { epcisGrants } from './domains/integration/epcis/permissions.js';
import { enforcementGrants } from './domains/enforcement/permissions.js';
import { integrationGrants } from './domains/integration/permissions.js';
import { inboundGrants } from './domains/integration/inbound/permissions.js';
import { monitoringGrants } from './domains/monitoring/permissions.js';
import { noticesGrants } from './domains/notices/permissions.js';
import { opsGrants } from './domains/ops/permissions.js';
import { registryGrants } from './domains/registry/permissions.js';
import { supervisionGrants } from './domains/supervision/permissions.js';
import { tasksGrants } from './domains/tasks/permissions.js';
import { traceGrants } from './domains/trace/permissions.js';
import { monitorsGrants } from './domains/analytics/monitors/monitors.permissions.js';
import { reportsGrants } from './domains/analytics/reports/reports.permissions.js';

/**
 * Who holds which permission: each domain's own grants (src/domains/<d>/permissions.ts), put together here as app.ts
 * puts its routes together. The domains' permissions.ts import only the platform, so this module closes no import cycle;
 * reading the modules' list (src/domains/index.ts) instead would: domain code reads these grants. app.ts checks at start
 * that this list and the modules' `permissions` name the same grants.
 */
export const grants = assembleGrants([registryGrants, opsGrants, traceGrants, tasksGrants, supervisionGrants, enforcementGrants, monitoringGrants, noticesGrants, integrationGrants, epcisGrants, inboundGrants, analyticsGrants, monitorsGrants, reportsGrants]);

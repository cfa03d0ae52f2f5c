import { auditLog } from '../../platform/audit/schema.js';
import { defineVisibility, inActorJurisdiction } from '../../platform/auth/visibility.js';

/**
 * Who reads an audit entry: the agencies whose jurisdiction holds the entry's region (the region of the record it is
 * about, or of its actor's agency for an account's own acts). Who may read the log at all is `audit.read`.
 */
export const auditVisibility = defineVisibility({ regionCode: auditLog.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));

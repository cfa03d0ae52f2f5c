import { anyOf, anyone, defineVisibility, is, within } from '../../../platform/auth/visibility.js';
import { periodicReports, reportDocuments } from './schema.js';

/** A province reads its own reports, drafts too; the ministry reads what provinces submitted, never a draft. */
export const reportVisibility = defineVisibility({ regionCode: periodicReports.regionCode, status: periodicReports.status }, (actor) =>
  actor.agency.level === 'ministry' ? anyOf(is('status', 'submitted'), is('status', 'acknowledged')) : within('regionCode', actor.jurisdiction),
);

/** 实施方案 and progress reports: a province reads its own, the ministry every province's. */
export const reportDocumentVisibility = defineVisibility({ regionCode: reportDocuments.regionCode }, (actor) => (actor.agency.level === 'ministry' ? anyone : within('regionCode', actor.jurisdiction)));

export { inboundRoutes } from './routes.js';
export { documentApplyJob, applyDocument } from './document.apply.js';
export { DOCUMENT_APPLY_JOB } from './document.service.js';

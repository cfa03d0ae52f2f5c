import { defineErrors } from '../../platform/http/errors.js';

// Each refusal of the monitoring domain, with its zh/en message. Helpers add their codes here by editing, never by rewriting.
export const monitoringError = defineErrors({
  SAMPLE_NOT_FOUND: { status: 404, zh: '样品不存在,或不在您可查看的范围内', en: 'No such sample, or not one you may see' },
});

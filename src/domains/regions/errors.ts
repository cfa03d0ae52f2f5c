import { defineErrors } from '../../platform/http/errors.js';

export const regionsError = defineErrors({
  REGION_NOT_FOUND: { status: 404, zh: '行政区划代码不存在', en: 'No such region code' },
});

import { defineErrors } from '../../platform/http/errors.js';

export const analyticsError = defineErrors({
  STATISTICS_REGION_NOT_FOUND: { status: 404, zh: '该地区不存在或不在您的管辖范围内', en: 'No such region in your jurisdiction' },
  STATISTICS_PERIOD_INVALID: { status: 400, zh: '统计期间不正确：自定义期间须给出起止日期，且起始日期不晚于截止日期、跨度不超过五年', en: 'Invalid period: a custom period needs from and to, from not after to, at most five years' },
});

import { defineErrors } from '../http/errors.js';

export const metricsError = defineErrors({
  METRICS_TOKEN_REQUIRED: {
    status: 401,
    zh: '读取监控指标需要令牌（请求头 Authorization: Bearer METRICS_TOKEN）',
    en: 'Reading metrics needs a token (header Authorization: Bearer METRICS_TOKEN)',
  },
  METRICS_TOKEN_INVALID: { status: 401, zh: '监控指标令牌错误', en: 'The metrics token is wrong' },
  METRICS_ADDRESS_REFUSED: {
    status: 403,
    zh: '该地址不在监控指标访问白名单（METRICS_ALLOW）内',
    en: 'This address is not on the metrics allow-list (METRICS_ALLOW)',
  },
});

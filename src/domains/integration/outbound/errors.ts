import { defineErrors } from '../../../platform/http/errors.js';

export const outboundError = defineErrors({
  CURSOR_INVALID: { status: 400, zh: '游标无效：请使用变更接口返回的游标，或不带游标从头读取', en: 'The cursor is not valid: use a cursor the change feed returned, or none to read from the start' },
  CURSOR_EXPIRED: {
    status: 410,
    zh: '游标已过期：其后的部分变更已按 7 天保留期清除，请先从快照（各数据查询接口）重新同步，再不带游标或以新游标读取变更',
    en: 'The cursor has expired: changes after it were purged after the 7-day retention. Resync from a snapshot (the query endpoints), then read the feed without a cursor or from a new one',
  },
  KIND_OUT_OF_SCOPE: { status: 403, zh: (d) => `变更类别 ${String(d.kind)} 不在本接入系统的授权范围内`, en: (d) => `Change kind ${String(d.kind)} is outside this client system’s scope` },
  ENDPOINT_NOT_FOUND: { status: 404, zh: '回调地址不存在', en: 'No such webhook endpoint' },
  ENDPOINT_NOT_PAUSED: { status: 409, zh: '该回调地址未暂停，无需恢复', en: 'This webhook endpoint is not paused; there is nothing to resume' },
  ENDPOINT_LIMIT: { status: 409, zh: '每个接入系统最多登记 5 个回调地址，请先删除不用的', en: 'A client has at most 5 webhook endpoints; remove one first' },
  ENDPOINT_URL_INVALID: { status: 422, zh: '回调地址须为 http 或 https 网址，且不含用户名和密码', en: 'A webhook URL is an http or https URL without user name or password' },
  ENDPOINT_URL_PRIVATE: {
    status: 422,
    zh: '回调地址不能是本机或内网地址，请使用对接方可从互联网访问的地址',
    en: 'A webhook URL may not be a loopback or private-network address; use one the partner serves publicly',
  },
  CODE_NOT_FOUND: { status: 404, zh: (d) => `追溯码 ${String(d.code)} 不存在`, en: (d) => `There is no trace code ${String(d.code)}` },
  CODE_OUT_OF_SCOPE: { status: 403, zh: (d) => `追溯码 ${String(d.code)} 的批次不在本接入系统的地区范围内`, en: (d) => `The batch of code ${String(d.code)} lies outside this client system’s regions` },
  PURCHASE_CONFLICT: {
    status: 409,
    zh: (d) => `采购单号 ${String(d.purchaseRef)} 已以不同内容登记，同一单号重发须内容一致`,
    en: (d) => `Purchase ${String(d.purchaseRef)} was recorded with other content; a resend must be identical`,
  },
});

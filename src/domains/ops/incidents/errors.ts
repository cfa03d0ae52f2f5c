import { defineErrors } from '../../../platform/http/errors.js';

const STATE_ZH: Record<string, string> = { open: '处置中', recovered: '已恢复', closed: '已办结' };

export const incidentError = defineErrors({
  INCIDENT_NOT_FOUND: { status: 404, zh: '突发事件不存在，或不是您可以查看的事件', en: 'No such incident, or not one you may see' },
  INCIDENT_STATE_CONFLICT: {
    status: 409,
    zh: (d) => `该事件当前为「${STATE_ZH[String(d.state)] ?? String(d.state)}」，不能执行此操作（可能已被他人处理，请刷新）`,
    en: (d) => `The incident is ${String(d.state)}; this cannot be done now (someone may have handled it: reload)`,
  },
  INCIDENT_ALREADY_TOLD: { status: 409, zh: '已通知相关省份，无需再次同意', en: 'The provinces concerned have already been told' },
  INCIDENT_CONSENT_LEVEL: { status: 409, zh: '只有一级故障需要部安全中心同意后再通知省份；二级、三级故障立即通知', en: 'Only a level 1 incident waits for the security centre’s consent; levels 2 and 3 are told at once' },
  INCIDENT_TOP_LEVEL: { status: 409, zh: '三级故障是最高级别，不能再升级', en: 'Level 3 is the highest level' },
  EXTENSION_LEVEL: { status: 409, zh: '只有二级故障可以申请延长处理时间', en: 'Only a level 2 incident may ask for more time' },
  EXTENSION_PENDING: { status: 409, zh: '已有一份延期申请等待部安全中心审批', en: 'An extension request already waits for the security centre' },
  EXTENSION_NONE: { status: 409, zh: '没有等待审批的延期申请', en: 'No extension request is waiting' },
  EXTENSION_UNTIL_INVALID: { status: 400, zh: '延期后的时限须晚于当前时限，且最多延长 24 小时', en: 'The new deadline must be after the current one, by at most 24 hours' },
  ASSESSMENT_REQUIRED: { status: 400, zh: '二级、三级故障办结时须填写分析评估', en: 'A level 2 or 3 incident is closed with its analysis and assessment' },
  PROVINCE_UNKNOWN: { status: 400, zh: (d) => `省份代码 ${String(d.code)} 不存在`, en: (d) => `No province ${String(d.code)}` },
  LIAISON_NOT_OURS: { status: 400, zh: '联络员须是本机构的在用账号', en: 'The liaison must be an active account of your agency' },
  WRITE_NOT_IN_WINDOW: { status: 400, zh: '该业务操作不在本次事件需要核查的范围内', en: 'That write is not among the ones this incident re-checks' },
  INCIDENT_NOT_RECOVERED: { status: 409, zh: '系统恢复后才能核查故障前的业务操作', en: 'The writes are re-checked once the platform has recovered' },
});

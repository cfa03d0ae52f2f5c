import { defineErrors } from '../../../platform/http/errors.js';

export const monitorError = defineErrors({
  MONITOR_REGION_OUTSIDE: {
    status: 400,
    zh: (d) => `地区 ${String(d.region)} 不在本机构辖区之下，只能为下级地区设定目标`,
    en: (d) => `Region ${String(d.region)} is not below your jurisdiction: targets are set for the regions below it`,
  },
  RECTIFICATION_TARGET_NOT_FOUND: { status: 400, zh: '整改对象不存在，或不在本机构辖区之下', en: 'The addressee does not exist or is not below your jurisdiction' },
  RECTIFICATION_NOT_FOUND: { status: 404, zh: '整改通知不存在，或不是您可以查看的通知', en: 'No such rectification notice, or not one you may see' },
  RECTIFICATION_DEADLINE_PAST: { status: 400, zh: '整改期限不能早于今天', en: 'The deadline cannot be before today' },
  RECTIFICATION_STATE: {
    status: 409,
    zh: '整改通知当前状态不允许此操作，请刷新后查看最新状态',
    en: 'The rectification notice is not in a state that allows this; reload to see where it stands',
  },
  RECTIFICATION_CLOSE_NOTE_REQUIRED: { status: 400, zh: '退回整改答复时请说明原因', en: 'Say why when returning an answer' },
  INDICATORS_DUPLICATE: { status: 400, zh: '同一考核指标只能出现一次', en: 'An indicator may appear only once' },
});

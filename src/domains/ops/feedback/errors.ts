import { defineErrors } from '../../../platform/http/errors.js';

const STATE_ZH: Record<string, string> = { filed: '已提交', classified: '已分类', confirmed: '已确认', fixed: '已解决', declined: '不予处理', revisited: '已回访' };

export const feedbackError = defineErrors({
  FEEDBACK_NOT_FOUND: { status: 404, zh: '反馈不存在，或不是您可以查看的反馈', en: 'No such feedback, or not one you may see' },
  FEEDBACK_STATE_CONFLICT: {
    status: 409,
    zh: (d) => `该反馈当前状态为「${STATE_ZH[String(d.state)] ?? String(d.state)}」，不能执行此操作（可能已被他人处理，请刷新）`,
    en: (d) => `The feedback is ${String(d.state)}; this cannot be done now (someone may have handled it: reload)`,
  },
  FEEDBACK_SAME_HANDLER: { status: 409, zh: '分类并提出方案的人不能再确认同一条反馈，请由安全中心的其他人员确认', en: 'Whoever classified this feedback cannot also confirm it: another person of the security centre must' },
  SCREENSHOT_NOT_FOUND: { status: 400, zh: '截图不存在，或不是本账号所在单位上传的反馈截图', en: 'A screenshot does not exist or was not uploaded as a feedback screenshot by your organisation' },
  PERIOD_INVALID: { status: 400, zh: '日期范围无效：结束日期不能早于开始日期，且最长一年', en: 'Invalid period: the end cannot be before the start, and at most one year' },
});

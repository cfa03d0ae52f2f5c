import { defineErrors } from '../../platform/http/errors.js';

const STATUS_ZH: Record<string, string> = { published: '已发布', accepted: '已接收', in_progress: '执行中', reported: '已上报', overdue: '已逾期', closed: '已关闭' };

export const tasksError = defineErrors({
  DEADLINE_BEFORE_START: { status: 400, zh: '截止日期不能早于开始日期', en: 'The deadline cannot be before the start' },
  DEADLINE_REQUIRED: { status: 400, zh: '任务须有截止日期（通知公告可不填）', en: 'A task needs a deadline (a notice may have none)' },
  SCOPE_OUT_OF_JURISDICTION: { status: 403, zh: '任务范围须在本机构辖区内', en: 'The task’s region must lie in your jurisdiction' },
  RECIPIENT_NOT_FOUND: { status: 404, zh: '接收机构不存在或已停用', en: 'A recipient agency does not exist or is not active' },
  RECIPIENT_OUT_OF_JURISDICTION: {
    status: 403,
    zh: (d) => `接收机构「${String(d.name ?? '')}」不在本机构辖区内`,
    en: (d) => `The recipient ${String(d.name ?? '')} is outside your jurisdiction`,
  },
  RECIPIENT_NOT_ALLOWED: {
    status: 422,
    zh: (d) => `不能向「${String(d.name ?? '')}」发布此类任务：只能发给下级机构或本级检测、执法机构，且机构类型须与任务类型相符`,
    en: (d) => `This kind of task cannot go to ${String(d.name ?? '')}: only to lower levels or your own level’s testing and enforcement agencies, of a kind that fits the task`,
  },
  TASK_NOT_FOUND: { status: 404, zh: '任务不存在，或不在您可查看的范围内', en: 'No such task, or not one you may see' },
  NOT_A_RECIPIENT: { status: 403, zh: '该任务不是发给本机构的，不能接收或办理', en: 'This task was not sent to your agency; you cannot accept or work on it' },
  NOT_A_RECIPIENT_OF_TASK: { status: 404, zh: '该机构不是此任务的接收机构', en: 'That agency is not a recipient of this task' },
  NOT_THE_PUBLISHER: { status: 403, zh: '只有发布机构可以关闭任务', en: 'Only the publishing agency can close a task' },
  TASK_STATUS_CONFLICT: {
    status: 409,
    zh: (d) => `任务当前状态为「${STATUS_ZH[String(d.status)] ?? String(d.status)}」，不能执行此操作`,
    en: (d) => `The task is ${String(d.status)}; this cannot be done now`,
  },
  ASSIGNEE_NOT_MEMBER: { status: 422, zh: '只能指派本机构在用的账号', en: 'Only active accounts of your own agency can be assigned' },
  TARGET_SUBJECT_OUT_OF_SCOPE: { status: 422, zh: '指定主体不存在或不在任务范围内', en: 'A target subject does not exist or lies outside the task’s region' },
  ATTACHMENT_NOT_FOUND: { status: 400, zh: '附件不存在或不在本机构辖区内，请重新上传', en: 'An attachment was not found in your jurisdiction; upload it again' },
});

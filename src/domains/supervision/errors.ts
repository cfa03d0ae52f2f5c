import { defineErrors } from '../../platform/http/errors.js';

const STATUS_ZH: Record<string, string> = { published: '已发布', accepted: '已接收', in_progress: '执行中', reported: '已上报', overdue: '已逾期', closed: '已关闭' };

export const supervisionError = defineErrors({
  DEADLINE_BEFORE_START: { status: 400, zh: '截止日期不能早于开始日期', en: 'The deadline cannot be before the start' },
  DEADLINE_REQUIRED: { status: 400, zh: '任务须有截止日期(通知公告可不填)', en: 'A task needs a deadline (a notice may have none)' },
  SCOPE_OUT_OF_JURISDICTION: { status: 403, zh: '任务范围须在本机构辖区内', en: 'The task’s region must lie in your jurisdiction' },
  RECIPIENT_NOT_FOUND: { status: 404, zh: '接收机构不存在或已停用', en: 'A recipient agency does not exist or is not active' },
  RECIPIENT_OUT_OF_JURISDICTION: {
    status: 403,
    zh: (d) => `接收机构「${String(d.name ?? '')}」不在本机构辖区内`,
    en: (d) => `The recipient ${String(d.name ?? '')} is outside your jurisdiction`,
  },
  RECIPIENT_NOT_ALLOWED: {
    status: 422,
    zh: (d) => `不能向「${String(d.name ?? '')}」发布此类任务:只能发给下级机构或本级检测、执法机构,且机构类型须与任务类型相符`,
    en: (d) => `This kind of task cannot go to ${String(d.name ?? '')}: only to lower levels or your own level’s testing and enforcement agencies, of a kind that fits the task`,
  },
  TASK_NOT_FOUND: { status: 404, zh: '任务不存在,或不在您可查看的范围内', en: 'No such task, or not one you may see' },
  NOT_A_RECIPIENT: { status: 403, zh: '该任务不是发给本机构的,不能接收或办理', en: 'This task was not sent to your agency; you cannot accept or work on it' },
  NOT_A_RECIPIENT_OF_TASK: { status: 404, zh: '该机构不是此任务的接收机构', en: 'That agency is not a recipient of this task' },
  NOT_THE_PUBLISHER: { status: 403, zh: '只有发布机构可以关闭任务', en: 'Only the publishing agency can close a task' },
  TASK_STATUS_CONFLICT: {
    status: 409,
    zh: (d) => `任务当前状态为「${STATUS_ZH[String(d.status)] ?? String(d.status)}」,不能执行此操作`,
    en: (d) => `The task is ${String(d.status)}; this cannot be done now`,
  },
  SUBJECT_OUTSIDE_TASK_SCOPE: {
    status: 422,
    zh: (d) => `该主体不在任务的区域范围(${String(d.regionScope)})内,不能计入该任务`,
    en: (d) => `The subject lies outside the task's region scope (${String(d.regionScope)}); it cannot count for the task`,
  },
  TASK_NOT_AN_INSPECTION: { status: 409, zh: '只有基地巡查任务可以计入巡查', en: 'Only a base-inspection task counts inspections' },
  ASSIGNEE_NOT_MEMBER: { status: 422, zh: '只能指派本机构在用的账号', en: 'Only active accounts of your own agency can be assigned' },
  TARGET_SUBJECT_OUT_OF_SCOPE: { status: 422, zh: '指定主体不存在或不在任务范围内', en: 'A target subject does not exist or lies outside the task’s region' },
  SUBJECT_NOT_FOUND: { status: 404, zh: '主体不存在', en: 'No such subject' },
  SUBJECT_OUT_OF_JURISDICTION: { status: 403, zh: '该主体不在您的辖区内,不能巡查', en: 'This subject is outside your jurisdiction; you cannot inspect it' },
  CHECKLIST_MISMATCH: { status: 400, zh: '检查表与所选行业的模板不一致,请刷新后重填', en: 'The checklist does not match the industry’s template; reload and fill it again' },
  PHOTO_NOT_FOUND: { status: 400, zh: '照片不存在,请重新拍摄上传', en: 'A photo was not found; take and upload it again' },
  ATTACHMENT_NOT_FOUND: { status: 400, zh: '附件不存在或不在本机构辖区内,请重新上传', en: 'An attachment was not found in your jurisdiction; upload it again' },
  RECTIFY_DATE_INVALID: { status: 400, zh: '整改期限须晚于今天,且只用于发现问题的巡查', en: 'A rectification deadline lies after today and belongs to an inspection that found a problem' },
  FOLLOW_UP_INVALID: { status: 409, zh: '复查须针对同一主体、待整改的巡查', en: 'A follow-up inspects the same subject for a pending rectification' },
  POINT_OUTSIDE_CHINA: { status: 400, zh: '定位点不在中国境内,请重新定位', en: 'The GPS point lies outside China; locate again' },
  INSPECTION_NOT_FOUND: { status: 404, zh: '巡查记录不存在,或不在您可查看的范围内', en: 'No such inspection, or not one you may see' },
  TRANSFER_NEEDS_PROBLEM: { status: 409, zh: '只有发现问题的巡查才能移交执法', en: 'Only an inspection that found a problem can be transferred to enforcement' },
  ALREADY_TRANSFERRED: { status: 409, zh: '该巡查已移交执法', en: 'This inspection was already transferred' },
  TRANSFER_TARGET_INVALID: { status: 422, zh: '移交对象须为辖区覆盖该主体的执法机构', en: 'Transfer to an enforcement agency whose jurisdiction covers the subject' },
  TRANSFER_NOT_FOUND: { status: 404, zh: '移交不存在或不是移交给本机构的', en: 'No such transfer to your agency' },
  TRANSFER_TAKEN: { status: 409, zh: '该移交已立案', en: 'A case was already opened from this transfer' },
  PERIOD_INVALID: { status: 400, zh: '导出期间须先起后止,且不超过 366 天', en: 'The period starts before it ends and spans at most 366 days' },
});

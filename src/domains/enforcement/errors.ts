import { defineErrors } from '../../platform/http/errors.js';

const STAGE_ZH: Record<string, string> = { filed: '立案', investigation: '调查取证', decision: '处罚决定', closed: '结案' };
const zhStage = (s: unknown) => STAGE_ZH[String(s)] ?? String(s);

export const enforcementError = defineErrors({
  CASE_NOT_FOUND: { status: 404, zh: '案件不存在，或不在您可查看的范围内', en: 'No such case, or not one you may see' },
  NOT_THE_CASE_AGENCY: { status: 403, zh: '只有办案机构可以办理该案件', en: 'Only the agency handling the case can work on it' },
  CASE_STAGE_SKIPPED: {
    status: 409,
    zh: (d) => `案件须依次办理：当前为「${zhStage(d.stage)}」，下一环节是「${zhStage(d.next)}」，不能跳到「${zhStage(d.to)}」`,
    en: (d) => `A case moves one stage at a time: it is at ${String(d.stage)}, next is ${String(d.next)}, not ${String(d.to)}`,
  },
  CASE_STAGE_BACKWARDS: {
    status: 409,
    zh: (d) => `案件已在「${zhStage(d.stage)}」环节，不能回到「${zhStage(d.to)}」`,
    en: (d) => `The case is at ${String(d.stage)}; it cannot go back to ${String(d.to)}`,
  },
  CASE_CLOSED: { status: 409, zh: '案件已结案，不能再修改', en: 'The case is closed' },
  DECISION_INCOMPLETE: {
    status: 400,
    zh: '处罚决定须写明法律依据、处罚种类和决定内容（罚款须填写金额）',
    en: 'A decision states its legal basis, the penalty and the decision text (a fine its amount)',
  },
  CASE_SOURCE_CONFLICT: { status: 400, zh: '立案来源只能是一个：移交、任务，或本机构自行立案', en: 'A case comes from one source: a transfer, a task, or the agency itself' },
  TASK_NOT_FOR_CASE: { status: 409, zh: '只能依据执法任务或监督抽查任务立案', en: 'A case is opened from an enforcement or supervisory-sampling task only' },
  SUBJECT_NOT_FOUND: { status: 404, zh: '主体不存在', en: 'No such subject' },
  SUBJECT_OUT_OF_JURISDICTION: { status: 403, zh: '该主体不在本机构辖区内', en: 'This subject is outside your jurisdiction' },
  POINT_INVALID: { status: 400, zh: '定位须同时有经度和纬度，且在中国境内', en: 'A GPS point has both latitude and longitude and lies in China' },
  IDENTITY_NOT_CASE_SUBJECT: { status: 409, zh: '扫描或输入的主体身份不是本案当事主体', en: 'The identity scanned or typed is not the subject of this case' },
  ATTACHMENT_NOT_FOUND: { status: 400, zh: '附件照片不存在，请重新上传', en: 'An attached photo was not found; upload it again' },
});

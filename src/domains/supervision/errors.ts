import { defineErrors } from '../../platform/http/errors.js';

export const supervisionError = defineErrors({
  SUBJECT_OUTSIDE_TASK_SCOPE: {
    status: 422,
    zh: (d) => `该主体不在任务的区域范围（${String(d.regionScope)}）内，不能计入该任务`,
    en: (d) => `The subject lies outside the task's region scope (${String(d.regionScope)}); it cannot count for the task`,
  },
  TASK_NOT_AN_INSPECTION: { status: 409, zh: '只有基地巡查任务可以计入巡查', en: 'Only a base-inspection task counts inspections' },
  SUBJECT_NOT_FOUND: { status: 404, zh: '主体不存在', en: 'No such subject' },
  SUBJECT_OUT_OF_JURISDICTION: { status: 403, zh: '该主体不在您的辖区内，不能巡查', en: 'This subject is outside your jurisdiction; you cannot inspect it' },
  CHECKLIST_UNANSWERED: {
    status: 422,
    zh: (d) => `检查表还有 ${(d.items as string[] | undefined)?.length ?? 0} 项未作答：${((d.items as string[] | undefined) ?? []).join('、')}。每一项都须选择符合、不符合或不适用`,
    en: (d) => `${(d.items as string[] | undefined)?.length ?? 0} checklist item(s) are not answered; answer each one compliant, not compliant or not applicable`,
  },
  PHOTO_REQUIRED: { status: 422, zh: '巡查须拍摄现场照片；确实无法拍照的，须填写未拍照原因', en: 'An inspection carries a photo of the site, or the reason there is none' },
  POINT_REQUIRED: { status: 422, zh: '巡查须记录定位点；确实无法定位的，须填写未定位原因', en: 'An inspection carries the GPS point, or the reason there is none' },
  FINDINGS_REQUIRED: { status: 422, zh: '结论为发现问题时，须填写发现的问题', en: 'An inspection that found a problem says what the problem is' },
  CONCLUSION_CONTRADICTS_ANSWERS: {
    status: 422,
    zh: (d) => `检查项「${((d.items as string[] | undefined) ?? []).join('、')}」为不符合，结论不能为合格；确需判定合格的，须在“发现问题”中写明理由`,
    en: 'A checklist item is not compliant, so the conclusion cannot be compliant unless a note says why',
  },
  CHECKLIST_MISMATCH: { status: 400, zh: '检查表与所选行业的模板不一致，请刷新后重填', en: 'The checklist does not match the industry’s template; reload and fill it again' },
  PHOTO_NOT_FOUND: { status: 400, zh: '照片不存在，请重新拍摄上传', en: 'A photo was not found; take and upload it again' },
  RECTIFY_DATE_INVALID: { status: 400, zh: '整改期限须晚于今天，且只用于发现问题的巡查', en: 'A rectification deadline lies after today and belongs to an inspection that found a problem' },
  FOLLOW_UP_INVALID: { status: 409, zh: '复查须针对同一主体、待整改的巡查', en: 'A follow-up inspects the same subject for a pending rectification' },
  POINT_OUTSIDE_CHINA: { status: 400, zh: '定位点不在中国境内，请重新定位', en: 'The GPS point lies outside China; locate again' },
  INSPECTION_NOT_FOUND: { status: 404, zh: '巡查记录不存在，或不在您可查看的范围内', en: 'No such inspection, or not one you may see' },
  TRANSFER_NEEDS_PROBLEM: { status: 409, zh: '只有发现问题的巡查才能移交执法', en: 'Only an inspection that found a problem can be transferred to enforcement' },
  ALREADY_TRANSFERRED: { status: 409, zh: '该巡查已移交执法', en: 'This inspection was already transferred' },
  TRANSFER_TARGET_INVALID: { status: 422, zh: '移交对象须为辖区覆盖该主体的执法机构', en: 'Transfer to an enforcement agency whose jurisdiction covers the subject' },
  TRANSFER_NOT_FOUND: { status: 404, zh: '移交不存在或不是移交给本机构的', en: 'No such transfer to your agency' },
  TRANSFER_TAKEN: { status: 409, zh: '该移交已立案', en: 'A case was already opened from this transfer' },
  PERIOD_INVALID: { status: 400, zh: '导出期间须先起后止，且不超过 366 天', en: 'The period starts before it ends and spans at most 366 days' },
});

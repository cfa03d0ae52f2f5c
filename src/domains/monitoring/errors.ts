import { defineErrors } from '../../platform/http/errors.js';

// Each refusal of the monitoring domain, with its zh/en message. Helpers add their codes here by editing, never by rewriting.
export const monitoringError = defineErrors({
  SAMPLE_NOT_FOUND: { status: 404, zh: '样品不存在，或不在您可查看的范围内', en: 'No such sample, or not one you may see' },
  // Limits and judging (limits.ts): details { analyteCode, analyteZh?, classCode, classZh? }.
  UNKNOWN_ANALYTE: {
    status: 422,
    zh: (d) => `检测项目「${String(d.analyteCode)}」不在项目表中`,
    en: (d) => `No analyte with code ${String(d.analyteCode)}`,
  },
  UNKNOWN_PRODUCT_CLASS: {
    status: 422,
    zh: (d) => `产品分类代码「${String(d.classCode)}」不存在`,
    en: (d) => `No product class with code ${String(d.classCode)}`,
  },
  LIMIT_REQUIRED: {
    status: 422,
    zh: (d) => `「${String(d.analyteZh)}」在「${String(d.classZh)}」（${String(d.classCode)}）上没有已收录的限量，请填写判定所依据的限量值和标准`,
    en: (d) => `No seeded limit of ${String(d.analyteEn ?? d.analyteCode)} for product class ${String(d.classZh)} (${String(d.classCode)}): give the limit you judged against and its standard`,
  },
  NOT_A_SAMPLING_TASK: { status: 409, zh: '只有例行监测、专项监测和监督抽查任务可以抽样', en: 'Only routine-monitoring, special-monitoring and supervisory-sampling tasks take samples' },
  NOT_A_TESTING_AGENCY: { status: 403, zh: '只有检测机构可以抽样和录入检测结果', en: 'Only testing agencies take samples and enter results' },
  TASK_NOT_ACCEPTED: { status: 409, zh: '本机构尚未接收该任务，请先接收再抽样', en: 'Your agency has not accepted this task; accept it before sampling' },
  TASK_NOT_OPEN: {
    status: 409,
    zh: (d) => `任务当前状态为「${({ reported: '已上报', closed: '已关闭', overdue: '已逾期' } as Record<string, string>)[String(d.status)] ?? String(d.status)}」，不能再抽样`,
    en: (d) => `The task is ${String(d.status)}; no more samples can be taken under it`,
  },
  NOT_ASSIGNED: { status: 403, zh: '您不是该任务的抽样人员，请机构管理员先指派', en: 'You are not assigned to this task; ask your agency’s admin to assign you' },
  REGION_OUTSIDE_TASK_SCOPE: {
    status: 422,
    zh: (d) => `抽样地点不在任务的区域范围（${String(d.regionScope)}）内`,
    en: (d) => `The sampling place lies outside the task's region scope (${String(d.regionScope)})`,
  },
  SAMPLE_PHOTO_NOT_FOUND: { status: 400, zh: '照片不存在，请重新拍摄上传', en: 'A photo was not found; take and upload it again' },
  SAMPLE_POINT_INVALID: { status: 400, zh: '定位须同时有经度和纬度，且在中国境内', en: 'A GPS point needs both latitude and longitude, inside China' },
  NOT_THE_SAMPLE_AGENCY: { status: 403, zh: '只有抽样的检测机构可以接收样品和录入结果', en: 'Only the testing agency that took the sample receives it and enters its results' },
  SAMPLE_ALREADY_RECEIVED: { status: 409, zh: '样品已交接，不能重复接收', en: 'The sample was already received' },
  SAMPLE_NOT_RECEIVED: { status: 409, zh: '样品尚未交接接收，不能录入检测结果', en: 'The sample has not been received yet; results cannot be entered' },
  SAMPLE_ALREADY_JUDGED: { status: 409, zh: '该样品已出具检测报告，不能再次判定；如需更正，请提交带原因的更正（新版本）', en: 'The sample was already judged and its report issued; to change it, submit a correction with a reason (a new version)' },
  SAMPLE_NOT_TESTED: { status: 409, zh: '样品尚未出具检测报告，无可更正的内容', en: 'The sample has no issued report to correct' },
  ANALYTE_REPEATED: { status: 400, zh: (d) => `检测项目「${String(d.analyteCode)}」重复录入`, en: (d) => `The analyte ${String(d.analyteCode)} is entered twice` },
  REPORT_NOT_FOUND: { status: 404, zh: '该版本的检测报告不存在', en: 'No report of that version' },
  ALERT_NOT_FOUND: { status: 404, zh: '预警不存在，或不是发给本机构的', en: 'No such alert, or not one sent to your agency' },
  ALERT_CASE_EXISTS: { status: 409, zh: '已根据此预警立案', en: 'A case was already opened from this alert' },
  // Review (检验 → 审核 → 批准, review.service.ts).
  REPORT_IN_REVIEW: {
    status: 409,
    zh: (d) => `第 ${String(d.version)} 版报告正在${d.status === 'reviewed' ? '等待批准' : '等待审核'}，请等审核、批准或退回后再录入`,
    en: (d) => `Version ${String(d.version)} of the report is awaiting ${d.status === 'reviewed' ? 'approval' : 'review'}; enter again once it is approved or sent back`,
  },
  REPORT_NOT_PENDING: {
    status: 409,
    zh: (d) => `该版本报告当前${({ entered: '待审核', reviewed: '待批准', approved: '已批准签发', returned: '已退回待重新录入' } as Record<string, string>)[String(d.status)] ?? '不在此步骤'}，不能${({ review: '审核', approve: '批准', return: '退回' } as Record<string, string>)[String(d.step)] ?? '办理'}`,
    en: (d) => `That version of the report is ${String(d.status)}; it cannot be ${({ review: 'reviewed', approve: 'approved', return: 'sent back' } as Record<string, string>)[String(d.step)] ?? 'acted on'} now`,
  },
  SAME_PERSON: {
    status: 403,
    zh: (d) => (d.step === 'review' ? '审核人不能是该报告的检验（录入）人' : '批准人不能是该报告的检验（录入）人或审核人'),
    en: (d) => (d.step === 'review' ? 'The reviewer cannot be the person who entered the report' : 'The approver cannot be the person who entered or reviewed the report'),
  },
  NOT_AN_APPROVER: { status: 403, zh: '您不是本机构的授权签字人，不能批准报告；请机构管理员设置', en: 'You are not one of your lab’s approvers (授权签字人); ask your agency’s admin' },
  NOT_LAB_ADMIN: { status: 403, zh: '只有检测机构的管理员可以设置资质编号和授权签字人', en: 'Only a testing agency’s admin sets its qualification number and approvers' },
  APPROVER_NOT_MEMBER: { status: 422, zh: '授权签字人须是本机构在用的账号', en: 'An approver must be an active account of your agency' },
  // Failed lots (batch holds and recall orders, recall.service.ts).
  RECALL_NOT_ISSUER: { status: 403, zh: '只有收到预警的县级监管机构可以下达召回/下架令和解除暂停', en: 'Only the county supervision agency the alert was sent to issues the recall order and releases the batches' },
  RECALL_ORDER_EXISTS: { status: 409, zh: '该样品的召回/下架令已经下达', en: 'A recall order was already issued for this sample' },
  NOTHING_HELD: { status: 409, zh: '该样品没有需要召回的在售批次（手工录入的产品或暂停已解除）', en: 'No batch of this sample is held (a product entered by hand, or the batches were released)' },
  RECALL_ORDER_NOT_FOUND: { status: 404, zh: '召回/下架令不存在，或不在您可查看的范围内', en: 'No such recall order, or not one you may see' },
  RECALL_ORDER_CLOSED: { status: 409, zh: '该召回/下架令已结束（已解除或检测结果已更正）', en: 'The recall order is closed (released, or the result was corrected)' },
  RECALL_NOTICE_NOT_FOUND: { status: 404, zh: '召回通知不存在，或不是发给本主体的', en: 'No such recall notice, or not one addressed to you' },
  NOTICE_NOT_ACKNOWLEDGED: { status: 409, zh: '请先签收召回通知，再上报处置数量', en: 'Acknowledge the recall notice before reporting quantities' },
  RECALL_QUANTITY_EXCEEDS: {
    status: 422,
    zh: (d) => `下架、销毁和退回合计 ${String(d.total)} 超过该批次被暂停时的数量 ${String(d.held)}`,
    en: (d) => `Withdrawn, destroyed and returned add up to ${String(d.total)}, more than the ${String(d.held)} held`,
  },
  SUMMARY_TASK_NOT_FOUND: { status: 404, zh: '任务不存在，或不在您可查看的范围内', en: 'No such task, or not one you may see' },
  // Reference data (reference.service.ts): analytes and limits a province or a lab adds.
  ANALYTE_EXISTS: {
    status: 409,
    zh: (d) => `检测项目「${String(d.nameZh)}」已在项目表中（代码 ${String(d.code)}），请直接使用`,
    en: (d) => `The analyte ${String(d.nameZh)} is already listed (code ${String(d.code)}); use it`,
  },
  LIMIT_NOT_FOUND: { status: 404, zh: '限量不存在，或不在您可查看的范围内', en: 'No such limit, or not one you may see' },
  LIMIT_NOT_YOURS: { status: 403, zh: '只能撤销本机构添加的限量；国家参照限量随标准文件更新', en: 'Only a limit your agency added can be retired; the reference set changes with its file' },
  LIMIT_ALREADY_RETIRED: { status: 409, zh: '该限量已撤销', en: 'This limit was already retired' },
});

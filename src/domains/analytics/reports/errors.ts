import { defineErrors } from '../../../platform/http/errors.js';

export const reportError = defineErrors({
  REPORT_NOT_FOUND: { status: 404, zh: '报告不存在，或不是您可以查看的报告', en: 'No such report, or not one you may see' },
  REPORT_PERIOD_NOT_STARTED: { status: 400, zh: '报告期尚未开始，请选择已开始的月份或半年', en: 'The period has not begun yet; choose a month or half year that has' },
  REPORT_STATE: { status: 409, zh: '报告当前状态不允许此操作，请刷新后查看最新状态', en: 'The report is not in a state that allows this; reload to see where it stands' },
  REPORT_SUPERSEDED: { status: 409, zh: '此版本之后已生成新版本，请报送最新版本', en: 'A newer version has been generated since; submit the latest one' },
  REPORT_DOCUMENT_NOT_FOUND: { status: 404, zh: '报送材料不存在，或不是您可以查看的材料', en: 'No such document, or not one you may see' },
  REPORT_ATTACHMENT_NOT_FOUND: { status: 400, zh: '附件不存在，或不是本机构为报送材料上传的文件', en: 'An attachment does not exist or was not uploaded for a document by your agency' },
});

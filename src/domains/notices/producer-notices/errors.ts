import { defineErrors } from '../../../platform/http/errors.js';

export const noticeError = defineErrors({
  NOTICE_NOT_FOUND: { status: 404, zh: '通知不存在，或不是您可以查看的通知', en: 'No such notice, or not one you may see' },
  NOTICE_REGION_OUTSIDE: {
    status: 400,
    zh: (d) => `所选地区 ${String(d.region)} 不在本机构辖区内，只能向辖区内的生产经营主体发送通知`,
    en: (d) => `Region ${String(d.region)} lies outside your jurisdiction: notices go only to the producers of your own jurisdiction`,
  },
  NOTICE_NO_RECIPIENTS: { status: 400, zh: '按所选条件没有可接收通知的生产经营主体，请调整地区、行业、类别或证书', en: 'No producer matches the chosen regions, industries, categories and certificates' },
  NOTICE_ATTACHMENT_NOT_FOUND: { status: 400, zh: '附件不存在，或不是本机构为通知上传的文件', en: 'An attachment does not exist or was not uploaded for a notice by your agency' },
});

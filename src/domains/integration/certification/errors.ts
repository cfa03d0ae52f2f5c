import { defineErrors } from '../../../platform/http/errors.js';

const items = (d: Record<string, unknown>) => (Array.isArray(d.items) ? (d.items as { index: number }[]).map((i) => i.index + 1).slice(0, 10).join('、') : '');

export const certificationError = defineErrors({
  NOT_A_CERTIFICATION_SYSTEM: { status: 403, zh: '只有认证系统可以推送证书', en: 'Only a certification system may push certificates' },
  CERTIFICATES_INVALID: {
    status: 422,
    zh: (d) => `第 ${items(d)} 条证书有误（见 details.items），本次推送未写入任何证书`,
    en: (d) => `Certificates ${items(d)} are wrong (see details.items); nothing of this push was written`,
  },
  CERTIFICATE_CLASH: {
    status: 409,
    zh: (d) => `第 ${items(d)} 条证书的编号已登记在另一主体名下，请核对持证人后重新推送；本次推送未写入任何证书`,
    en: (d) => `Certificates ${items(d)} carry a number already held by another subject; check the holder and push again. Nothing was written`,
  },
  IDENTITY_INVALID: {
    status: 422,
    zh: (d) => `第 ${items(d)} 个证件号码不是有效的统一社会信用代码或居民身份证号码，请核对后重新提交`,
    en: (d) => `Entries ${items(d)} are not a valid credit code or resident ID number; check and submit again`,
  },
  TRACE_CHECK_NOT_FOUND: { status: 404, zh: '核查记录不存在，或不在本机构辖区', en: 'No such check, or not in your jurisdiction' },
});

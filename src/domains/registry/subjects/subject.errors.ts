import { defineErrors } from '../../../platform/http/errors.js';
import { PRIORITY_FLAG_ZH } from './priority-flags.shared.js';

const ID_NAME_ZH: Record<string, string> = { uscc: '统一社会信用代码', resident_id: '居民身份证号码' };
const ID_NAME_EN: Record<string, string> = { uscc: 'unified social credit code', resident_id: 'resident ID number' };
const zhId = (d: Record<string, unknown>) => ID_NAME_ZH[String(d.idKind)] ?? '证件号码';
const enId = (d: Record<string, unknown>) => ID_NAME_EN[String(d.idKind)] ?? 'identity number';

const PRIORITY_ZH: Record<string, string> = PRIORITY_FLAG_ZH;
const SETTER_ZH: Record<string, string> = { national_leading: '农业农村部', provincial_leading: '省级', vegetable_basket: '县级', scale: '县级' };

export const subjectError = defineErrors({
  IDENTITY_FORMAT: {
    status: 400,
    zh: (d) => `${zhId(d)}格式不正确${d.idKind === 'uscc' ? '（18 位，不含 I、O、Z、S、V）' : '（18 位，末位可为 X）'}`,
    en: (d) => `The ${enId(d)} is malformed${d.idKind === 'uscc' ? ' (18 characters, no I, O, Z, S, V)' : ' (18 characters, the last may be X)'}`,
  },
  IDENTITY_CHECK_CHARACTER: {
    status: 400,
    zh: (d) => `${zhId(d)}校验位错误，请核对是否输错`,
    en: (d) => `The check character of the ${enId(d)} is wrong; please check for a typing error`,
  },
  LEGAL_REP_ID_FOR_ORGANISATION: {
    status: 400,
    zh: '法定代表人身份证号只用于以统一社会信用代码登记的主体',
    en: 'A legal representative’s ID number is given only for a subject registered with a unified social credit code',
  },
  IDENTITY_BIRTH_DATE: { status: 400, zh: '身份证号码中的出生日期无效或在未来', en: 'The birth date in the ID number is not a real date, or lies in the future' },
  ID_KIND_MISMATCH: {
    status: 400,
    zh: '企业和合作社使用统一社会信用代码，个人使用居民身份证（家庭农场二者皆可）',
    en: 'Companies and co-operatives register with a unified social credit code, persons with a resident ID (a family farm with either)',
  },
  PHOTOS_MISSING: {
    status: 400,
    zh: (d) => `缺少证照照片：${((d.missing as string[]) ?? []).map((k) => PHOTO_ZH[k] ?? k).join('、')}`,
    en: (d) => `Photos missing: ${((d.missing as string[]) ?? []).join(', ')}`,
  },
  PHOTO_NOT_FOUND: { status: 400, zh: '照片不存在，请重新上传', en: 'A photo was not found; please upload it again' },
  UNITS_DO_NOT_FIT: {
    status: 400,
    zh: (d) => `${d.field === 'outputUnit' ? '年产量' : '规模'}单位与所选行业不符`,
    en: (d) => `The ${d.field === 'outputUnit' ? 'annual output' : 'scale'} unit does not fit the industries chosen`,
  },
  REGION_NOT_COUNTY: { status: 400, zh: '所选区县不是县级行政区划', en: 'The region chosen as county is not a county-level region' },
  REGION_NOT_IN_PROVINCE: { status: 400, zh: '所选区县不属于所选省份', en: 'The county does not belong to the province chosen' },
  TOWNSHIP_NOT_IN_COUNTY: { status: 400, zh: '所选乡镇不属于所选区县', en: 'The township does not belong to the county chosen' },
  COUNTY_NOT_ONBOARDED: {
    status: 409,
    zh: '该区县的监管机构尚未开通追溯平台账号，暂不能受理注册，请联系当地农业农村部门',
    en: 'The supervision agency of this county is not on the platform yet, so it cannot take registrations; contact the local agriculture bureau',
  },
  COORDINATES_OUTSIDE_CHINA: { status: 400, zh: '定位坐标不在中国境内，请重新定位或核对经纬度', en: 'The map point lies outside China; locate again or check the coordinates' },
  IDENTITY_REGISTERED: { status: 409, zh: '该证件号码已注册为生产经营主体', en: 'A subject with this identity number is already registered' },
  IDENTITY_PENDING: { status: 409, zh: '该证件号码已有待审核的注册申请，请使用申请查询码查看进度', en: 'An application with this identity number is already pending; follow it with its tracking code' },
  UPLOAD_TICKET_INVALID: {
    status: 400,
    zh: '上传凭证无效，请刷新页面后重新上传照片',
    en: 'The upload ticket is not valid; reload the page and upload the photos again',
  },
  UPLOAD_TICKET_EXPIRED: {
    status: 400,
    zh: '上传凭证已过期（有效期 24 小时），请刷新页面后重新上传照片',
    en: 'The upload ticket has expired (it lasts 24 hours); reload the page and upload the photos again',
  },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'This username is already taken' },
  APPLICATION_NOT_FOUND: { status: 404, zh: '注册申请不存在或不在您的辖区内', en: 'No such application in your jurisdiction' },
  APPLICATION_NOT_PENDING: {
    status: 409,
    zh: (d) => `该申请当前状态为"${STATUS_ZH[String(d.status)] ?? String(d.status)}"，不能再次处理`,
    en: (d) => `This application is ${String(d.status)} and cannot be decided again`,
  },
  APPLICATION_NOT_RETURNED: {
    status: 409,
    zh: (d) => `只有被退回修改的申请才能重新提交（当前：${STATUS_ZH[String(d.status)] ?? String(d.status)}）`,
    en: (d) => `Only an application returned for correction can be resubmitted (it is ${String(d.status)})`,
  },
  NOT_RESPONSIBLE_COUNTY: { status: 403, zh: '只有申请所在区县的县级监管机构可以审核', en: 'Only the supervision agency of the applicant\u2019s county can decide on it' },
  SUBJECT_NOT_FOUND: { status: 404, zh: '生产经营主体不存在或不在您的辖区内', en: 'No such subject in your jurisdiction' },
  SUBJECT_STATUS_CONFLICT: {
    status: 409,
    zh: (d) => `主体当前状态为"${STATUS_ZH[String(d.status)] ?? String(d.status)}"，不能执行该操作`,
    en: (d) => `The subject is ${String(d.status)}; this action does not apply`,
  },
  CLAIM_NOT_FOUND: { status: 404, zh: '待认领的临时主体不存在或已被认领', en: 'No such unclaimed temporary subject' },
  CERTIFICATE_NOT_FOUND: { status: 404, zh: '证书不存在', en: 'No such certificate' },
  CERTIFICATE_DATES: { status: 400, zh: '证书有效期结束日期不能早于开始日期', en: 'The certificate\u2019s validity ends before it starts' },
  CERTIFICATE_EXISTS: { status: 409, zh: '该证书编号已登记', en: 'A certificate with this number is already recorded' },
  CERTIFICATE_NOT_UNVERIFIED: { status: 409, zh: '该证书已核验或已撤回', en: 'This certificate has already been verified or withdrawn' },
  CHANGE_PENDING: { status: 409, zh: '已有待审核的变更申请，请等待审核结果', en: 'A change request is already pending; wait for its decision' },
  CHANGE_NOT_FOUND: { status: 404, zh: '变更申请不存在或不在您的辖区内', en: 'No such change request in your jurisdiction' },
  NOTHING_CHANGED: { status: 400, zh: '变更内容与现有登记信息相同', en: 'The changes equal the registered data' },
  IDENTITY_TOKEN_NOT_FOUND: { status: 404, zh: '电子身份标识无效或已作废', en: 'This electronic identity is unknown or has been replaced' },
  NOT_OWN_STAFF: { status: 404, zh: '账号不存在或不属于本主体', en: 'No such account of this subject' },
  CANNOT_CHANGE_MAIN_ACCOUNT: { status: 400, zh: '不能停用主账号', en: 'The main account cannot be disabled' },
  PRIORITY_FLAG_NOT_YOURS: {
    status: 403,
    zh: (d) => `“${PRIORITY_ZH[String(d.flag)] ?? '重点主体'}”标识由${SETTER_ZH[String(d.flag)] ?? '相应'}监管机构设定，您的机构不能设定或取消`,
    en: (d) => `The ${String(d.flag)} flag is set by the ${String(d.setter)} supervision agency; your agency cannot set or clear it`,
  },
  PRIORITY_FLAG_UNCHANGED: {
    status: 409,
    zh: (d) => (d.set ? `该主体已有“${PRIORITY_ZH[String(d.flag)] ?? '重点主体'}”标识` : `该主体没有“${PRIORITY_ZH[String(d.flag)] ?? '重点主体'}”标识，无需取消`),
    en: (d) => (d.set ? `The subject already carries the ${String(d.flag)} flag` : `The subject does not carry the ${String(d.flag)} flag`),
  },
  PRIORITY_FLAG_TEMPORARY: { status: 409, zh: '临时主体尚未注册，不能设定重点主体标识', en: 'A temporary subject is not registered; it cannot be flagged' },
  OUT_OF_JURISDICTION: { status: 403, zh: '该区划不在您的辖区内', en: 'This region is outside your jurisdiction' },
  REGION_NOT_FOUND: { status: 400, zh: '行政区划代码不存在', en: 'No such region code' },
  OPINION_REQUIRED: { status: 400, zh: '不予通过时请填写意见', en: 'Give an opinion when rejecting' },
  TEMPORARY_NEEDS_REGION_IN_JURISDICTION: { status: 403, zh: '只能在本辖区内登记临时主体', en: 'Temporary subjects can be recorded only inside your jurisdiction' },
  BAD_RECORD_FUTURE: { status: 400, zh: '不良行为发生日期不能在未来', en: 'The date of the conduct cannot lie in the future' },
  // County bulk import (批量导入): the file as a whole, then the problems of single rows (import.service.ts).
  IMPORT_NOT_XLSX: { status: 400, zh: '上传的文件不是 Excel 工作簿（.xlsx），请使用下载的导入模板', en: 'The file is not an Excel workbook (.xlsx); use the import template' },
  IMPORT_UNPACKED_TOO_LARGE: { status: 413, zh: '工作簿解压后过大，请只保留导入模板中的数据', en: 'The workbook unpacks too large; keep only the data of the import template' },
  IMPORT_BAD_HEADER: {
    status: 400,
    zh: (d) => `表头与导入模板不一致${listed('缺少', d.missing, true)}${listed('重复', d.duplicated, true)}${listed('无法识别', d.unknown, true)}；请使用下载的模板`,
    en: (d) => `The header row is not the template's${listed('missing', d.missing)}${listed('repeated', d.duplicated)}${listed('unknown', d.unknown)}; use the downloaded template`,
  },
  IMPORT_EMPTY: { status: 400, zh: '表格中没有数据行', en: 'The sheet has no data rows' },
  IMPORT_TOO_MANY_ROWS: {
    status: 400,
    zh: (d) => `一次最多导入 ${String(d.max)} 行（本文件 ${String(d.rows)} 行），请拆分后分批导入`,
    en: (d) => `At most ${String(d.max)} rows per import (this file has ${String(d.rows)}); split the file`,
  },
  IMPORT_ROWS_INVALID: {
    status: 422,
    zh: (d) => `共 ${String(d.badRowCount)} 行数据有误，未导入任何数据；请按提示修改后重新上传`,
    en: (d) => `${d.badRowCount === 1 ? '1 row has' : `${String(d.badRowCount)} rows have`} problems, so nothing was imported; correct them and upload again`,
  },
  IMPORT_NOT_COUNTY: { status: 403, zh: '只有县级监管机构可以批量导入主体', en: 'Only a county supervision agency can import subjects' },
  IMPORT_VALUE_MISSING: { status: 400, zh: (d) => `「${String(d.column)}」不能为空`, en: (d) => `${String(d.columnEn)} is empty` },
  IMPORT_VALUE_INVALID: {
    status: 400,
    zh: (d) => `「${String(d.column)}」填写有误：应为${String(d.expect)}`,
    en: (d) => `${String(d.columnEn)} is not valid: expected ${String(d.expectEn)}`,
  },
  IMPORT_OUTSIDE_COUNTY: {
    status: 400,
    zh: '乡镇不在本县（市、区）辖区内：只能导入本辖区的主体',
    en: 'The township lies outside your county: only subjects of your own county can be imported',
  },
  IMPORT_DUPLICATE_ID: { status: 400, zh: (d) => `证件号码与第 ${String(d.firstRow)} 行重复`, en: (d) => `The identity number repeats row ${String(d.firstRow)}` },
  IMPORT_DUPLICATE_USERNAME: { status: 400, zh: (d) => `登录用户名与第 ${String(d.firstRow)} 行重复`, en: (d) => `The username repeats row ${String(d.firstRow)}` },
});

/** "; label: a, b" for a non-empty list, else nothing (the columns of a bad import header). */
function listed(label: string, items: unknown, zh = false): string {
  if (!Array.isArray(items) || !items.length) return '';
  return zh ? `;${label}:${items.join('、')}` : `; ${label}: ${items.join(', ')}`;
}

const PHOTO_ZH: Record<string, string> = { licence: '营业执照', id_front: '身份证人像面', id_back: '身份证国徽面', site: '生产场所' };
const STATUS_ZH: Record<string, string> = {
  pending: '待审核',
  returned: '退回修改',
  rejected: '不予通过',
  approved: '已通过',
  active: '正常',
  suspended: '暂停',
  temporary: '临时',
};

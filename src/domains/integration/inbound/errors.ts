import { defineErrors } from '../../../platform/http/errors.js';
import type { ItemProblemCode } from './inbound.shared.js';

export const inboundError = defineErrors({
  DOCUMENT_NOT_FOUND: { status: 404, zh: '没有这个交换文档，或它不属于本接入系统', en: 'No such exchange document, or it is not this client system’s' },
  DOCUMENT_ID_REUSED: {
    status: 409,
    zh: (d) => `文档编号 ${String(d.documentId)} 已用于另一份内容不同的文档；重发请原样发送，新数据请使用新编号`,
    en: (d) => `Document id ${String(d.documentId)} was used for a document with other content; resend it unchanged, or send new data under a new id`,
  },
});

type Words = { zh: string; en: string };
const d = (v: unknown) => String(v ?? '');

/** The words of each item problem in a refused document's report (stable codes; the console shows the words). */
export const ITEM_PROBLEM_TEXT: Record<ItemProblemCode, (details: Record<string, unknown>) => Words> = {
  OUT_OF_SCOPE: (x) => ({ zh: `地区 ${d(x.region)} 不在本接入系统的范围内`, en: `Region ${d(x.region)} is outside this client system’s scope` }),
  DUPLICATE_ITEM: (x) => ({ zh: `编号 ${d(x.id)} 在本文档中重复出现`, en: `Id ${d(x.id)} appears twice in this document` }),
  IDENTITY_INVALID: () => ({ zh: '证件号码格式或校验位不正确', en: 'The identity number’s format or check character is wrong' }),
  IDENTITY_REGISTERED: () => ({
    zh: '该证件号码的主体已在平台登记（或正在申请），未合并，请核实后处理',
    en: 'A subject with this identity is already on the platform (or applying); nothing was merged: check it first',
  }),
  IDENTITY_REPEATED: (x) => ({ zh: `证件号码与本文档第 ${d(x.other)} 个主体相同`, en: `The identity number is the same as subject no. ${d(x.other)} of this document` }),
  REGION_UNKNOWN: (x) => ({ zh: `地区代码 ${d(x.region)} 不存在或不是乡镇级代码`, en: `There is no township ${d(x.region)}` }),
  REFERENCE_UNKNOWN: (x) => ({ zh: `引用的编号 ${d(x.ref)} 在本文档和此前的文档中都不存在`, en: `The id ${d(x.ref)} it names is in neither this document nor an earlier one` }),
  CLASS_UNKNOWN: (x) => ({ zh: `产品分类代码 ${d(x.classCode)} 不存在`, en: `There is no product class ${d(x.classCode)}` }),
  UNIT_MISMATCH: (x) => ({ zh: `计量单位应为 ${d(x.expected)}`, en: `The unit should be ${d(x.expected)}` }),
  NAME_TAKEN: (x) => ({ zh: `该主体已有同名的${x.what === 'base' ? '基地' : '产品（同规格）'}`, en: `The subject already has a ${x.what === 'base' ? 'base' : 'product (same spec)'} of that name` }),
  ALIAS_TAKEN: (x) => ({ zh: `追溯码 ${d(x.alias)} 已属于平台上的另一个批次`, en: `Code ${d(x.alias)} already belongs to another batch on the platform` }),
  ALIAS_INVALID: (x) => ({ zh: `${d(x.alias)} 不是有效的国家追溯长码`, en: `${d(x.alias)} is not a valid national long code` }),
  STOCK_EXCEEDED: (x) => ({ zh: `批次可售数量为 ${d(x.available)}，不足 ${d(x.requested)}`, en: `The batch has ${d(x.available)} free, less than ${d(x.requested)}` }),
  DATE_IN_FUTURE: (x) => ({ zh: `日期 ${d(x.date)} 晚于今天`, en: `The date ${d(x.date)} is after today` }),
};

import { defineErrors } from '../../platform/http/errors.js';

const PROBLEM_ZH: Record<string, string> = {
  EMPTY: '未输入代码',
  NOT_A_CODE: '不是本平台的追溯码、主体身份码或临时码',
  WRONG_LENGTH: '追溯码应为 20 位数字',
  CHECK_DIGIT: '校验位不符，可能输错了一位',
  UNKNOWN_TYPE: '首位代码类型不存在（应为 1、2、3 或 5）',
  BAD_DATE: '长码中的时间不是有效时间',
  NOT_A_PRODUCT_CODE: '这是主体身份码，不是产品追溯码',
};
const PROBLEM_EN: Record<string, string> = {
  EMPTY: 'no code given',
  NOT_A_CODE: 'not a trace code, subject identity code or temporary code of this platform',
  WRONG_LENGTH: 'a trace code has 20 digits',
  CHECK_DIGIT: 'the check digit does not match: a digit was probably mistyped',
  UNKNOWN_TYPE: 'the first digit is no code type (1, 2, 3 or 5)',
  BAD_DATE: 'the time in the long code is not a real time',
  NOT_A_PRODUCT_CODE: 'this is a subject identity code, not a product code',
};

export const traceError = defineErrors({
  CODE_INVALID: {
    status: 400,
    zh: (d) => `代码无效：${PROBLEM_ZH[String(d.problem)] ?? String(d.problem)}${d.suggestion ? `（是否为 ${String(d.suggestion)}？）` : ''}`,
    en: (d) => `Invalid code: ${PROBLEM_EN[String(d.problem)] ?? String(d.problem)}${d.suggestion ? ` (did you mean ${String(d.suggestion)}?)` : ''}`,
  },
  CODE_UNKNOWN: { status: 404, zh: '平台上没有这个追溯码', en: 'No such code on the platform' },
  PRODUCT_CLASS_NOT_FOUND: { status: 404, zh: '产品分类代码不存在', en: 'No such product class' },
  GTIN_INVALID: {
    status: 400,
    zh: (d) => (d.problem === 'CHECK_DIGIT' ? '商品条码（GTIN）校验位错误' : '商品条码（GTIN）应为 8、12、13 或 14 位数字'),
    en: (d) => (d.problem === 'CHECK_DIGIT' ? 'The GTIN check digit is wrong' : 'A GTIN has 8, 12, 13 or 14 digits'),
  },
  GTIN_TAKEN: { status: 409, zh: '该商品条码已登记在其他产品上', en: 'This GTIN is already recorded for another product' },
  PRODUCT_EXISTS: { status: 409, zh: '已有同名同规格的产品', en: 'A product of this name and specification exists' },
  BASE_EXISTS: { status: 409, zh: '已有同名基地', en: 'A base of this name exists' },
  REGION_NOT_TOWNSHIP: { status: 400, zh: '基地所在地须选到乡镇', en: 'A base is located down to its township' },
  PRODUCT_NOT_FOUND: { status: 404, zh: '产品不存在或不属于本主体', en: 'No such product of yours' },
  BASE_NOT_FOUND: { status: 404, zh: '基地不存在或不属于本主体', en: 'No such base of yours' },
  SUBJECT_NOT_FOUND: { status: 404, zh: '主体不存在，或不在您的辖区内', en: 'No such subject, or not one of your jurisdiction' },
  FSMA_TOO_MANY_LOTS: {
    status: 400,
    zh: (d) => `该品类在此期间有超过 ${String(d.limit)} 个批次，请缩短期间或选择更细的品类后再导出`,
    en: (d) => `The class has more than ${String(d.limit)} lots in this period; choose a shorter period or a narrower class`,
  },
  BATCH_NOT_FOUND: { status: 404, zh: '批次不存在，或不在您可查看的范围内', en: 'No such batch, or not one you may see' },
  // A batch monitoring marked (monitoring's failure response): nothing leaves it until the county releases it.
  BATCH_HELD: {
    status: 409,
    zh: '该批次的同源批次检测不合格，正在核查：暂停销售、入市和加工，待县级监管机构解除后方可继续',
    en: 'A batch of the same origin failed a test and this one is under review: selling, market entry and processing are paused until the county supervision agency releases it',
  },
  BATCH_FAILED: { status: 409, zh: '该批次检测不合格，不能销售、入市或加工', en: 'This batch failed a test: it cannot be sold, entered into a market or processed' },
  UNIT_MISMATCH: {
    status: 400,
    zh: (d) => `计量单位须与产品一致（${String(d.expected)}）`,
    en: (d) => `The unit must be the product's (${String(d.expected)})`,
  },
  DATE_IN_FUTURE: {
    status: 400,
    zh: (d) => `${d.field === 'appliedOn' ? '投入品使用日期' : d.field === 'productionDate' ? '加工日期' : '采收/生产日期'}不能在未来`,
    en: (d) => `The ${d.field === 'appliedOn' ? 'date an input was used' : d.field === 'productionDate' ? 'processing date' : 'harvest or production date'} cannot lie in the future`,
  },
  INPUT_AFTER_HARVEST: { status: 400, zh: '投入品使用日期不能晚于采收日期', en: 'An input cannot be used after the harvest' },
  INSUFFICIENT_STOCK: {
    status: 409,
    zh: (d) => `库存不足：可售 ${String(d.available)}，本次 ${String(d.requested)}`,
    en: (d) => `Not enough stock: ${String(d.available)} available, ${String(d.requested)} asked`,
  },
  BUYER_NOT_FOUND: { status: 404, zh: '买方电子身份标识无效或主体未在用', en: 'The buyer’s electronic identity is unknown or the subject is not active' },
  TRADE_TO_SELF: { status: 400, zh: '不能向本主体销售', en: 'A subject cannot sell to itself' },
  TRADE_NOT_FOUND: { status: 404, zh: '交易不存在或不是发给您的', en: 'No such trade addressed to you' },
  TRADE_NOT_PENDING: {
    status: 409,
    zh: (d) => `该交易已${({ confirmed: '确认', rejected: '拒收', cancelled: '撤销' } as Record<string, string>)[String(d.status)] ?? '处理'}，不能再操作`,
    en: (d) => `This trade is already ${String(d.status)}`,
  },
  ANIMAL_DETAILS_NOT_ANIMAL: { status: 400, zh: '只有活畜禽和动物性产品的批次才能填写畜禽信息', en: 'Animal details belong to a batch of live animals or of an animal product' },
  ANIMAL_LIVE_NO_TISSUE: { status: 400, zh: '活畜禽批次不填写组织部位和屠宰信息', en: 'A batch of live animals has no tissue and no slaughter details' },
  ANIMAL_DATE_IN_FUTURE: { status: 400, zh: '屠宰日期不能晚于今天', en: 'The slaughter date cannot be later than today' },
  QUARANTINE_CERT_REQUIRED: { status: 400, zh: '活畜禽销售须填写动物检疫合格证明编号', en: 'Live animals are sold with the number of their animal quarantine certificate' },
  TRADE_NOT_CONFIRMED: { status: 409, zh: '只有已完成的交易才能退货', en: 'Only a completed trade can take a return' },
  RETURN_EXCEEDS: {
    status: 409,
    zh: (d) => `退货数量超过可退数量（可退 ${String(d.returnable)}，本次 ${String(d.requested)}）`,
    en: (d) => `The return exceeds what the trade carried (${String(d.returnable)} returnable, ${String(d.requested)} asked)`,
  },
  DUPLICATE_BATCH: { status: 400, zh: '同一批次不能重复选择', en: 'A batch is listed twice' },
  MERGE_MIXED: { status: 400, zh: '只能合并同一产品、同一计量单位的批次', en: 'Only batches of one product and one unit can be merged' },
  RECALL_TOO_LARGE: {
    status: 422,
    zh: (d) => `该批次下游有 ${String(d.batches)} 个批次，超过单份召回清单上限 ${String(d.max)}，请从其下游批次分别召回`,
    en: (d) => `This batch has ${String(d.batches)} downstream batches, more than one recall list holds (${String(d.max)}): recall from its downstream batches`,
  },
  QUANTITY_ABOVE_BATCH: {
    status: 400,
    zh: (d) => `合格证数量不能超过批次数量（${String(d.quantity)} ${String(d.unit)}）`,
    en: (d) => `A certificate cannot state more than the batch holds (${String(d.quantity)} ${String(d.unit)})`,
  },
  SELF_CHECK_FAILED: { status: 409, zh: '该批次自检不合格，不能开具承诺达标合格证', en: 'This batch failed its self-check: no certificate of compliance can be issued for it' },
  // 用什么药、检什么药 (certificate.rules.ts): a test basis must have tested what the batch's records say was used.
  CERTIFICATE_TESTS_MISS_INPUTS: {
    status: 409,
    zh: (d) => `以检测为依据开具承诺达标合格证，检测项目须覆盖该批次记录使用的农药、兽药；未检测：${(d.missing as string[]).join('、')}`,
    en: (d) => `A certificate on a testing basis must have tested the pesticides and veterinary drugs recorded for the batch; not tested: ${(d.missing as string[]).join(', ')}`,
  },
  TESTED_ITEMS_WITHOUT_TEST: {
    status: 400,
    zh: '只有以自我检测或委托检测为依据时才填写检测项目',
    en: 'Tested items are given only for a basis of own or commissioned testing',
  },
  CERTIFICATE_UNKNOWN: { status: 404, zh: '平台上没有这个合格证编号', en: 'No certificate of this number on the platform' },
  CERTIFICATE_NOT_FOUND: { status: 404, zh: '合格证编号不存在，或不是本主体开具的', en: 'No such certificate number, or not one you issued' },
  MARKET_ENTRY_NOT_FOUND: { status: 404, zh: '入市记录不存在或与本主体无关', en: 'No such market entry of yours' },
  COORDINATES_OUTSIDE_CHINA: { status: 400, zh: '定位坐标不在中国境内', en: 'The map point lies outside China' },
  // 更正与作废 (issue 15 §5): a record is corrected while nothing depends on the field, else voided and recorded anew.
  BATCH_VOIDED: {
    status: 409,
    zh: (d) => `该批次已作废${d.voidedAt ? `（${String(d.voidedAt).slice(0, 10)}）` : ''}，不能销售、入市、加工、打印标签或再更正`,
    en: (d) => `This batch was voided${d.voidedAt ? ` on ${String(d.voidedAt).slice(0, 10)}` : ''}: it cannot be sold, entered into a market, processed, labelled or corrected`,
  },
  PRODUCT_VOIDED: { status: 409, zh: '该产品已作废，不能再登记批次或更正', en: 'This product was voided: no batch can be recorded with it and it cannot be corrected' },
  BASE_VOIDED: { status: 409, zh: '该基地已作废，不能再登记批次或更正', en: 'This base was voided: no batch can be recorded from it and it cannot be corrected' },
  BATCH_NOT_CORRECTABLE: {
    status: 409,
    zh: (d) =>
      d.because === 'received'
        ? '只有本主体自产登记的批次可以更正或作废；收购、加工、拆分所得批次的数量来自交易或加工记录，请通过退货或撤销交易更正'
        : `该批次当前状态为${({ held: '待核查', failed: '检测不合格', recalled: '已召回' } as Record<string, string>)[String(d.status)] ?? '不可用'}，由监管处置，不能更正或作废`,
    en: (d) =>
      d.because === 'received'
        ? 'Only batches of your own production can be corrected or voided; a bought, processed or split batch takes its quantity from the trade or processing record: correct it by a return or by cancelling the trade'
        : `This batch is ${String(d.status)}: its handling is the supervisors', and it cannot be corrected or voided`,
  },
  FIELD_IN_USE: {
    status: 409,
    zh: (d) => `“${FIELD_ZH[String(d.field)] ?? String(d.field)}”已被${DEPENDENT_ZH[String(d.because)] ?? '其他记录'}使用，不能更正；如登记有误，请作废后重新登记`,
    en: (d) => `The ${FIELD_EN[String(d.field)] ?? String(d.field)} is already relied on by ${DEPENDENT_EN[String(d.because)] ?? 'other records'} and cannot be corrected; if it was recorded in error, void the record and record it anew`,
  },
  QUANTITY_BELOW_SHIPPED: {
    status: 409,
    zh: (d) => `数量不能更正为低于已发出、待确认或已开具合格证的数量（最少 ${String(d.minimum)} ${String(d.unit)}）`,
    en: (d) => `The quantity cannot be corrected below what was shipped, is awaiting its buyer or was certified (at least ${String(d.minimum)} ${String(d.unit)})`,
  },
  BATCH_HAS_DOWNSTREAM: {
    status: 409,
    zh: (d) => `该批次已有 ${String(d.trades)} 笔交易或加工去向，货物已到他人手中，不能作废；请先撤销待确认的交易、办理退货，或更正数量`,
    en: (d) => `This batch has ${String(d.trades)} trades or processing records: its goods reached others and it cannot be voided; cancel pending trades, take returns, or correct its quantity instead`,
  },
  ALREADY_VOIDED: { status: 409, zh: '该记录已作废', en: 'This record is already voided' },
});

const FIELD_ZH: Record<string, string> = {
  productId: '产品',
  baseId: '基地',
  selfCheck: '自检结果',
  harvestDate: '采收日期',
  name: '名称',
  classCode: '产品分类',
  spec: '规格',
  unit: '计量单位',
  brand: '品牌',
  gtin: '商品条码',
  regionCode: '所在乡镇',
};
const FIELD_EN: Record<string, string> = {
  productId: 'product',
  baseId: 'base',
  selfCheck: 'self-check',
  harvestDate: 'harvest date',
  name: 'name',
  classCode: 'product class',
  spec: 'specification',
  unit: 'unit',
  brand: 'brand',
  gtin: 'GTIN',
  regionCode: 'township',
};
const DEPENDENT_ZH: Record<string, string> = { trades: '交易或加工记录', certificate: '已开具的承诺达标合格证', tested: '监测抽样结果', batches: '已登记的批次' };
const DEPENDENT_EN: Record<string, string> = { trades: 'trades or processing records', certificate: 'a certificate of compliance already issued', tested: 'a monitoring sample result', batches: 'batches already recorded' };

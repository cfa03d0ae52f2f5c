import ExcelJS from 'exceljs';
import { idCheckChar } from './identity-check.shared.js';
import { INDUSTRIES, OUTPUT_UNITS, SCALE_UNITS } from './subject.contracts.js';

// The workbook side of the county bulk import (批量导入): the columns of the template, the template itself and
// the sheet of initial passwords handed back after an import. Reading an upload is import.sheet.ts.

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const DATA_SHEET = '主体信息（subjects）';
const HELP_SHEET = '填写说明（instructions）';
const TOWNSHIP_SHEET = '乡镇代码（townships）';

export type ImportField =
  | 'name'
  | 'category'
  | 'orgForm'
  | 'idKind'
  | 'idNumber'
  | 'legalRep'
  | 'phone'
  | 'industries'
  | 'scale'
  | 'scaleUnit'
  | 'annualOutput'
  | 'outputUnit'
  | 'townshipCode'
  | 'address'
  | 'lat'
  | 'lng'
  | 'username';

type Text = { zh: string; en: string };
export type ImportColumn = { key: ImportField; zh: string; en: string; width: number; expect: Text };

export const CATEGORY_LABELS: Text[] = [
  { zh: '生产', en: 'producer' },
  { zh: '经营', en: 'trader' },
  { zh: '生产经营', en: 'producer and trader' },
  { zh: '农资', en: 'farm inputs' },
];
export const ORG_FORM_LABELS: Text[] = [
  { zh: '企业', en: 'company' },
  { zh: '个人', en: 'person' },
  { zh: '家庭农场', en: 'family farm' },
  { zh: '合作社', en: 'co-operative' },
];
export const ID_KIND_LABELS: Record<string, Text> = {
  uscc: { zh: '统一社会信用代码', en: 'unified social credit code' },
  resident_id: { zh: '居民身份证', en: 'resident ID card' },
};
export const INDUSTRY_LABELS: Record<string, Text> = {
  planting: { zh: '种植', en: 'planting' },
  livestock: { zh: '畜牧', en: 'livestock' },
  fishery: { zh: '渔业', en: 'fishery' },
};
export const UNIT_LABELS: Record<string, Text> = {
  mu: { zh: '亩', en: 'mu' },
  hectare: { zh: '公顷', en: 'hectare' },
  greenhouse_m2: { zh: '温室大棚（平方米）', en: 'greenhouse, m²' },
  head: { zh: '头', en: 'head' },
  bird: { zh: '羽（只）', en: 'birds' },
  barn_m2: { zh: '圈舍（平方米）', en: 'barn, m²' },
  water_mu: { zh: '水面（亩）', en: 'water surface, mu' },
  cage_m3: { zh: '网箱（立方米）', en: 'net cage, m³' },
  tonne: { zh: '吨', en: 'tonne' },
  kg: { zh: '千克', en: 'kg' },
};

const codeList = (labels: Text[]) => labels.map((l, i) => `${i} ${l.zh}`).join(',');
const allScaleUnits = [...new Set(Object.values(SCALE_UNITS).flat())];
const allOutputUnits = [...new Set(Object.values(OUTPUT_UNITS).flat())];

/** The columns in template order; the header of each reads "中文 (key)". */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', zh: '主体名称', en: 'name', width: 26, expect: { zh: '2–100 个字', en: '2–100 characters' } },
  { key: 'category', zh: '主体类别', en: 'category', width: 14, expect: { zh: `0–3 之一（${codeList(CATEGORY_LABELS)}）`, en: '0 producer, 1 trader, 2 both, 3 farm inputs' } },
  { key: 'orgForm', zh: '组织形式', en: 'organisation form', width: 14, expect: { zh: `0–3 之一（${codeList(ORG_FORM_LABELS)}）`, en: '0 company, 1 person, 2 family farm, 3 co-operative' } },
  { key: 'idKind', zh: '证件类型', en: 'identity kind', width: 22, expect: { zh: 'uscc(统一社会信用代码)或 resident_id(居民身份证)', en: 'uscc (credit code) or resident_id (ID card)' } },
  { key: 'idNumber', zh: '证件号码', en: 'identity number', width: 22, expect: { zh: '15–18 位', en: '15–18 characters' } },
  { key: 'legalRep', zh: '法定代表人/负责人', en: 'legal representative', width: 14, expect: { zh: '2–60 个字', en: '2–60 characters' } },
  { key: 'phone', zh: '联系电话', en: 'phone', width: 14, expect: { zh: '11 位大陆手机号', en: 'an 11-digit mainland mobile number' } },
  { key: 'industries', zh: '行业', en: 'industries', width: 18, expect: { zh: '种植/畜牧/渔业(planting, livestock, fishery),多个用逗号分隔', en: 'planting, livestock, fishery; several separated by commas' } },
  { key: 'scale', zh: '规模', en: 'scale', width: 10, expect: { zh: '大于 0 的数字', en: 'a number above 0' } },
  { key: 'scaleUnit', zh: '规模单位', en: 'scale unit', width: 18, expect: { zh: `${allScaleUnits.join('、')} 之一`, en: `one of ${allScaleUnits.join(', ')}` } },
  { key: 'annualOutput', zh: '年产量', en: 'annual output', width: 10, expect: { zh: '不小于 0 的数字', en: 'a number, 0 or more' } },
  { key: 'outputUnit', zh: '产量单位', en: 'output unit', width: 14, expect: { zh: `${allOutputUnits.join('、')} 之一`, en: `one of ${allOutputUnits.join(', ')}` } },
  { key: 'townshipCode', zh: '乡镇代码', en: 'township code', width: 22, expect: { zh: '9 位乡镇（街道）代码', en: 'a 9-digit township code' } },
  { key: 'address', zh: '详细地址', en: 'address', width: 30, expect: { zh: '2–200 个字', en: '2–200 characters' } },
  { key: 'lat', zh: '纬度', en: 'latitude', width: 11, expect: { zh: '−90 到 90 之间的数字', en: 'a number from −90 to 90' } },
  { key: 'lng', zh: '经度', en: 'longitude', width: 11, expect: { zh: '−180 到 180 之间的数字', en: 'a number from −180 to 180' } },
  { key: 'username', zh: '登录用户名', en: 'username', width: 18, expect: { zh: '3–40 位字母、数字、_ . -，以字母开头', en: '3–40 letters, digits, _ . -, starting with a letter' } },
];

export const headerOf = (c: ImportColumn) => `${c.zh} (${c.key})`;
export const columnByKey = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));

/** A list validation as Excel stores it: one quoted, comma-separated string of at most 255 characters. */
const inlineList = (items: string[]) => [`"${items.join(',')}"`];

export type TemplateCounty = { code: string; name: string; townships: { code: string; name: string }[] };

/**
 * The template a county downloads: the data sheet with its headers (and pick lists where Excel allows them),
 * the instructions with every code and unit and one example row, and the county's own township codes.
 */
export async function importTemplate(county: TemplateCounty): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tracenet 追溯一张网';
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: headerOf(c), key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  // Numbers-as-text: an 18-digit ID typed into a General cell loses its last digits (Excel keeps 15).
  for (const key of ['idNumber', 'phone', 'townshipCode', 'username'] as const) ws.getColumn(key).numFmt = '@';
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF8E6' } };
    cell.note = `${c.expect.zh}\n${c.expect.en}`;
  });

  const last = IMPORT_MAX_ROWS + 1;
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const letter = (key: ImportField) => ws.getColumn(key).letter;
  const list = (key: ImportField, formulae: string[]) =>
    validations.add(`${letter(key)}2:${letter(key)}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae,
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: columnByKey.get(key)!.zh,
      error: columnByKey.get(key)!.expect.zh,
    });
  list('category', inlineList(CATEGORY_LABELS.map((l, i) => `${i} ${l.zh}`)));
  list('orgForm', inlineList(ORG_FORM_LABELS.map((l, i) => `${i} ${l.zh}`)));
  list('idKind', inlineList(Object.entries(ID_KIND_LABELS).map(([k, l]) => `${k} ${l.zh}`)));
  list('scaleUnit', inlineList(allScaleUnits));
  list('outputUnit', inlineList(allOutputUnits));
  if (county.townships.length) list('townshipCode', [`'${TOWNSHIP_SHEET}'!$C$2:$C$${county.townships.length + 1}`]);

  addInstructions(wb, county);
  const towns = wb.addWorksheet(TOWNSHIP_SHEET);
  towns.columns = [
    { header: '乡镇代码（code）', key: 'code', width: 14 },
    { header: '名称（name）', key: 'name', width: 20 },
    { header: '下拉选项（pick list）', key: 'pick', width: 28 },
  ];
  towns.getRow(1).font = { bold: true };
  for (const t of county.townships) towns.addRow({ code: t.code, name: t.name, pick: `${t.code} ${t.name}` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addInstructions(wb: ExcelJS.Workbook, county: TemplateCounty) {
  const ws = wb.addWorksheet(HELP_SHEET);
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 60;
  ws.getColumn(3).width = 60;
  const title = (text: string) => {
    ws.addRow([]);
    ws.addRow([text]).font = { bold: true, size: 12 };
  };
  ws.addRow([`${county.name} 生产经营主体批量导入模板 · Bulk registration template of ${county.name} (${county.code})`]).font = { bold: true, size: 14 };
  for (const line of [
    ['在「主体信息」表中每行填写一个主体，不要修改表头；一次最多 ' + IMPORT_MAX_ROWS + ' 行。', `One subject per row of the first sheet; keep the headers; at most ${IMPORT_MAX_ROWS} rows per file.`],
    ['上传后每行按在线注册的同样规则校验：只要有一行有误，就不会导入任何数据，并列出每个错误行及原因。', 'Every row is checked by the rules of the online registration; if any row is wrong nothing is imported and every bad row is listed with its reasons.'],
    ['只能导入本县（市、区）的主体；导入即审核通过，并为每个主体开通主账号。', 'Only subjects of your own county; imported subjects are approved at once and each gets its main account.'],
    ['导入成功后请立即下载初始密码表并交给各主体：初始密码只显示这一次，首次登录须修改密码。', 'Download the sheet of initial passwords right after the import and hand them out: they are shown only once, and must be changed at the first login.'],
  ]) ws.addRow(line);

  title('各列说明（columns）');
  ws.addRow(['列（column）', '填写要求', 'What to enter']).font = { bold: true };
  for (const c of IMPORT_COLUMNS) ws.addRow([headerOf(c), c.expect.zh, c.expect.en]);

  title('主体类别（category）· 组织形式（orgForm）');
  CATEGORY_LABELS.forEach((l, i) => ws.addRow([`category ${i}`, l.zh, l.en]));
  ORG_FORM_LABELS.forEach((l, i) => ws.addRow([`orgForm ${i}`, l.zh, l.en]));
  ws.addRow(['idKind', '企业（0）和合作社（3）用 uscc，个人（1）用 resident_id，家庭农场（2）二者皆可', 'Companies (0) and co-operatives (3): uscc; persons (1): resident_id; family farms (2): either']);

  title('行业与单位 (industries and units)');
  ws.addRow(['行业（industry）', '规模单位（scaleUnit）', '产量单位（outputUnit）']).font = { bold: true };
  const unit = (u: string) => `${u} ${UNIT_LABELS[u]?.zh ?? ''}`.trim();
  for (const i of INDUSTRIES) {
    ws.addRow([`${i} ${INDUSTRY_LABELS[i]!.zh}`, SCALE_UNITS[i].map(unit).join('、'), OUTPUT_UNITS[i].map(unit).join('、')]);
  }
  ws.addRow(['', '规模单位和产量单位须与所填行业之一相符。', 'Both units must fit one of the industries entered.']);

  title('示例 (example) — 请勿复制到「主体信息」表 · do not copy into the first sheet');
  ws.addRow(IMPORT_COLUMNS.map(headerOf)).font = { bold: true };
  ws.addRow(exampleRow(county).map((v) => v));
}

/** One well-formed row of this county, for the instructions. */
export function exampleRow(county: TemplateCounty): (string | number)[] {
  const first17 = `${county.code}19800101001`;
  const township = county.townships[0];
  const values: Record<ImportField, string | number> = {
    name: '张三家庭农场',
    category: '0 生产',
    orgForm: '2 家庭农场',
    idKind: 'resident_id 居民身份证',
    idNumber: first17 + (idCheckChar(first17) ?? '0'),
    legalRep: '张三',
    phone: '13800000000',
    industries: 'planting',
    scale: 30,
    scaleUnit: 'mu',
    annualOutput: 60,
    outputUnit: 'tonne',
    townshipCode: township ? `${township.code} ${township.name}` : `${county.code}100`,
    address: `${township?.name ?? ''}东村 8 号`,
    lat: 36.88,
    lng: 118.74,
    username: 'zhangsan2026',
  };
  return IMPORT_COLUMNS.map((c) => values[c.key]);
}

export type Credential = { row: number; name: string; username: string; initialPassword: string };

/** The sheet of initial logins the county hands out; built per import and never stored. */
export async function credentialsWorkbook(countyName: string, credentials: Credential[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tracenet 追溯一张网';
  const ws = wb.addWorksheet('初始密码（initial passwords）', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '导入行号（row）', key: 'row', width: 12 },
    { header: '主体名称（name）', key: 'name', width: 30 },
    { header: '登录用户名（username）', key: 'username', width: 22 },
    { header: '初始密码（initial password）', key: 'initialPassword', width: 22 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getColumn('initialPassword').font = { name: 'Consolas' };
  for (const c of credentials) ws.addRow(c);
  const note = wb.addWorksheet('说明（note）');
  note.getColumn(1).width = 100;
  note.addRow([`${countyName}：请将用户名和初始密码分别交给各主体。首次登录须修改密码。本表不会在平台保存，请妥善保管，交付后销毁。`]);
  note.addRow(['Hand each subject its username and initial password. The password must be changed at the first login. The platform keeps no copy of this sheet: keep it safe, destroy it once handed out.']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

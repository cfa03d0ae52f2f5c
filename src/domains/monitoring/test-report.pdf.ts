import { chinaMinute } from '../../platform/china-time.js';
import { a4Form, cornerQr, fieldGrid, formBanner, formParagraph, formSection, formTable, formTitle, mm, signatureLines, type FormColumn } from '../../platform/print/form.js';
import type { ReportOut, ResultOut, SampleOut } from './contracts.js';
import { citationZh } from './limit-citation.shared.js';
import { codeUrl, num, productFields, samplingFields, VERDICT_ZH, type PrintOptions } from './sample.print.js';

const VERDICT_EN = { pass: 'Pass', fail: 'Fail' } as const;
const FAIL_RED = '#b00000';

const RESULT_COLUMNS: FormColumn[] = [
  { header: '序号', share: 5, align: 'center' },
  { header: '检测项目 Analyte', share: 19 },
  { header: '检测方法 Method', share: 17 },
  { header: '检测值 Value', share: 13 },
  { header: '检出限 LOD (mg/kg)', share: 10 },
  { header: '限量 Limit (mg/kg) 及依据', share: 18 },
  { header: '是否检出', share: 8, align: 'center' },
  { header: '单项判定', share: 10, align: 'center' },
];

function resultRow(r: ResultOut, i: number): string[] {
  const value = r.unit === 'mg/kg' ? `${num(r.value)} mg/kg` : `${num(r.value)} ${r.unit}\n(${num(r.valueMgPerKg)} mg/kg)`;
  const limit = `${r.limitMgPerKg === null ? '不得检出' : num(r.limitMgPerKg)}\n${citationZh(r.limitStandard)}${r.limitOverridden ? '\n※ 检测机构指定' : ''}`;
  return [String(i + 1), `${r.analyteZh}\n${r.analyteEn}`, r.methodStandard, value, num(r.lodMgPerKg), limit, r.detected ? '检出' : '未检出', VERDICT_ZH[r.verdict]];
}

/**
 * 检测报告: one issued version of a sample's results. A version after the first is a corrected report (更正报告)
 * that replaces the one before it, and says so with its reason; the earlier version stays as it was issued.
 */
export async function testReportPdf(sample: SampleOut, report: ReportOut, options: PrintOptions & { cmaNo?: string | null } = {}): Promise<Buffer> {
  const corrected = report.version > 1;
  const name = `检测报告 ${sample.sampleNo} 第 ${report.version} 版`;
  const issuedAt = report.issuedAt ?? report.enteredAt;
  const { doc, done } = a4Form(name, issuedAt, name);
  const url = codeUrl(options, sample.code);
  const qrBottom = url ? cornerQr(doc, url, mm(22), '扫码查询产品追溯信息') : 0;

  formTitle(doc, corrected ? '农产品质量安全检测报告（更正报告）' : '农产品质量安全检测报告', corrected ? 'Test report (corrected report)' : 'Test report');
  doc.fontSize(10).text(`样品编号 Sample No.：${sample.sampleNo}    报告版本 Version：第 ${report.version} 版`);
  // 资质认定 (CMA): the number the lab's admin set; a lab that has not set one prints the field empty, never a made-up number.
  doc.fontSize(10).text(`资质认定证书编号 CMA No.：${options.cmaNo ?? '（未设置）'}`);
  doc.y = Math.max(doc.y, qrBottom) + 6;

  if (corrected) {
    formBanner(doc, '更正报告 Corrected report', [
      `本报告为第 ${report.version} 版，替代第 ${report.version - 1} 版检测报告，原报告作废。`,
      `This version ${report.version} replaces version ${report.version - 1}, which is withdrawn.`,
      `更正原因 Reason：${report.reason ?? '—'}`,
    ], { size: 13 });
  }
  const fail = report.verdict === 'fail';
  const failing = report.results.filter((r) => r.verdict === 'fail');
  formBanner(
    doc,
    `检测结论：${VERDICT_ZH[report.verdict]}  ${VERDICT_EN[report.verdict]}`,
    [
      fail
        ? `${report.results.length} 项检测，${failing.length} 项不合格：${failing.map((r) => r.analyteZh).join('、')}`
        : `${report.results.length} 项检测，全部合格 All ${report.results.length} results pass`,
    ],
    { size: 20, color: fail ? FAIL_RED : 'black' },
  );

  formSection(doc, '一、样品信息 Sample');
  fieldGrid(doc, productFields(sample, options));

  formSection(doc, '二、抽样与收样 Sampling and receipt');
  fieldGrid(doc, [
    ...samplingFields(sample, options),
    { label: '收样人', value: sample.receivedByName ?? '—' },
    { label: '收样时间', value: sample.receivedAt ? chinaMinute(sample.receivedAt) : '—' },
    ...(sample.receivedNote ? [{ label: '收样备注', value: sample.receivedNote, wide: true }] : []),
  ]);

  formSection(doc, '三、检测结果 Results');
  formTable(doc, RESULT_COLUMNS, report.results.map(resultRow), { size: 8, marked: (i) => report.results[i]!.verdict === 'fail' });
  doc.moveDown(0.4);
  const notes = [
    '判定规则：检测值低于检出限为未检出；限量为「不得检出」的项目检出即不合格；检测值大于限量为不合格，等于限量为合格。',
    'Rules: below the LOD is not detected; a banned substance detected fails; a value above its limit fails, equal passes.',
  ];
  if (report.results.some((r) => r.limitOverridden)) notes.push('※ 该项限量由检测机构依所列标准指定，替代平台预置限量。 ※ Limit set by the lab under the standard cited, in place of the seeded one.');
  notes.push('本报告仅对所检样品负责。 This report covers the sample tested only.');
  for (const n of notes) formParagraph(doc, n, 8, '#333');

  formSection(doc, '四、编制、审核与批准 Prepared, reviewed and approved');
  fieldGrid(doc, [
    { label: '检测机构', value: sample.agencyName, wide: true },
    { label: '资质认定编号', value: options.cmaNo ?? '—' },
    { label: '签发日期', value: chinaMinute(issuedAt) },
  ]);
  signatureLines(doc, [
    { role: '编制 Prepared by', name: report.enteredByName },
    { role: '审核 Reviewed by', name: report.reviewedByName ?? undefined },
    { role: '批准 Approved by', name: report.issuedByName ?? undefined },
  ]);
  sealArea(doc);
  return done();
}

/** 检验检测专用章: a dashed circle where the lab's seal goes, at the right under the signatures. */
function sealArea(doc: PDFKit.PDFDocument): void {
  const r = mm(21);
  if (doc.y + 2 * r + 20 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const cx = doc.page.width - doc.page.margins.right - r - 10;
  const cy = doc.y + r + 8;
  doc.save().lineWidth(0.6).dash(3, { space: 3 }).circle(cx, cy, r).stroke('#888').undash().restore();
  doc.fontSize(8).fillColor('#666').text('（检验检测专用章）', cx - r, cy - 6, { width: 2 * r, align: 'center' }).text('Seal', cx - r, cy + 5, { width: 2 * r, align: 'center' }).fillColor('black');
  doc.x = doc.page.margins.left;
  doc.y = cy + r + 6;
}

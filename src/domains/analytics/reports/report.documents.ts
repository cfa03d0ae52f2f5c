import { chinaMinute } from '../../../platform/china-time.js';
import { a4Form, fieldGrid, formSection, formTable, formTitle } from '../../../platform/print/form.js';
import type { Sheet } from '../../../platform/sheets/workbook.js';
import type { ReportDetailOut } from './contracts.js';
import { FIGURE_ZH, SECTION_ZH } from './report-content.shared.js';

const KIND_ZH = { monthly: '月度信息调度报告', half_year: '半年总结报告' } as const;
const STATUS_ZH = { draft: '草稿', submitted: '已报送', acknowledged: '已确认收到' } as const;

export const reportTitle = (r: ReportDetailOut) => `${r.agencyName}${r.period}${KIND_ZH[r.kind]}`;

/** The report as a workbook: a sheet of the report's facts, then one row per figure under its section. */
export function reportSheets(r: ReportDetailOut, regionName: string): Sheet[] {
  return [
    {
      name: '报告信息',
      columns: [
        { key: 'k', width: 16 },
        { key: 'v', width: 40 },
      ],
      rows: [
        { k: '报告', v: reportTitle(r) },
        { k: '地区', v: `${regionName}（${r.regionCode}）` },
        { k: '报告期', v: `${r.content.firstDay} 至 ${r.content.lastDay}` },
        { k: '版本', v: r.version },
        { k: '生成时间', v: chinaMinute(r.generatedAt) },
        { k: '状态', v: STATUS_ZH[r.status] },
      ],
    },
    {
      name: '报告内容',
      columns: [
        { header: '部分', key: 'section', width: 24 },
        { header: '指标', key: 'figure', width: 28 },
        { header: '数值', key: 'value', width: 12 },
      ],
      rows: r.content.sections.flatMap((s) => s.figures.map((f) => ({ section: SECTION_ZH[s.key], figure: FIGURE_ZH[f.key] ?? f.key, value: f.value }))),
    },
  ];
}

/** The report as an A4 PDF in Chinese: the facts, then each section as a table of its figures. */
export async function reportPdf(r: ReportDetailOut, regionName: string): Promise<Buffer> {
  const { doc, done } = a4Form(reportTitle(r), r.generatedAt, `${reportTitle(r)} 第 ${r.version} 版`);
  formTitle(doc, KIND_ZH[r.kind], r.kind === 'monthly' ? 'Monthly information report' : 'Half-year summary report');
  fieldGrid(doc, [
    { label: '报送机构', value: r.agencyName },
    { label: '地区', value: `${regionName}（${r.regionCode}）` },
    { label: '报告期', value: `${r.content.firstDay} 至 ${r.content.lastDay}` },
    { label: '版本', value: `第 ${r.version} 版` },
    { label: '生成时间', value: chinaMinute(r.generatedAt) },
    { label: '状态', value: STATUS_ZH[r.status] },
  ]);
  for (const s of r.content.sections) {
    formSection(doc, SECTION_ZH[s.key]);
    formTable(
      doc,
      [
        { header: '指标', share: 3 },
        { header: '数值', share: 1, align: 'right' },
      ],
      s.figures.map((f) => [FIGURE_ZH[f.key] ?? f.key, String(f.value)]),
    );
  }
  return done();
}

import type { InspectionOut } from './contracts.js';
import { workbookOf } from '../../platform/sheets/workbook.js';
import { chinaMinute } from '../../platform/china-time.js';

const CONCLUSION_ZH: Record<string, string> = { compliant: '合格', problem: '发现问题' };
const RECTIFICATION_ZH: Record<string, string> = { none: '', pending: '待整改', overdue: '逾期未整改', done: '已整改' };
const RESULT_ZH: Record<string, string> = { pass: '符合', fail: '不符合', na: '不适用' };

/**
 * 巡查记录: one row per inspection of the period, each checklist item a row of the second sheet. When the period
 * held more than an export takes (`cut`), a first sheet says that only the newest were written.
 */
export function inspectionsWorkbook(rows: InspectionOut[], period: { from: string; to: string }, cut = false): Promise<Buffer> {
  const notice = {
    name: '注意 notice',
    columns: [{ header: '说明（note）', key: 'note', width: 90 }],
    rows: [
      { note: `本期间的巡查记录超过 ${rows.length} 条，只导出了最新的 ${rows.length} 条，请缩短导出期间。` },
      { note: `The period holds more than ${rows.length} inspections; only the newest ${rows.length} were exported. Choose a shorter period.` },
    ],
  };
  return workbookOf([
    ...(cut ? [notice] : []),
    {
      name: `巡查 ${period.from}~${period.to}`.slice(0, 31),
      columns: [
        { header: '巡查时间（inspectedAt）', key: 'at', width: 18 },
        { header: '主体（subject）', key: 'subject', width: 26 },
        { header: '区划（region）', key: 'region', width: 12 },
        { header: '巡查机构（agency）', key: 'agency', width: 26 },
        { header: '巡查人员（inspector）', key: 'inspector', width: 14 },
        { header: '行业（industry）', key: 'industry', width: 10 },
        { header: '不符合项（failed）', key: 'failed', width: 30 },
        { header: '结论（conclusion）', key: 'conclusion', width: 10 },
        { header: '问题（findings）', key: 'findings', width: 40 },
        { header: '整改期限（rectifyBy）', key: 'rectifyBy', width: 12 },
        { header: '整改（rectification）', key: 'rectification', width: 10 },
        { header: '移交（transfer）', key: 'transfer', width: 26 },
        { header: '照片数（photos）', key: 'photos', width: 8 },
      ],
      rows: rows.map((r) => ({
        at: chinaMinute(r.inspectedAt),
        subject: r.subjectName,
        region: r.regionCode,
        agency: r.agencyName,
        inspector: r.inspectorName,
        industry: r.industry,
        failed: r.checklist
          .filter((c) => c.result === 'fail')
          .map((c) => c.zh)
          .join('、'),
        conclusion: CONCLUSION_ZH[r.conclusion] ?? r.conclusion,
        findings: r.findings ?? '',
        rectifyBy: r.rectifyBy ?? '',
        rectification: RECTIFICATION_ZH[r.rectification] ?? r.rectification,
        transfer: r.transfer ? r.transfer.toAgencyName : '',
        photos: r.photos.length,
      })),
    },
    {
      name: '检查项',
      columns: [
        { header: '巡查时间', key: 'at', width: 18 },
        { header: '主体', key: 'subject', width: 26 },
        { header: '检查项', key: 'item', width: 34 },
        { header: '结果', key: 'result', width: 8 },
        { header: '说明', key: 'note', width: 30 },
      ],
      rows: rows.flatMap((r) => r.checklist.map((c) => ({ at: chinaMinute(r.inspectedAt), subject: r.subjectName, item: c.zh, result: RESULT_ZH[c.result] ?? c.result, note: c.note ?? '' }))),
    },
  ]);
}

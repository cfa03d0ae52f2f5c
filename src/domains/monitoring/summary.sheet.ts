import { workbookOf, type Sheet } from '../../platform/sheets/workbook.js';
import type { SummaryOut } from './contracts.js';
import { chinaMinute } from '../../platform/china-time.js';

const STATUS_ZH: Record<string, string> = { published: '已发布', accepted: '已接收', in_progress: '执行中', reported: '已上报', overdue: '已逾期', closed: '已关闭' };
const rate = (r: number | null) => (r === null ? '' : r);

const counted = [
  { header: '抽样数（taken）', key: 'taken', width: 12 },
  { header: '已检测（tested）', key: 'tested', width: 12 },
  { header: '不合格（failed）', key: 'failed', width: 12 },
  { header: '合格率% (pass rate)', key: 'passRate', width: 14 },
];

function tallySheet(name: string, keyHeader: string, labelHeader: string, rows: SummaryOut['byClass']): Sheet {
  return {
    name,
    columns: [{ header: keyHeader, key: 'key', width: 14 }, { header: labelHeader, key: 'label', width: 24 }, ...counted],
    rows: rows.map((r) => ({ ...r, passRate: rate(r.passRate) })),
  };
}

/** 监测汇总: the recipients' figures with the task's report line, then the tallies by class, analyte and county. */
export function summaryWorkbook(s: SummaryOut): Promise<Buffer> {
  return workbookOf([
    {
      name: '概况',
      columns: [
        { header: '承担机构（agency）', key: 'agency', width: 30 },
        { header: '状态（status）', key: 'status', width: 10 },
        { header: '计划（planned）', key: 'planned', width: 10 },
        ...counted,
        { header: '上报时间（reported）', key: 'reportedAt', width: 18 },
      ],
      rows: [
        ...s.recipients.map((r) => ({ agency: r.agencyName, status: STATUS_ZH[r.status] ?? r.status, planned: r.planned ?? '', taken: r.taken, tested: r.tested, failed: r.failed, passRate: rate(r.passRate), reportedAt: chinaMinute(r.reportedAt) })),
        {},
        { agency: `任务（task）：${s.taskTitle}` },
        { agency: s.reportLine },
      ],
    },
    tallySheet('按品种', '类别代码（class）', '产品类别（class name）', s.byClass),
    tallySheet('按项目', '项目代码（analyte）', '检测项目（analyte name）', s.byAnalyte),
    tallySheet('按地区', '区划代码（county）', '县级区划（county name）', s.byRegion),
  ]);
}

import { workbookOf } from '../../../platform/sheets/workbook.js';
import { EXPORT_LIMIT, feedbackNo } from './feedback.queries.js';
import type { feedback } from './schema.js';
import { chinaMinute } from '../../../platform/china-time.js';

const KIND_ZH: Record<string, string> = { feature: '功能需求', operation: '业务操作', experience: '用户体验', network: '网络环境' };
const STATE_ZH: Record<string, string> = { filed: '已提交', classified: '已分类', confirmed: '已确认', fixed: '已解决', declined: '不予处理', revisited: '已回访' };
const SATISFACTION_ZH: Record<string, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

/** China time (UTC+8), minutes: how the half-year report reads times. */

/** 用户反馈 as an Excel workbook, one row per feedback, in Chinese as the report goes to the ministry. */
export function feedbackWorkbook(rows: (typeof feedback.$inferSelect)[], cut: boolean): Promise<Buffer> {
  const data: Record<string, unknown>[] = rows.map((r) => ({
    no: feedbackNo(r.no),
    createdAt: chinaMinute(r.createdAt),
    kind: KIND_ZH[r.kind] ?? r.kind,
    state: STATE_ZH[r.state] ?? r.state,
    filer: r.filerName,
    org: r.filerOrg,
    region: r.filerRegion,
    page: r.pageAddress ?? '',
    text: r.text,
    proposal: r.proposal ?? '',
    resolution: r.resolution ?? '',
    satisfaction: r.satisfaction ? SATISFACTION_ZH[r.satisfaction] : '',
    revisit: r.revisitNote ?? '',
  }));
  if (cut) data.push({ no: `仅导出前 ${EXPORT_LIMIT} 条，请缩小日期范围` });
  return workbookOf([
    {
      name: '用户反馈',
      columns: [
        { header: '编号', key: 'no', width: 12 },
        { header: '提交时间', key: 'createdAt', width: 18 },
        { header: '类别', key: 'kind', width: 10 },
        { header: '状态', key: 'state', width: 10 },
        { header: '提交人', key: 'filer', width: 14 },
        { header: '单位', key: 'org', width: 28 },
        { header: '行政区划', key: 'region', width: 12 },
        { header: '页面', key: 'page', width: 30 },
        { header: '内容', key: 'text', width: 50 },
        { header: '解决方案', key: 'proposal', width: 40 },
        { header: '处理结果或不予处理理由', key: 'resolution', width: 40 },
        { header: '满意度', key: 'satisfaction', width: 10 },
        { header: '回访记录', key: 'revisit', width: 30 },
      ],
      rows: data,
    },
  ]);
}

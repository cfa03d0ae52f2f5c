import type { TaskOut } from './contracts.js';
import { workbookOf } from '../../platform/sheets/workbook.js';
import { chinaMinute } from '../../platform/china-time.js';

const STATUS_ZH: Record<string, string> = { published: '已发布', accepted: '已接收', in_progress: '执行中', reported: '已上报', overdue: '已逾期', closed: '已关闭' };

/** 任务进度: one row per recipient agency, and the task's facts on a second sheet. */
export function taskProgressWorkbook(task: TaskOut): Promise<Buffer> {
  return workbookOf([
    {
      name: '任务进度',
      columns: [
        { header: '接收机构（agency）', key: 'agency', width: 30 },
        { header: '状态（status）', key: 'status', width: 10 },
        { header: '指标（quota）', key: 'quota', width: 10 },
        { header: '已完成（done）', key: 'done', width: 10 },
        { header: '执行人员（assignees）', key: 'assignees', width: 24 },
        { header: '进度说明（progress）', key: 'progress', width: 30 },
        { header: '接收时间（accepted）', key: 'acceptedAt', width: 18 },
        { header: '上报时间（reported）', key: 'reportedAt', width: 18 },
        { header: '完成报告（report）', key: 'report', width: 40 },
      ],
      rows: task.recipients.map((r) => ({
        agency: r.agencyName,
        status: STATUS_ZH[r.status] ?? r.status,
        quota: r.quota ?? '',
        done: r.done,
        assignees: r.assignees.map((a) => a.displayName).join('、'),
        progress: r.progressNote ?? '',
        acceptedAt: chinaMinute(r.acceptedAt),
        reportedAt: chinaMinute(r.reportedAt),
        report: r.report ?? '',
      })),
    },
    {
      name: '任务',
      columns: [
        { header: '项目', key: 'k', width: 16 },
        { header: '内容', key: 'v', width: 60 },
      ],
      rows: [
        { k: '标题 title', v: task.title },
        { k: '发布机构 publisher', v: task.publisherName },
        { k: '开始 starts', v: task.startsOn },
        { k: '截止 due', v: task.dueOn ?? '' },
        { k: '范围 region', v: task.regionScope },
        { k: '内容 content', v: task.content },
      ],
    },
  ]);
}

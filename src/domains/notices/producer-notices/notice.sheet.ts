import { chinaMinute } from '../../../platform/china-time.js';
import type { Sheet } from '../../../platform/sheets/workbook.js';
import { noticeNo } from './notice.queries.js';
import type { producerNoticeRecipients, producerNotices } from './schema.js';

/** 未读名单: the recipients of a notice that have not read it, in Chinese as the sender hands it on (to call them). */
export function unreadSheet(notice: typeof producerNotices.$inferSelect, rows: (typeof producerNoticeRecipients.$inferSelect)[], regionName: (code: string) => string): Sheet {
  return {
    name: '未读名单',
    columns: [
      { header: '通知编号', key: 'no', width: 12 },
      { header: '通知标题', key: 'title', width: 30 },
      { header: '发送时间', key: 'sentAt', width: 18 },
      { header: '生产经营主体', key: 'subject', width: 30 },
      { header: '行政区划代码', key: 'region', width: 14 },
      { header: '所在地区', key: 'regionName', width: 24 },
    ],
    rows: rows.map((r) => ({ no: noticeNo(notice.no), title: notice.title, sentAt: chinaMinute(notice.sentAt), subject: r.subjectName, region: r.regionCode, regionName: regionName(r.regionCode) })),
  };
}

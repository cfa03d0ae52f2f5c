import { workbookOf } from '../../platform/sheets/workbook.js';
import type { RecallOrderOut } from './contracts.js';
import { chinaMinute } from '../../platform/china-time.js';

// 召回/下架令.xlsx: each holder's answer, then the totals by unit and who has not answered.

const CONTACT_ZH: Record<string, string> = { subject: '平台通知', market: '经市场开办者通知', phone: '电话联系', none: '线下联系' };
const ANSWER_ZH: Record<string, string> = { unanswered: '未签收', acknowledged: '已签收', reported: '已上报' };
const STATUS_ZH: Record<string, string> = { held: '暂停中', released: '已解除', withdrawn: '已撤销' };

export function recallOrderWorkbook(o: RecallOrderOut): Promise<Buffer> {
  const holderColumns = [
    { header: '追溯码（code）', key: 'code', width: 24 },
    { header: '持有人（holder）', key: 'holderName', width: 24 },
    { header: '区划（region）', key: 'regionCode', width: 12 },
    { header: '环节（hops）', key: 'depth', width: 8 },
    { header: '暂停数量（held）', key: 'quantity', width: 12 },
    { header: '单位（unit）', key: 'unit', width: 8 },
    { header: '通知方式（reached by）', key: 'contact', width: 22 },
    { header: '答复（answer）', key: 'answer', width: 10 },
    { header: '签收时间（acknowledged）', key: 'ack', width: 18 },
    { header: '下架（withdrawn）', key: 'withdrawn', width: 12 },
    { header: '销毁（destroyed）', key: 'destroyed', width: 12 },
    { header: '退回（returned）', key: 'returned', width: 12 },
    { header: '上报时间（reported）', key: 'reportedAt', width: 18 },
    { header: '说明（note）', key: 'reportNote', width: 30 },
    { header: '状态（status）', key: 'status', width: 10 },
  ];
  const row = (h: RecallOrderOut['holders'][number]) => ({
    ...h,
    contact: h.contactVia === 'market' && h.marketName ? `经 ${h.marketName} 通知` : CONTACT_ZH[h.contactVia],
    answer: ANSWER_ZH[h.answer],
    ack: chinaMinute(h.acknowledgedAt),
    withdrawn: h.withdrawn ?? '',
    destroyed: h.destroyed ?? '',
    returned: h.returned ?? '',
    reportedAt: chinaMinute(h.reportedAt),
    reportNote: h.reportNote ?? '',
    status: STATUS_ZH[h.status],
  });
  return workbookOf([
    { name: '持有人', columns: holderColumns, rows: o.holders.map(row) },
    {
      name: '合计',
      columns: [
        { header: '单位（unit）', key: 'unit', width: 10 },
        { header: '暂停数量（held）', key: 'held', width: 14 },
        { header: '下架（withdrawn）', key: 'withdrawn', width: 14 },
        { header: '销毁（destroyed）', key: 'destroyed', width: 14 },
        { header: '退回（returned）', key: 'returned', width: 14 },
      ],
      rows: [
        ...o.totals.byUnit,
        {},
        { unit: `${o.kind === 'recall' ? '召回令' : '下架令'}：${o.productName}（样品 ${o.sampleNo}），${o.agencyName} ${chinaMinute(o.issuedAt)} 下达` },
        { unit: `持有人 ${o.totals.holders} 户，已签收 ${o.totals.acknowledged} 户，已上报 ${o.totals.reported} 户，未答复 ${o.totals.unanswered} 户` },
      ],
    },
    { name: '未答复', columns: holderColumns, rows: o.holders.filter((h) => h.answer === 'unanswered').map(row) },
  ]);
}

import type { Sheet } from '../../../platform/sheets/workbook.js';
import { chinaMinute } from '../../../platform/china-time.js';
import type { TraceCheckOutcome } from './certification.shared.js';

const OUTCOME_ZH: Record<TraceCheckOutcome, string> = {
  implements: '已实施追溯',
  inactive: '已注册，近 12 个月无批次记录',
  suspended: '已注册，已暂停',
  not_registered: '未在平台注册',
  outside: '不在本机构辖区',
};

type Check = { title: string; items: { seq: number; nameGiven: string | null; identityShown: string; outcome: TraceCheckOutcome; subjectName: string | null; batches: number; scanTrades: number; marketVouchers: number; lastActivityAt: Date | null }[] };

/** A check's findings, one row per subject of the list, in the list's order. */
export function traceCheckSheet(check: Check): Sheet {
  return {
    name: '追溯挂钩核查',
    columns: [
      { header: '序号', key: 'seq', width: 6 },
      { header: '名单中的名称', key: 'nameGiven', width: 24 },
      { header: '证件号码', key: 'identity', width: 22 },
      { header: '核查结果', key: 'outcome', width: 28 },
      { header: '平台登记名称', key: 'subjectName', width: 24 },
      { header: '近 12 个月批次数', key: 'batches', width: 16 },
      { header: '扫码交易数', key: 'scanTrades', width: 12 },
      { header: '入市凭证数', key: 'marketVouchers', width: 12 },
      { header: '最近记录时间', key: 'last', width: 18 },
    ],
    rows: check.items.map((i) => ({
      seq: i.seq + 1,
      nameGiven: i.nameGiven ?? '',
      identity: i.identityShown,
      outcome: OUTCOME_ZH[i.outcome],
      subjectName: i.subjectName ?? '',
      batches: i.batches,
      scanTrades: i.scanTrades,
      marketVouchers: i.marketVouchers,
      last: chinaMinute(i.lastActivityAt),
    })),
  };
}

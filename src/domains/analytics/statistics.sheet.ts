import { workbookOf } from '../../platform/sheets/workbook.js';
import type { StatisticsOut } from './contracts.js';
import { INDICATOR_KEYS, type IndicatorKey } from './statistics.shared.js';

/** The indicators' names as the exported workbook (and the reports it goes into) reads them. */
export const INDICATOR_ZH: Record<IndicatorKey, string> = {
  subjectsActive: '已注册主体',
  subjectsSuspended: '已暂停主体',
  subjectsTemporary: '临时主体',
  applicationsPending: '待审核注册申请',
  changeRequestsPending: '待审核变更申请',
  certificates: '三品一标证书',
  priorityNationalLeading: '国家级龙头企业',
  priorityProvincialLeading: '省级龙头企业',
  priorityVegetableBasket: '菜篮子产品基地',
  priorityScale: '规模主体',
  batches: '批次',
  pledgeCertificates: '开具承诺达标合格证',
  pledgeCertificatesByPurchasers: '收购者开具的合格证',
  pledgeCertificateCopies: '合格证打印份数',
  ownBatches: '自产批次',
  scanTrades: '扫码交易',
  manualTrades: '手工记录销售',
  vouchers: '入市追溯凭证',
  pendingTrades: '待确认交易',
  lookups: '消费查询次数',
  inspections: '基地巡查',
  inspectionProblems: '发现问题的巡查',
  rectificationsPending: '整改待完成',
  rectificationsOverdue: '整改已逾期',
  rectificationsDone: '整改已完成',
  transfersPending: '待受理移交',
  samples: '抽样',
  samplesToReceive: '待接收样品',
  samplesToTest: '待检测样品',
  samplesTested: '已判定样品',
  samplesFailed: '不合格样品',
  alerts: '预警',
  alertsUnread: '未读预警',
  cases: '立案',
  casesOpen: '办理中案件',
  casesFiled: '已立案待调查',
  casesInvestigation: '调查取证中',
  casesDecision: '待处罚决定',
  penalties: '行政处罚',
  penaltyAmount: '罚没金额（元）',
};

/** 统计 as a workbook: the node's figures against the previous period and last year, then one row per child region. */
export function statisticsWorkbook(s: StatisticsOut): Promise<Buffer> {
  const rate = (v: number | null) => (v === null ? '' : `${v.toFixed(1)}%`);
  const figures = [
    ...INDICATOR_KEYS.map((k) => ({ name: INDICATOR_ZH[k], current: s.current[k], previous: s.previousValues[k], lastYear: s.lastYearValues[k] })),
    { name: '抽检合格率', current: rate(s.passRate.current), previous: rate(s.passRate.previous), lastYear: rate(s.passRate.lastYear) },
  ];
  return workbookOf([
    {
      name: `${s.node.name}统计`,
      columns: [
        { header: `指标（${s.period.from} 至 ${s.period.to}）`, key: 'name', width: 22 },
        { header: '本期', key: 'current', width: 12 },
        { header: `上期（${s.previous.from} 至 ${s.previous.to}）`, key: 'previous', width: 26 },
        { header: `去年同期（${s.lastYear.from} 至 ${s.lastYear.to}）`, key: 'lastYear', width: 26 },
      ],
      rows: figures,
    },
    {
      name: '下级地区',
      columns: [{ header: '地区', key: 'name', width: 18 }, { header: '代码', key: 'code', width: 12 }, ...INDICATOR_KEYS.map((k) => ({ header: INDICATOR_ZH[k], key: k, width: 12 })), { header: '抽检合格率', key: 'passRate', width: 12 }],
      rows: s.children.map((c) => ({ name: c.name, code: c.code, ...c.values, passRate: rate(c.passRate) })),
    },
  ]);
}

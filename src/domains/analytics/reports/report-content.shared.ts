// What a periodic report (信息调度, 总结报告) holds: the sections the seed guide's 总结工作 lists (追溯工作开展情况,
// 主体注册情况, 追溯管理实施情况, 监管工作开展情况, 监测工作开展情况, 执法工作开展情况, 意见建议处理情况), each a list of
// figures frozen when the version was generated. Pure values shared by the server and the console.

export const REPORT_KINDS = ['monthly', 'half_year'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ['draft', 'submitted', 'acknowledged'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_SECTIONS = {
  trace_work: ['codesIssued', 'codesLookedUp', 'lookups', 'scanConfirmed', 'manual', 'market'],
  registration: ['registered', 'registeredInPeriod', 'active'],
  trace_implementation: ['recording', 'scanning', 'vouchering', 'rectificationsIssued', 'rectificationsAnswered', 'rectificationsClosed'],
  supervision: ['inspections', 'problems', 'quota', 'overdueTasks', 'rectifyPending', 'rectifyOverdue', 'rectifyDone'],
  monitoring: ['planned', 'sampled', 'judged', 'failed', 'late'],
  enforcement: ['opened', 'closed', 'transfersWaiting'],
  feedback: ['feedbackFiled', 'feedbackFixed', 'feedbackDeclined', 'feedbackOpen'],
} as const;
export type ReportSection = keyof typeof REPORT_SECTIONS;
export const REPORT_SECTION_KEYS = Object.keys(REPORT_SECTIONS) as ReportSection[];

export type ReportContent = {
  kind: ReportKind;
  period: string;
  /** First and last day of the period (days in China). */
  firstDay: string;
  lastDay: string;
  regionCode: string;
  sections: { key: ReportSection; figures: { key: string; value: number }[] }[];
};

/** `2026-11` (a month) or `2026-H2` (a half year). */
export const PERIOD = { monthly: /^\d{4}-(0[1-9]|1[0-2])$/, half_year: /^\d{4}-H[12]$/ } as const;

/** Section and figure names in Chinese, for the sheets and PDFs the server writes. */
export const SECTION_ZH: Record<ReportSection, string> = {
  trace_work: '一、追溯工作开展情况',
  registration: '二、主体注册情况',
  trace_implementation: '三、追溯管理实施情况',
  supervision: '四、监管工作开展情况',
  monitoring: '五、监测工作开展情况',
  enforcement: '六、执法工作开展情况',
  feedback: '七、意见建议处理情况',
};

export const FIGURE_ZH: Record<string, string> = {
  codesIssued: '赋码数量',
  codesLookedUp: '被查询的追溯码数量',
  lookups: '公众查询次数',
  scanConfirmed: '扫码交易（已确认）笔数',
  manual: '手工记录销售笔数',
  market: '入市追溯凭证笔数',
  registered: '已注册主体数',
  registeredInPeriod: '本期新注册主体数',
  active: '本期活跃主体数',
  recording: '录入批次的主体数',
  scanning: '扫码交易的主体数',
  vouchering: '开具入市凭证的主体数',
  rectificationsIssued: '下达责令整改通知数',
  rectificationsAnswered: '已答复整改通知数',
  rectificationsClosed: '已办结整改通知数',
  inspections: '基地巡查次数',
  problems: '发现问题次数',
  quota: '巡查任务目标数',
  overdueTasks: '逾期任务数',
  rectifyPending: '待整改数',
  rectifyOverdue: '逾期未整改数',
  rectifyDone: '本期整改完成数',
  planned: '计划抽样数',
  sampled: '实际抽样数',
  judged: '已出具结果数',
  failed: '不合格样品数',
  late: '逾期上报数',
  opened: '立案数',
  closed: '结案数',
  transfersWaiting: '待受理移交数',
  feedbackFiled: '收到意见建议数',
  feedbackFixed: '已解决数',
  feedbackDeclined: '不予采纳数',
  feedbackOpen: '处理中数',
};

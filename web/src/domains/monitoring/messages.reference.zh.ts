// The console's words for 检测参照数据 (issue 21 §2): analytes and limits labs and provinces add.
// messages.reference.en.ts must have the same keys.
export const referenceZh = {
  'perm.monitoring.reference': '维护检测项目与限量（本实验室或本省）',
  'action.monitoring.analyte_add': '添加检测项目',
  'action.monitoring.limit_add': '添加限量',
  'action.monitoring.limit_retire': '撤销限量',
  'auditTarget.analyte': '检测项目',
  'auditTarget.residue_limit': '残留限量',
} as const;

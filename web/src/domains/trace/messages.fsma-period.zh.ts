// The console's words for the FSMA 204 spreadsheet of a product class over a period, spread into messages.zh.ts.
// messages.fsma-period.en.ts must have the same keys.
export const fsmaPeriodZh = {
  'fsmaPeriod.button': '按品类导出美国食品追溯表',
  'fsmaPeriod.title': '按品类和期间导出美国食品追溯规则追溯表',
  'fsmaPeriod.hint': '导出所选品类（含下级品类）在期间内登记的批次及其发货、收货、加工记录，供出口企业答复美国食品药品监督管理局的查询。一次最多 200 个批次。',
  'fsmaPeriod.ok': '导出',
  'fsmaPeriod.class': '产品分类',
  'fsmaPeriod.classRequired': '请选择产品分类',
  'fsmaPeriod.days': '登记期间',
  'fsmaPeriod.daysRequired': '请选择起止日期（最长一年）',
  'fsmaPeriod.format': '文件格式',
  'fsmaPeriod.xlsx': '电子表格',
  'fsmaPeriod.csv': '逗号分隔文本',
  'fsmaPeriod.file': '美国食品追溯表-{classCode}-{from}至{to}.{format}',
};

// The console's words for GS1 EPCIS 2.0 数据交换 (its permissions and audit entries), spread into messages.zh.ts.
// messages.epcis.en.ts must have the same keys.
export const epcisZh = {
  'perm.epcis.capture': '报送追溯事件（GS1 EPCIS 2.0 标准接口）',
  'perm.epcis.query': '查询追溯事件（GS1 EPCIS 2.0 标准接口）',
  'action.epcis.capture': '报送标准追溯事件',
  'auditTarget.epcis_capture': '标准追溯事件报送',
};

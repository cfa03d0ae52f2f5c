// The console's words for GS1 EPCIS 2.0 数据交换 (its permissions and audit entries), spread into messages.zh.ts.
// messages.epcis.en.ts must have the same keys.
export const epcisZh = {
  'perm.epcis.capture': '报送追溯事件（GS1 EPCIS 2.0 标准接口）',
  'perm.epcis.query': '查询追溯事件（GS1 EPCIS 2.0 标准接口）',
  'action.epcis.capture': '报送标准追溯事件',
  'auditTarget.epcis_capture': '标准追溯事件报送',
  'action.epcis.query_save': '保存标准事件命名查询',
  'action.epcis.query_delete': '删除标准事件命名查询',
  'action.epcis.subscribe': '订阅标准事件查询',
  'action.epcis.unsubscribe': '取消标准事件订阅',
  'auditTarget.epcis_query': '标准事件命名查询',
  'auditTarget.epcis_subscription': '标准事件订阅',
};

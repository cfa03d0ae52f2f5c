// The console's words for getting around and getting in (issue 15 §7): menu groups, breadcrumbs, the login page's
// demo accounts and forgotten password, the privacy notice of registration, a lost tracking code, the actions on a
// scanned identity. Spread into messages.zh.ts; messages.access.en.ts must have the same keys.
export const accessZh = {
  'menuGroup.system': '系统管理',
  'menuGroup.subjects': '主体管理',
  'menuGroup.trace': '追溯',
  'menuGroup.supervision': '监管执法',
  'menuGroup.monitoring': '监测',
  'menuGroup.analytics': '统计分析',
  'crumb.home': '首页',
  'crumb.detail': '详情',
  'crumb.new': '新建',
  'crumb.identity': '扫描主体身份码',

  'login.demoTitle': '演示账号（仅演示数据已载入时显示）',
  'login.forgot': '忘记密码？',
  'login.forgotTitle': '忘记密码',
  'login.forgotDesc': '填写您的用户名，我们会把重置申请交给您账号所在机构的管理员。管理员重置后，会把新的临时密码当面或电话告知您，首次登录时须修改。',
  'login.forgotProducer': '生产经营主体的员工账号：申请会交给本主体的主账号；主账号：申请会交给所在县级监管机构。',
  'login.forgotSubmit': '提交重置申请',
  'login.forgotDone': '已收到。如果该用户名是有效账号，负责重置的人（机构管理员、本主体的主账号或县级监管机构）将看到您的申请。',

  'resetRequests.title': '待处理的密码重置申请',
  'resetRequests.desc': '以下账号在登录页申请了重置密码。请核实本人身份后点击“重置密码”，设置临时密码并告知本人。',
  'resetRequests.requestedAt': '申请时间',
  'resetRequests.agency': '所在机构',
  'resetRequests.reset': '重置密码',
  'resetRequests.empty': '没有待处理的申请',

  'privacy.title': '个人信息处理告知',
  'privacy.body':
    '为办理入网登记，我们将收集您填写的主体信息、法定代表人或负责人的姓名、身份证件号码、手机号码，以及营业执照或身份证正反面照片。身份证件号码和证件照片属于敏感个人信息，仅用于所在县级农业农村部门审核主体身份，加密保存，在页面上遮蔽显示；审核人员每次查看都会留下审计记录。申请未通过或未引用的照片按规定删除。您可以通过查询码查看申请进度。',
  'privacy.basis': '依据《中华人民共和国个人信息保护法》第二十八条、第二十九条，处理敏感个人信息应当取得个人的单独同意。',
  'privacy.consent': '我已阅读并同意上述个人信息处理告知，同意提供身份证件号码和证件照片（敏感个人信息）',
  'privacy.required': '请阅读并勾选同意个人信息处理告知，才能提交申请',
  'privacy.version': '告知版本：{version}',

  'reg.photoRequired': '请上传{kind}',

  'recover.title': '找回查询码',
  'recover.desc': '忘记查询码时，填写申请时的证件号码和手机号码。两项都与申请一致时，才会显示查询码。',
  'recover.idNumber': '证件号码（统一社会信用代码或身份证号）',
  'recover.phone': '申请时填写的手机号码',
  'recover.submit': '找回',
  'recover.none': '没有找到：证件号码和手机号码须与申请时填写的一致。',
  'recover.found': '找到 {n} 个申请，点击查询码查看进度：',
  'recover.open': '查看进度',

  'scan.actions': '现场办理',
  'scan.inspect': '开始巡查',
  'scan.sample': '抽样',
  'scan.enforce': '执法记录',
  'scan.enforceTitle': '对该主体建立执法记录',
  'scan.enforceCaseTitle': '案件名称',
  'scan.enforceSummary': '现场情况',
  'scan.enforceDefaultTitle': '{name}现场执法',
  'scan.enforceOpened': '已建立执法记录',
  'scan.noActions': '您的账号没有巡查、抽样或执法权限，可查看主体信息和合格证。',

  'action.auth.password_reset_request': '申请重置密码',
  'action.application.recover_code': '找回查询码',
} as const;

import { defineErrors } from '../../platform/http/errors.js';

export const registryError = defineErrors({
  // The same words whether or not the username exists: nothing here tells a guesser which accounts there are.
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: (d) => `从您的网络连续 5 次密码错误，该账号在此暂停登录 ${String(d.minutes)} 分钟，请于 ${String(d.lockedUntil)} 之后再试`,
    en: (d) => `Logins to this account from your network are paused for ${String(d.minutes)} minutes after 5 wrong passwords; try again after ${String(d.lockedUntil)}`,
  },
  TOO_MANY_LOGINS: {
    status: 429,
    zh: (d) => `登录尝试过于频繁，请 ${String(d.retryAfterSeconds)} 秒后再试`,
    en: (d) => `Too many login attempts; try again in ${String(d.retryAfterSeconds)} seconds`,
  },
  TOKEN_LIFETIME_TOO_LONG: {
    status: 400,
    zh: (d) => `应用令牌的有效期最长 ${String(d.maxDays)} 天`,
    en: (d) => `An app token may last at most ${String(d.maxDays)} days`,
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系本机构管理员', en: 'This account is disabled; ask your agency administrator' },
  WRONG_CURRENT_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: {
    status: 400,
    zh: (d) => `密码强度不够：${((d.problems as string[]) ?? []).map((p) => PASSWORD_PROBLEM_ZH[p] ?? p).join(';')}`,
    en: (d) => `Password too weak: ${((d.problems as string[]) ?? []).map((p) => PASSWORD_PROBLEM_EN[p] ?? p).join('; ')}`,
  },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'This username is already taken' },
  AGENCY_NOT_FOUND: { status: 404, zh: '机构不存在或不在您的辖区内', en: 'No such agency in your jurisdiction' },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在或不在您的管理范围内', en: 'No such user within your management' },
  REGION_NOT_FOUND: { status: 404, zh: '行政区划代码不存在', en: 'No such region code' },
  ALLOCATION_NOT_ALLOWED: {
    status: 403,
    zh: '按账号分配规则，您不能创建该类机构或账号',
    en: 'The account-allocation rules do not let you create this kind of agency or account',
  },
  REGION_OUT_OF_JURISDICTION: { status: 403, zh: '该行政区划不在您的辖区内', en: 'This region is outside your jurisdiction' },
  REGION_LEVEL_MISMATCH: {
    status: 400,
    zh: (d) => `机构层级与行政区划不符：${String(d.level)}级机构需要 ${String(d.digits)} 位区划代码`,
    en: (d) => `Agency level and region do not match: a ${String(d.level)} agency needs a ${String(d.digits)}-digit region code`,
  },
  AGENCY_EXISTS: {
    status: 409,
    zh: (d) => (d.department && d.department !== 'agriculture' ? '该区划已有同级同部门的监管机构' : '该区划已有同级监管机构'),
    en: (d) => (d.department && d.department !== 'agriculture' ? 'This region already has a supervision agency of that level and department' : 'This region already has a supervision agency of that level'),
  },
  DEPARTMENT_FOR_SUPERVISION: {
    status: 400,
    zh: '只有监管机构按部门（畜牧兽医、渔业、农垦）分设；检测、执法机构请选农业农村部门',
    en: 'Only supervision agencies are set up by department (animal husbandry, fishery, land reclamation); testing and enforcement agencies belong to agriculture',
  },
  INDUSTRIES_FOR_DEPARTMENT: {
    status: 400,
    zh: '农业农村部门（综合）的监管机构负责全部行业，不单独填写行业',
    en: 'The general agriculture agency answers for every industry: no industries are given for it',
  },
  ROLE_NOT_ALLOWED: { status: 403, zh: '不能为该机构创建此角色的账号', en: 'You cannot give an account of this agency that role' },
  ACCOUNTS_NOT_MANAGED: {
    status: 403,
    zh: '您不管理该机构的账号（只管理本机构及由您分配的机构的管理员）',
    en: 'You do not manage the accounts of this agency (only your own agency and the administrators of agencies you allocated)',
  },
  CANNOT_CHANGE_SELF: {
    status: 400,
    zh: (d) => (d.action === 'reset_password' ? '不能为自己重置密码，请在"我的账号"中修改密码' : '不能停用自己的账号'),
    en: (d) => (d.action === 'reset_password' ? 'You cannot reset your own password; change it under My account' : 'You cannot disable your own account'),
  },
  TOKEN_NOT_FOUND: { status: 404, zh: '令牌不存在', en: 'No such token' },
});

const PASSWORD_PROBLEM_ZH: Record<string, string> = {
  TOO_SHORT: '至少 10 个字符',
  TOO_FEW_CLASSES: '需包含大写字母、小写字母、数字、符号中的至少三类',
  CONTAINS_USERNAME: '不能包含用户名',
  TOO_COMMON: '过于常见',
  SAME_AS_CURRENT: '不能与当前密码相同',
};
const PASSWORD_PROBLEM_EN: Record<string, string> = {
  TOO_SHORT: 'at least 10 characters',
  TOO_FEW_CLASSES: 'at least three of upper case, lower case, digits, symbols',
  CONTAINS_USERNAME: 'must not contain the username',
  TOO_COMMON: 'too common',
  SAME_AS_CURRENT: 'must differ from the current password',
};

import { chinaMinute } from '../../../platform/china-time.js';
import type { Sheet } from '../../../platform/sheets/workbook.js';
import type { UserOut } from '../contracts.js';

// 账号清单.xlsx: an agency's accounts as the list shows them, phones masked.

const ROLE_ZH: Record<string, string> = { admin: '管理员', staff: '工作人员' };
const STATUS_ZH: Record<string, string> = { active: '正常', disabled: '已停用' };

export function userSheet(rows: UserOut[]): Sheet {
  return {
    name: '账号',
    columns: [
      { header: '用户名（username）', key: 'username', width: 18 },
      { header: '姓名（name）', key: 'displayName', width: 14 },
      { header: '角色（role）', key: 'role', width: 10 },
      { header: '手机（phone）', key: 'phone', width: 14 },
      { header: '状态（status）', key: 'status', width: 8 },
      { header: '最近登录（last login）', key: 'lastLoginAt', width: 18 },
      { header: '创建时间（created）', key: 'createdAt', width: 18 },
    ],
    rows: rows.map((r) => ({ ...r, role: ROLE_ZH[r.role] ?? r.role, status: STATUS_ZH[r.status] ?? r.status, phone: r.phone ?? '', lastLoginAt: chinaMinute(r.lastLoginAt), createdAt: chinaMinute(r.createdAt) })),
  };
}

import { chinaMinute } from '../../../platform/china-time.js';
import type { Sheet } from '../../../platform/sheets/workbook.js';
import type { subjectListItem } from './subject.contracts.js';
import type { z } from 'zod';
import { PRIORITY_FLAG_ZH } from './priority-flags.shared.js';

// 主体清单.xlsx: the list on screen, identity codes masked as there (an export is no way round the masking).

const CATEGORY_ZH = ['生产', '经营', '生产经营', '农资'];
const ORG_FORM_ZH = ['企业', '个人', '家庭农场', '合作社'];
const STATUS_ZH: Record<string, string> = { active: '正常', suspended: '已暂停', temporary: '临时主体' };
const INDUSTRY_ZH: Record<string, string> = { planting: '种植业', livestock: '畜牧业', fishery: '渔业' };

export function subjectSheet(rows: z.infer<typeof subjectListItem>[]): Sheet {
  return {
    name: '主体',
    columns: [
      { header: '名称（name）', key: 'name', width: 28 },
      { header: '主体身份码（identity code）', key: 'identityCode', width: 30 },
      { header: '主体类别（category）', key: 'category', width: 10 },
      { header: '组织形式（form）', key: 'orgForm', width: 10 },
      { header: '行业（industries）', key: 'industries', width: 16 },
      { header: '所在地（region）', key: 'regionName', width: 28 },
      { header: '区划代码（region code）', key: 'regionCode', width: 12 },
      { header: '状态（status）', key: 'status', width: 8 },
      { header: '重点主体（priority）', key: 'priorityFlags', width: 24 },
      { header: '注册时间（registered）', key: 'registeredAt', width: 18 },
    ],
    rows: rows.map((r) => ({
      ...r,
      category: CATEGORY_ZH[r.category] ?? String(r.category),
      orgForm: ORG_FORM_ZH[r.orgForm] ?? String(r.orgForm),
      industries: r.industries.map((i) => INDUSTRY_ZH[i] ?? i).join('、'),
      regionName: r.regionName ?? '',
      status: STATUS_ZH[r.status] ?? r.status,
      priorityFlags: r.priorityFlags.map((f) => PRIORITY_FLAG_ZH[f]).join('、'),
      registeredAt: chinaMinute(r.registeredAt),
    })),
  };
}

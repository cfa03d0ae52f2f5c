import type { AgencyKind, AgencyLevel } from '../registry.types';

/**
 * The usual name of an agency in a region, as the demo data and most provinces name them:
 * 河南省农业农村厅, 郑州市农业农村局, 某某镇农产品质量安全监管站, …检测中心, …农业综合行政执法队.
 */
export function suggestAgencyName(kind: AgencyKind, level: AgencyLevel, regionName: string): string {
  // 运维: one agency at the ministry's level, the platform's operations centre.
  if (kind === 'operations') return '国家追溯平台运维中心';
  if (kind === 'testing') return `${regionName}农产品质量安全检测中心`;
  if (kind === 'enforcement') return `${regionName}农业综合行政执法队`;
  // Municipalities (北京市, 上海市…) name theirs 农业农村局, provinces and autonomous regions 农业农村厅.
  if (level === 'province') return `${regionName}${regionName.endsWith('市') ? '农业农村局' : '农业农村厅'}`;
  if (level === 'township') return `${regionName}农产品质量安全监管站`;
  return `${regionName}农业农村局`;
}

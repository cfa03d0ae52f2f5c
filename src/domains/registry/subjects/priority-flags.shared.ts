// 重点主体 (issue 21 §3): the flags agencies set on a subject, shared by the contracts, the policy and the console.
// The notice (seed, 二(二) 规模主体带动) names 国家级、省级农业产业化重点龙头企业, 有条件的"菜篮子"产品 and 规模生产经营主体
// as the subjects to bring onto the platform first; docs/decisions.md says why each level sets which flag.

export const PRIORITY_FLAGS = ['national_leading', 'provincial_leading', 'vegetable_basket', 'scale'] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number];

type Level = 'ministry' | 'province' | 'city' | 'county' | 'township';

/**
 * The supervision level that sets each flag: 国家重点龙头企业 are recognised by the ministry, 省级 by the province,
 * 菜篮子 product bases and 规模主体 are known to the county that registered and inspects them.
 */
export const PRIORITY_FLAG_SETTER: Record<PriorityFlag, Level> = {
  national_leading: 'ministry',
  provincial_leading: 'province',
  vegetable_basket: 'county',
  scale: 'county',
};

/** The flags an agency may set or clear (on subjects of its jurisdiction): none for any agency but supervision. */
export function settablePriorityFlags(agency: { kind: string; level: string }): PriorityFlag[] {
  if (agency.kind !== 'supervision') return [];
  return PRIORITY_FLAGS.filter((f) => PRIORITY_FLAG_SETTER[f] === agency.level);
}

/** The flags' names in server-written Chinese (sheets, error messages); the console has its own words. */
export const PRIORITY_FLAG_ZH: Record<PriorityFlag, string> = {
  national_leading: '国家级龙头企业',
  provincial_leading: '省级龙头企业',
  vegetable_basket: '菜篮子产品基地',
  scale: '规模主体',
};

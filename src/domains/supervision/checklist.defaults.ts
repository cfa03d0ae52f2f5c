import type { INSPECTION_INDUSTRIES } from './contracts.js';

type Item = { key: string; zh: string; en: string };
type Industry = (typeof INSPECTION_INDUSTRIES)[number];

const COMMON: Item[] = [
  { key: 'production_records', zh: '生产记录完整', en: 'Production records are complete' },
  { key: 'input_records', zh: '投入品购买与使用记录完整', en: 'Purchase and use of inputs are recorded' },
  { key: 'banned_inputs', zh: '未发现禁用、停用投入品', en: 'No banned or withdrawn inputs found' },
  { key: 'certificate_issued', zh: '上市产品开具承诺达标合格证', en: 'Products sold carry a 承诺达标 certificate' },
  { key: 'trace_codes', zh: '按规定赋追溯码、扫码交易', en: 'Batches carry trace codes and are sold by scanning' },
  { key: 'storage_hygiene', zh: '贮存场所清洁卫生，与有毒有害物品分开', en: 'Storage is clean and apart from toxic substances' },
];

/** The national checklists (巡查检查表) by industry; a province may replace its own (checklist_templates). */
export const DEFAULT_CHECKLISTS: Record<Industry, Item[]> = {
  planting: [
    ...COMMON,
    { key: 'safety_interval', zh: '遵守农药安全间隔期', en: 'Pesticide pre-harvest intervals are kept' },
    { key: 'pesticide_storage', zh: '农药专柜存放、包装废弃物回收', en: 'Pesticides locked away, empty packs collected' },
  ],
  livestock: [
    ...COMMON,
    { key: 'withdrawal_period', zh: '遵守兽药休药期', en: 'Veterinary drug withdrawal periods are kept' },
    { key: 'quarantine', zh: '出栏动物持检疫合格证明', en: 'Animals leave with a quarantine certificate' },
    { key: 'feed_additives', zh: '饲料及添加剂来源合法、使用合规', en: 'Feed and additives are lawful and properly used' },
  ],
  fishery: [
    ...COMMON,
    { key: 'withdrawal_period', zh: '遵守渔药休药期', en: 'Fishery drug withdrawal periods are kept' },
    { key: 'water_quality', zh: '养殖用水符合要求并有记录', en: 'Pond water meets the standard and is logged' },
  ],
};

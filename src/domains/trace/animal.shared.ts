import { z } from 'zod';
import { plainText } from '../../platform/http/text-fields.shared.js';
import { LIVE_ANIMAL_UNITS } from './units.shared.js';

// What a batch of live animals or of an animal product carries for its trade (issue 21 §1): the species, the tissue
// of meat and offal, where and when it was slaughtered, its animal quarantine certificate (动物检疫合格证明). One table
// for the contracts, the services, the lab's judgement by species and tissue and the console's forms.

export const ANIMAL_SPECIES = ['pig', 'cattle', 'sheep', 'goat', 'horse', 'rabbit', 'chicken', 'duck', 'goose', 'fish', 'shrimp', 'crab', 'shellfish', 'bee'] as const;
export const ANIMAL_TISSUES = ['muscle', 'fat', 'liver', 'kidney', 'offal', 'skin_fat', 'milk', 'egg', 'honey'] as const;
export type AnimalSpecies = (typeof ANIMAL_SPECIES)[number];
export type AnimalTissue = (typeof ANIMAL_TISSUES)[number];

export type AnimalDetails = {
  species: AnimalSpecies;
  tissue?: AnimalTissue;
  slaughterhouse?: string;
  slaughterDate?: string;
  quarantineCert?: string;
};

export const animalDetailsIn = z.strictObject({
  species: z.enum(ANIMAL_SPECIES),
  tissue: z.enum(ANIMAL_TISSUES).optional(),
  /** 屠宰企业 (定点屠宰厂) where meat or offal was slaughtered. */
  slaughterhouse: plainText(2, 100).optional(),
  slaughterDate: z.iso.date().optional(),
  /** 动物检疫合格证明 (live animals) or 肉品品质检验合格证 / 检疫证明 number of the carcass. */
  quarantineCert: plainText(1, 60).optional(),
});

export const animalDetailsOut = z.object({
  species: z.enum(ANIMAL_SPECIES),
  tissue: z.enum(ANIMAL_TISSUES).optional(),
  slaughterhouse: z.string().optional(),
  slaughterDate: z.string().optional(),
  quarantineCert: z.string().optional(),
});

/**
 * The words GB 31650 uses for a species and a tissue (动物种类, 靶组织), which the limit rows print: the lab matches a
 * sample by them. Goat is not mapped to 羊: the source reads 羊 and whether it covers goats was not read.
 */
export const SPECIES_ZH: Record<AnimalSpecies, string> = {
  pig: '猪', cattle: '牛', sheep: '羊', goat: '山羊', horse: '马', rabbit: '兔', chicken: '鸡', duck: '鸭', goose: '鹅',
  fish: '鱼', shrimp: '虾', crab: '蟹', shellfish: '贝', bee: '蜜蜂',
};
export const TISSUE_ZH: Record<AnimalTissue, string> = { muscle: '肌肉', fat: '脂肪', liver: '肝', kidney: '肾', offal: '副产品', skin_fat: '皮+脂', milk: '奶', egg: '蛋', honey: '蜂蜜' };
/** How the public page and the console name them. */
export const SPECIES_NAME: Record<AnimalSpecies, { zh: string; en: string }> = {
  pig: { zh: '猪', en: 'pig' }, cattle: { zh: '牛', en: 'cattle' }, sheep: { zh: '绵羊', en: 'sheep' }, goat: { zh: '山羊', en: 'goat' },
  horse: { zh: '马', en: 'horse' }, rabbit: { zh: '兔', en: 'rabbit' }, chicken: { zh: '鸡', en: 'chicken' }, duck: { zh: '鸭', en: 'duck' },
  goose: { zh: '鹅', en: 'goose' }, fish: { zh: '鱼', en: 'fish' }, shrimp: { zh: '虾', en: 'shrimp' }, crab: { zh: '蟹', en: 'crab' },
  shellfish: { zh: '贝类', en: 'shellfish' }, bee: { zh: '蜜蜂', en: 'bee' },
};
export const TISSUE_NAME: Record<AnimalTissue, { zh: string; en: string }> = {
  muscle: { zh: '肌肉（肉）', en: 'muscle (meat)' }, fat: { zh: '脂肪', en: 'fat' }, liver: { zh: '肝', en: 'liver' }, kidney: { zh: '肾', en: 'kidney' },
  offal: { zh: '副产品', en: 'offal' }, skin_fat: { zh: '皮+脂', en: 'skin with fat' }, milk: { zh: '奶', en: 'milk' }, egg: { zh: '蛋', en: 'egg' }, honey: { zh: '蜂蜜', en: 'honey' },
};
const POULTRY: readonly AnimalSpecies[] = ['chicken', 'duck', 'goose'];

/**
 * The species and tissue of the animal classes of the class file (db/reference/product-classes.csv, 13…): a sample
 * entered by hand, with no batch to say them, is judged by its class. Read off the class names (猪肉 is pig muscle).
 */
export const CLASS_ANIMAL: Record<string, { species?: AnimalSpecies; tissue?: AnimalTissue }> = {
  '130101': { species: 'pig', tissue: 'muscle' },
  '130102': { species: 'cattle', tissue: 'muscle' },
  '130103': { species: 'sheep', tissue: 'muscle' },
  '130201': { species: 'chicken', tissue: 'muscle' },
  '130202': { species: 'duck', tissue: 'muscle' },
  '130301': { species: 'pig', tissue: 'liver' },
  '130302': { species: 'cattle', tissue: 'liver' },
  '130303': { species: 'sheep', tissue: 'liver' },
  '130304': { species: 'pig', tissue: 'kidney' },
  '130305': { species: 'cattle', tissue: 'kidney' },
  '130306': { species: 'sheep', tissue: 'kidney' },
  '130501': { species: 'chicken', tissue: 'egg' },
  '1306': { tissue: 'milk' },
  '130701': { species: 'bee', tissue: 'honey' },
};

export const isLiveAnimalUnit = (unit: string) => LIVE_ANIMAL_UNITS.includes(unit);
/** Animal details belong to a batch of live animals or of a product of the animal classes (13…). */
export const isAnimalBatch = (unit: string, classCode: string) => isLiveAnimalUnit(unit) || classCode.startsWith('13');

/** What is wrong with a batch's animal details, or null: a live animal has no tissue nor slaughter; a slaughter date is past. */
export function animalDetailsProblem(a: AnimalDetails, unit: string, today: string): 'ANIMAL_LIVE_NO_TISSUE' | 'ANIMAL_DATE_IN_FUTURE' | null {
  if (isLiveAnimalUnit(unit) && (a.tissue || a.slaughterhouse || a.slaughterDate)) return 'ANIMAL_LIVE_NO_TISSUE';
  if (a.slaughterDate && a.slaughterDate > today) return 'ANIMAL_DATE_IN_FUTURE';
  return null;
}

/** The species and tissue a sample is judged by: its batch's, else its class's. */
export function sampleAnimal(classCode: string, batchAnimal: AnimalDetails | null | undefined): { species?: AnimalSpecies; tissue?: AnimalTissue } {
  const byClass = CLASS_ANIMAL[classCode] ?? {};
  return { species: batchAnimal?.species ?? byClass.species, tissue: batchAnimal?.tissue ?? byClass.tissue } as { species?: AnimalSpecies; tissue?: AnimalTissue };
}

/**
 * How well a limit row's species and tissue (as the source prints them) fit an animal product, or null when they do
 * not: '所有食品动物' fits any species, '产奶动物' any species' milk, '猪/鸡' either, '禽'/'家禽' any poultry; '可食组织' any
 * tissue. An exact species
 * ranks above a list, a list above all food animals.
 */
export function animalFit(row: { speciesZh: string | null; tissueZh: string | null }, product: { species?: AnimalSpecies | undefined; tissue?: AnimalTissue | undefined }): number | null {
  if (!row.tissueZh || !product.tissue) return null;
  if (row.tissueZh !== '可食组织' && row.tissueZh !== TISSUE_ZH[product.tissue]) return null;
  const words = (row.speciesZh ?? '').split('/').map((w) => w.trim());
  // 产奶动物 (GB 31650's milk-producing animals) names no species: its milk row fits any species' milk, as 生乳 has none.
  if (words.includes('所有食品动物') || (words.includes('产奶动物') && row.tissueZh === TISSUE_ZH.milk)) return 1;
  if (!product.species) return null;
  const zh = SPECIES_ZH[product.species];
  const poultry = POULTRY.includes(product.species) && (words.includes('禽') || words.includes('家禽'));
  if (!words.includes(zh) && !poultry) return null;
  return words.length === 1 ? 3 : 2;
}

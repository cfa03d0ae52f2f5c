import { describe, expect, it } from 'vitest';
import { animalDetailsProblem, animalFit, isAnimalBatch, sampleAnimal } from './animal.shared.js';

// How a GB 31650 row's 动物种类/靶组织 fit an animal product, and what a batch's animal details may say.

describe('animalFit', () => {
  const pigMuscle = { species: 'pig', tissue: 'muscle' } as const;
  it('ranks an exact species above a list, a list above all food animals', () => {
    const exact = animalFit({ speciesZh: '猪', tissueZh: '肌肉' }, pigMuscle)!;
    const list = animalFit({ speciesZh: '牛/羊/猪/马', tissueZh: '肌肉' }, pigMuscle)!;
    const all = animalFit({ speciesZh: '所有食品动物', tissueZh: '肌肉' }, pigMuscle)!;
    expect(exact).toBeGreaterThan(list);
    expect(list).toBeGreaterThan(all);
  });
  it('fits 可食组织 to any tissue and 禽 to any poultry; nothing else', () => {
    expect(animalFit({ speciesZh: '猪/鸡', tissueZh: '可食组织' }, { species: 'chicken', tissue: 'liver' })).not.toBeNull();
    expect(animalFit({ speciesZh: '禽', tissueZh: '肌肉' }, { species: 'duck', tissue: 'muscle' })).not.toBeNull();
    expect(animalFit({ speciesZh: '猪', tissueZh: '肝' }, pigMuscle)).toBeNull();
    expect(animalFit({ speciesZh: '羊', tissueZh: '肌肉' }, { species: 'goat', tissue: 'muscle' })).toBeNull();
    expect(animalFit({ speciesZh: '猪', tissueZh: '肌肉' }, { tissue: 'muscle' })).toBeNull();
    expect(animalFit({ speciesZh: '所有食品动物', tissueZh: '肌肉' }, { species: 'pig' })).toBeNull();
  });
  it('fits 产奶动物 (milk-producing animals) to the milk of any species or of none, and to nothing but milk', () => {
    expect(animalFit({ speciesZh: '产奶动物', tissueZh: '奶' }, { tissue: 'milk' })).toBe(1);
    expect(animalFit({ speciesZh: '产奶动物', tissueZh: '奶' }, { species: 'goat', tissue: 'milk' })).toBe(1);
    expect(animalFit({ speciesZh: '产奶动物', tissueZh: '奶' }, { species: 'cattle', tissue: 'muscle' })).toBeNull();
    expect(animalFit({ speciesZh: '产奶动物', tissueZh: '肌肉' }, { species: 'cattle', tissue: 'muscle' })).toBeNull();
  });
});

describe('a batch’s animal details', () => {
  it('belong to live animals and animal classes; a live animal has no tissue or slaughter; a slaughter is not in the future', () => {
    expect(isAnimalBatch('head', '04')).toBe(true);
    expect(isAnimalBatch('kg', '130101')).toBe(true);
    expect(isAnimalBatch('kg', '04')).toBe(false);
    expect(animalDetailsProblem({ species: 'pig', tissue: 'muscle' }, 'head', '2026-12-01')).toBe('ANIMAL_LIVE_NO_TISSUE');
    expect(animalDetailsProblem({ species: 'pig', slaughterDate: '2026-12-02' }, 'kg', '2026-12-01')).toBe('ANIMAL_DATE_IN_FUTURE');
    expect(animalDetailsProblem({ species: 'pig', tissue: 'liver', slaughterDate: '2026-12-01' }, 'kg', '2026-12-01')).toBeNull();
  });
  it('a sample takes its batch’s species and tissue, else its class’s', () => {
    expect(sampleAnimal('130101', null)).toEqual({ species: 'pig', tissue: 'muscle' });
    expect(sampleAnimal('130101', { species: 'pig', tissue: 'liver' })).toEqual({ species: 'pig', tissue: 'liver' });
    expect(sampleAnimal('04', null)).toEqual({ species: undefined, tissue: undefined });
  });
});

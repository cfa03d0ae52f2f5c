import { describe, expect, it } from 'vitest';
import { judgeResult, overallVerdict, toMgPerKg } from './judge.js';

// 判定规则: value above the limit fails, equal passes; not detected (below the LOD) passes; a banned substance
// (no limit) fails when detected at or above the LOD. Units: mg/kg and μg/kg, judged in mg/kg.

describe('toMgPerKg', () => {
  it('keeps mg/kg and divides μg/kg by 1000', () => {
    expect(toMgPerKg(5, 'mg/kg')).toBe(5);
    expect(toMgPerKg(0.05, 'mg/kg')).toBe(0.05);
    expect(toMgPerKg(50, 'μg/kg')).toBe(0.05);
    expect(toMgPerKg(2000, 'μg/kg')).toBe(2);
    expect(toMgPerKg(0, 'μg/kg')).toBe(0);
  });

  it('gives the decimal a person would write, not floating-point noise', () => {
    expect(1.005 / 1000).not.toBe(0.001005); // why the conversion goes through integers
    expect(toMgPerKg(1.005, 'μg/kg')).toBe(0.001005);
    expect(toMgPerKg(1.1, 'μg/kg')).toBe(0.0011);
    expect(toMgPerKg(0.3, 'μg/kg')).toBe(0.0003);
    expect(toMgPerKg(0.1 + 0.2, 'mg/kg')).toBe(0.3);
  });

  it('rounds to 6 decimals in mg/kg, as value_mg_per_kg is stored', () => {
    expect(toMgPerKg(0.0000004, 'mg/kg')).toBe(0);
    expect(toMgPerKg(0.0000006, 'mg/kg')).toBe(0.000001);
    expect(toMgPerKg(0.0004, 'μg/kg')).toBe(0);
    expect(toMgPerKg(1_000_000, 'μg/kg')).toBe(1000);
  });
});

describe('judgeResult', () => {
  const limit = 5; // 腐霉利 on 韭菜, GB 2763.1-2022 4.46 Table 46

  it('passes below the limit, passes at the limit, fails above it', () => {
    expect(judgeResult({ valueMgPerKg: 4.99, lodMgPerKg: 0.01, limitMgPerKg: limit })).toEqual({ detected: true, verdict: 'pass' });
    expect(judgeResult({ valueMgPerKg: 5, lodMgPerKg: 0.01, limitMgPerKg: limit })).toEqual({ detected: true, verdict: 'pass' });
    expect(judgeResult({ valueMgPerKg: 5.000001, lodMgPerKg: 0.01, limitMgPerKg: limit })).toEqual({ detected: true, verdict: 'fail' });
    expect(judgeResult({ valueMgPerKg: 12, lodMgPerKg: 0.01, limitMgPerKg: limit })).toEqual({ detected: true, verdict: 'fail' });
  });

  it('judges a μg/kg result at the boundary exactly: 2000 μg/kg against 2 mg/kg passes, 2000.001 fails', () => {
    expect(judgeResult({ valueMgPerKg: toMgPerKg(2000, 'μg/kg'), lodMgPerKg: toMgPerKg(5, 'μg/kg'), limitMgPerKg: 2 })).toEqual({ detected: true, verdict: 'pass' });
    expect(judgeResult({ valueMgPerKg: toMgPerKg(2000.001, 'μg/kg'), lodMgPerKg: toMgPerKg(5, 'μg/kg'), limitMgPerKg: 2 }).verdict).toBe('fail');
    // 0.1 + 0.2 is 0.30000000000000004 in binary: still equal to a 0.3 limit.
    expect(judgeResult({ valueMgPerKg: 0.1 + 0.2, lodMgPerKg: 0.01, limitMgPerKg: 0.3 }).verdict).toBe('pass');
  });

  it('treats a value below the LOD as not detected, and passes it', () => {
    expect(judgeResult({ valueMgPerKg: 0.004, lodMgPerKg: 0.005, limitMgPerKg: 0.02 })).toEqual({ detected: false, verdict: 'pass' });
    expect(judgeResult({ valueMgPerKg: 0, lodMgPerKg: 0.005, limitMgPerKg: 0.02 })).toEqual({ detected: false, verdict: 'pass' });
    // At the LOD it is detected.
    expect(judgeResult({ valueMgPerKg: 0.005, lodMgPerKg: 0.005, limitMgPerKg: 0.02 })).toEqual({ detected: true, verdict: 'pass' });
  });

  it('fails a banned substance (no limit) detected at or above the LOD, and passes it below', () => {
    const lod = toMgPerKg(0.1, 'μg/kg'); // 氯霉素, a typical LC-MS/MS LOD
    expect(judgeResult({ valueMgPerKg: toMgPerKg(0.1, 'μg/kg'), lodMgPerKg: lod, limitMgPerKg: null })).toEqual({ detected: true, verdict: 'fail' });
    expect(judgeResult({ valueMgPerKg: toMgPerKg(3, 'μg/kg'), lodMgPerKg: lod, limitMgPerKg: null })).toEqual({ detected: true, verdict: 'fail' });
    expect(judgeResult({ valueMgPerKg: toMgPerKg(0.09, 'μg/kg'), lodMgPerKg: lod, limitMgPerKg: null })).toEqual({ detected: false, verdict: 'pass' });
    expect(judgeResult({ valueMgPerKg: 0, lodMgPerKg: lod, limitMgPerKg: null })).toEqual({ detected: false, verdict: 'pass' });
  });

  it('never counts a zero value as a detection, even with a zero LOD', () => {
    expect(judgeResult({ valueMgPerKg: 0, lodMgPerKg: 0, limitMgPerKg: null })).toEqual({ detected: false, verdict: 'pass' });
    expect(judgeResult({ valueMgPerKg: 0.000001, lodMgPerKg: 0, limitMgPerKg: null })).toEqual({ detected: true, verdict: 'fail' });
  });

  it('with a zero limit, any detection fails', () => {
    expect(judgeResult({ valueMgPerKg: 0.001, lodMgPerKg: 0.001, limitMgPerKg: 0 })).toEqual({ detected: true, verdict: 'fail' });
    expect(judgeResult({ valueMgPerKg: 0.0005, lodMgPerKg: 0.001, limitMgPerKg: 0 })).toEqual({ detected: false, verdict: 'pass' });
  });
});

describe('overallVerdict', () => {
  it('fails when any result fails, passes when all pass', () => {
    expect(overallVerdict([{ verdict: 'pass' }])).toBe('pass');
    expect(overallVerdict([{ verdict: 'pass' }, { verdict: 'pass' }])).toBe('pass');
    expect(overallVerdict([{ verdict: 'pass' }, { verdict: 'fail' }, { verdict: 'pass' }])).toBe('fail');
    expect(overallVerdict([{ verdict: 'fail' }])).toBe('fail');
  });
});

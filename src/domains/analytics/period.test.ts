import { describe, expect, it } from 'vitest';
import { lastYearOf, periodOf, previousOf } from './period.js';
import { addDay, splitPeriod } from './rollups/read.js';

describe('periods (统计期间)', () => {
  it('names calendar periods around a day, the one before and the same one last year', () => {
    const today = '2026-03-18';
    expect(periodOf({ period: 'day' }, today)).toEqual({ from: today, to: today });
    expect(periodOf({ period: 'week' }, today)).toEqual({ from: '2026-03-16', to: '2026-03-22' });
    expect(periodOf({ period: 'month', date: '2024-02-10' }, today)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf({ period: 'quarter' }, today)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf({ period: 'year' }, today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(previousOf('month', { from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousOf('quarter', { from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousOf('week', { from: '2026-03-16', to: '2026-03-22' })).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(lastYearOf({ from: '2024-02-29', to: '2024-02-29' })).toEqual({ from: '2023-02-28', to: '2023-02-28' });
    expect(() => periodOf({ period: 'custom', from: '2026-02-01', to: '2026-01-01' }, today)).toThrow();
  });

  it('reads a period as the fewest buckets, covering each day exactly once', () => {
    expect(splitPeriod('2025-01-01', '2025-12-31')).toEqual([{ grain: 'y', from: '2025-01-01', to: '2026-01-01' }]);
    expect(splitPeriod('2026-01-01', '2026-03-31')).toEqual([{ grain: 'm', from: '2026-01-01', to: '2026-04-01' }]);
    expect(splitPeriod('2024-12-30', '2026-02-02')).toEqual([
      { grain: 'd', from: '2024-12-30', to: '2025-01-01' },
      { grain: 'y', from: '2025-01-01', to: '2026-01-01' },
      { grain: 'm', from: '2026-01-01', to: '2026-02-01' },
      { grain: 'd', from: '2026-02-01', to: '2026-02-03' },
    ]);
    expect(splitPeriod('2026-03-05', '2026-03-05')).toEqual([{ grain: 'd', from: '2026-03-05', to: '2026-03-06' }]);
    // Any range: the pieces are contiguous from `from` to the day after `to`.
    for (const [from, to] of [['2023-11-15', '2026-07-09'], ['2025-02-01', '2025-02-28'], ['2025-06-30', '2025-07-01'], ['1970-01-01', '2199-12-31']] as const) {
      const pieces = splitPeriod(from, to);
      expect(pieces[0]!.from).toBe(from);
      expect(pieces.at(-1)!.to).toBe(addDay(to));
      for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.from).toBe(pieces[i - 1]!.to);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { CASE_STAGES, nextStage, stageMoveProblem } from './case-stages.shared.js';

describe('case stages', () => {
  it('move one at a time: 立案 → 调查取证 → 处罚决定 → 结案', () => {
    expect(CASE_STAGES.map(nextStage)).toEqual(['investigation', 'decision', 'closed', null]);
    expect(stageMoveProblem('filed', 'investigation')).toBeNull();
    expect(stageMoveProblem('filed', 'closed')).toBe('skipped');
    expect(stageMoveProblem('investigation', 'closed')).toBe('skipped');
    expect(stageMoveProblem('decision', 'investigation')).toBe('backwards');
    expect(stageMoveProblem('closed', 'closed')).toBe('backwards');
  });
});

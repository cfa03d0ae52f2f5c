// The case stages and their order (立案 → 调查取证 → 处罚决定 → 结案): pure, shared by the server and the console.

export const CASE_STAGES = ['filed', 'investigation', 'decision', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export const PENALTY_KINDS = ['none', 'warning', 'fine', 'confiscation', 'suspension'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

/** The one stage a case may move to next; null once closed. */
export function nextStage(stage: CaseStage): CaseStage | null {
  const i = CASE_STAGES.indexOf(stage);
  return CASE_STAGES[i + 1] ?? null;
}

/** Why a move is refused: 'skipped' (it jumps over a stage), 'backwards' (to where the case is or was), or null. */
export function stageMoveProblem(from: CaseStage, to: CaseStage): 'skipped' | 'backwards' | null {
  const d = CASE_STAGES.indexOf(to) - CASE_STAGES.indexOf(from);
  return d === 1 ? null : d > 1 ? 'skipped' : 'backwards';
}

/** How a closed case's penalty weighs on the subject's bad-conduct record (none: no record). */
export const PENALTY_SEVERITY: Record<PenaltyKind, 'minor' | 'serious' | 'grave' | null> = { none: null, warning: 'minor', fine: 'serious', confiscation: 'serious', suspension: 'grave' };

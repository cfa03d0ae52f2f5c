// 系统优化建议's kinds, states and satisfaction answers: the table's column values and the console's choices alike.
export const FEEDBACK_KINDS = ['feature', 'operation', 'experience', 'network'] as const;
export const FEEDBACK_STATES = ['filed', 'classified', 'confirmed', 'fixed', 'declined', 'revisited'] as const;
export const SATISFACTION = ['satisfied', 'basically', 'unsatisfied'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export type FeedbackState = (typeof FEEDBACK_STATES)[number];
export type Satisfaction = (typeof SATISFACTION)[number];

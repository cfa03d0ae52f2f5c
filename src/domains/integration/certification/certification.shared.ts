// 三品一标 and 追溯挂钩 vocabulary shared by the server and the console (no server code here).

/** A certificate's state as its issuing system reports it. */
export const CERTIFIED_STATES = ['valid', 'suspended', 'revoked'] as const;
export type CertifiedState = (typeof CERTIFIED_STATES)[number];

/** What a 追溯挂钩 check found for one subject of the list. */
export const TRACE_CHECK_OUTCOMES = ['implements', 'inactive', 'suspended', 'not_registered', 'outside'] as const;
export type TraceCheckOutcome = (typeof TRACE_CHECK_OUTCOMES)[number];

/** Certificates per push, subjects per check: one statement's worth, answered within a request. */
export const MAX_CERTIFICATE_PUSH = 1000;
export const MAX_TRACE_CHECK = 2000;

/** How far back traceability activity counts (追溯挂钩, 认证前置条件): the last twelve months. */
export const ACTIVITY_MONTHS = 12;

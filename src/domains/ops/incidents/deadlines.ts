/**
 * 分级处置 time limits (技术指南 应急响应 (四)): 一级 "在2小时内解除故障" or it becomes 二级; 二级 "在6小时内完成故障排查
 * 和处置" unless 部安全中心 grants more time, or it becomes 三级; 三级 "应当在12小时内完成故障处理，最多不超过24小时".
 * Levels run in the guide's order: 1 (一级) is the mildest.
 */
export const LEVEL_HOURS: Record<1 | 2 | 3, number> = { 1: 2, 2: 6, 3: 12 };
/** 三级: never more than 24 hours. */
export const LEVEL3_LIMIT_HOURS = 24;
/** An extension of a 二级 deadline adds at most this much at a time (an input bound of ours, not the guide's). */
export const MAX_EXTENSION_HOURS = 24;

export const HOUR_MS = 3_600_000;

export const deadlineOf = (level: 1 | 2 | 3, since: Date) => new Date(since.getTime() + LEVEL_HOURS[level] * HOUR_MS);
export const level3LimitOf = (since: Date) => new Date(since.getTime() + LEVEL3_LIMIT_HOURS * HOUR_MS);

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** Today's date in China (UTC+8, no daylight saving): deadlines are calendar days there. */
export const todayInChina = (now = Date.now()) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

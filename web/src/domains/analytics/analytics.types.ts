import type { In, Out } from '../../app/contract';
import type * as analytics from '../../../../src/domains/analytics/contracts';

// The analytics API's answers as the console reads them: the server's contracts (src/domains/analytics/contracts.ts).

export type Statistics = Out<typeof analytics.statisticsOut>;
export type StatisticsQuery = In<typeof analytics.statisticsQuery>;
export type Home = Out<typeof analytics.homeOut>;
export type Period = NonNullable<StatisticsQuery['period']>;
export { INDICATOR_KEYS, PERIODS, type IndicatorKey } from '../../../../src/domains/analytics/statistics.shared';
export type HomeCountKey = Home['counts'][number]['key'];

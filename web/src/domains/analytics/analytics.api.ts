import { api } from '../../app/api';
import type { Home, Statistics, StatisticsQuery } from './analytics.types';

// 统计分析 and 首页: /api/v1/analytics/...

const query = (q: StatisticsQuery) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

export const analyticsApi = {
  statistics: (q: StatisticsQuery) => api.get<Statistics>('/analytics/statistics', query(q)),
  statisticsSheet: (q: StatisticsQuery) => api.download('/analytics/statistics.xlsx', query(q)),
  home: () => api.get<Home>('/analytics/home'),
};

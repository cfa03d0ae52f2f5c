import { LineChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../../shared/EChart';

// The shared EChart registers bars only; a trend is a line.
echarts.use([LineChart, LegendComponent]);

/** Several figures month by month, one line each. */
export function TrendChart({ months, series, testId }: { months: string[]; series: { name: string; data: number[] }[]; testId?: string }) {
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.data, smooth: true })),
    }),
    [months, series],
  );
  return <EChart option={option} height={280} testId={testId} />;
}

import type { In, Out } from '../../../app/contract';
import type * as c from '../../../../../src/domains/analytics/monitors/contracts';

// The business monitors, targets, rectification notices and assessment as the console reads them: the server's contracts.

export { INDICATOR_KEYS, INDICATORS, MONITORS, type IndicatorKey, type MonitorKey } from '../../../../../src/domains/analytics/monitors/monitor-values.shared';

export type Registration = Out<typeof c.registrationOut>;
export type InactiveProducer = Out<typeof c.inactiveOut>;
export type TraceMonitor = Out<typeof c.traceMonitorOut>;
export type SupervisionMonitor = Out<typeof c.supervisionMonitorOut>;
export type MonitoringMonitor = Out<typeof c.monitoringMonitorOut>;
export type EnforcementMonitor = Out<typeof c.enforcementMonitorOut>;
export type Targets = Out<typeof c.targetsOut>;
export type TargetInput = In<typeof c.targetIn>;
export type Rectification = Out<typeof c.rectificationOut>;
export type RectificationInput = In<typeof c.rectificationIn>;
export type Indicators = Out<typeof c.indicatorsOut>;
export type IndicatorsInput = In<typeof c.indicatorsIn>;
export type Assessment = Out<typeof c.assessmentOut>;

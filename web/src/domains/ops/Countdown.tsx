import { Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { IncidentSummary } from './incidents.api';

const split = (ms: number) => {
  const s = Math.floor(Math.abs(ms) / 1000);
  return { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60), s: s % 60 };
};

/**
 * The time left to the current level's deadline, ticking each second. The server's job escalates when it is up;
 * the timer only shows it (a page left open reloads to see the new level).
 */
export function Countdown({ incident }: { incident: IncidentSummary }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const running = incident.state === 'open';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!running) return <Typography.Text type="secondary">{t('incident.stopped')}</Typography.Text>;
  const left = new Date(incident.deadlineAt).getTime() - now;
  const parts = split(left);
  return (
    <span data-testid="incident-countdown">
      <Typography.Text type={left <= 0 ? 'danger' : left < 30 * 60_000 ? 'warning' : undefined} strong>
        {left > 0 ? t('incident.remaining', parts) : t('incident.passed', parts)}
      </Typography.Text>
      {incident.overdue && (
        <Tag color="red" style={{ marginLeft: 8 }}>
          {t(`incident.overdue.${incident.overdue}`)}
        </Tag>
      )}
    </span>
  );
}

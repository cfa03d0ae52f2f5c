import { Badge } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { monitoringApi } from './monitoring.api';

const listeners = new Set<() => void>();

/** Asks the menu's badge to count again (an alert was just read). */
export function refreshAlertBadge(): void {
  for (const listener of listeners) listener();
}

/**
 * The alerts menu entry with the number of unread alerts: one small page of unread ones read when the console
 * moves to another page (no polling); "20+" when there are more.
 */
export function AlertsMenuLabel({ label }: { label: string }) {
  const location = useLocation();
  const [count, setCount] = useState<{ n: number; more: boolean }>({ n: 0, more: false });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);

  useEffect(() => {
    let live = true;
    monitoringApi.alerts({ unread: true, limit: 20 }).then(
      (page) => live && setCount({ n: page.items.length, more: page.nextCursor !== null }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [location.pathname, tick]);

  return (
    <span data-testid="alerts-menu">
      <span>{label}</span>
      {count.n > 0 && <Badge count={count.more ? `${count.n}+` : count.n} size="small" style={{ marginInlineStart: 8 }} data-testid="alerts-unread" />}
    </span>
  );
}

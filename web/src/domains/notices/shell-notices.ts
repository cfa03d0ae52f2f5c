import { useCallback, useEffect, useState } from 'react';
import { noticesApi, type ShellNotices } from './notices.api';

const listeners = new Set<() => void>();

/** Asks the shell to read its banners and unread count again (a notice was just read). */
export function refreshShellNotices(): void {
  for (const listener of listeners) listener();
}

/** Read again when the tab comes back after this long: a banner published meanwhile then shows without a reload. */
const STALE_MS = 5 * 60_000;

/**
 * The shell's one small read (GET /shell/notices): the 系统公告 banners and the inbox's unread count. The server
 * answers with an ETag and `no-cache`, so the browser revalidates it and a repeat costs a 304, not the body.
 */
export function useShellNotices() {
  const [data, setData] = useState<ShellNotices>({ announcements: [], unreadNotices: null, pausedWebhooks: [] });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    let readAt = Date.now();
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - readAt > STALE_MS) {
        readAt = Date.now();
        listener();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      listeners.delete(listener);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  useEffect(() => {
    let live = true;
    // A failed read shows no banner; the page itself is unaffected.
    noticesApi.shell().then(
      (d) => live && setData(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [tick]);

  const dismiss = useCallback((id: string, version: number) => {
    setData((d) => ({ ...d, announcements: d.announcements.filter((a) => a.id !== id) }));
    noticesApi.dismiss(id, version).catch(() => undefined);
  }, []);

  return { ...data, dismiss };
}

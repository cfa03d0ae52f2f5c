import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { TradeEvent } from '../trace.types';
import { traceApi } from '../trace.api';

type Listener = (event: TradeEvent) => void;

// One EventSource per tab, shared by whoever listens (the notifier in the layout, the trades page): opened with
// the first listener, closed with the last. EventSource reconnects by itself after a dropped connection; `live`
// says whether the server has said it is listening (its `ready` event) on the current connection.

const listeners = new Set<Listener>();
/** Recall notices (monitoring's recall orders) arrive on the same stream; whoever shows them reads them itself. */
const recallListeners = new Set<() => void>();
const statusListeners = new Set<() => void>();
let source: EventSource | null = null;
let live = false;

function setLive(next: boolean) {
  if (live === next) return;
  live = next;
  for (const l of statusListeners) l();
}

// A phone that loses its network keeps an EventSource "open" until TCP gives up, minutes later, and the marker
// would still say 实时更新中. The browser's offline event ends the connection at once (not live); online opens a
// new one, live again only once the server says `ready`.
function goOffline() {
  source?.close();
  source = null;
  setLive(false);
}

function goOnline() {
  if (listeners.size && !source) open();
}

function open() {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
  const es = new EventSource(traceApi.streamUrl, { withCredentials: true });
  source = es;
  es.addEventListener('ready', () => setLive(true));
  es.addEventListener('error', () => setLive(false));
  es.addEventListener('recall', () => {
    for (const listener of recallListeners) listener();
  });
  es.addEventListener('trade', (message) => {
    let event: TradeEvent;
    try {
      event = JSON.parse((message as MessageEvent<string>).data) as TradeEvent;
    } catch {
      return;
    }
    for (const listener of listeners) listener(event);
  });
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
  }
  if (!source) open();
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      source?.close();
      source = null;
      setLive(false);
    }
  };
}

/** Calls `onEvent` for every trade event of the signed-in subject, as the server sends it. */
export function useTradeEvents(onEvent: Listener, enabled = true): void {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    return subscribe((event) => latest.current(event));
  }, [enabled]);
}

/** Calls `onNotice` when a recall notice reaches the signed-in subject (while the trade stream is open). */
export function useRecallEvents(onNotice: () => void): void {
  const latest = useRef(onNotice);
  useEffect(() => {
    latest.current = onNotice;
  });
  useEffect(() => {
    const listener = () => latest.current();
    recallListeners.add(listener);
    return () => void recallListeners.delete(listener);
  }, []);
}

/** Whether live notifications are flowing now. */
export function useTradeStreamLive(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      statusListeners.add(onChange);
      return () => statusListeners.delete(onChange);
    },
    () => live,
  );
}

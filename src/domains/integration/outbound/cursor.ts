import { outboundError } from './errors.js';

/** A position in the outbox: the (transaction id, event id) of the last change read, the order changes commit in. */
export type FeedPosition = { txId: string; eventId: number };

export const START: FeedPosition = { txId: '0', eventId: 0 };

/** Opaque to clients (they store it and send it back): base64url of `txId:eventId`. */
export function encodeCursor(p: FeedPosition): string {
  return Buffer.from(`${p.txId}:${p.eventId}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): FeedPosition {
  if (cursor === undefined || cursor === '') return START;
  const m = /^(\d{1,20}):(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!m) throw outboundError('CURSOR_INVALID');
  return { txId: m[1]!, eventId: Number(m[2]) };
}

/** Whether `a` comes before `b` in the outbox's (transaction id, event id) order. */
export function isBefore(a: FeedPosition, b: FeedPosition): boolean {
  const ta = BigInt(a.txId);
  const tb = BigInt(b.txId);
  return ta < tb || (ta === tb && a.eventId < b.eventId);
}

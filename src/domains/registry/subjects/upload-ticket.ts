import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { subjectError } from './subject.errors.js';

/** How long an application in progress may upload under one ticket; its unused uploads are purged after that. */
export const UPLOAD_TICKET_HOURS = 24;

export type UploadTickets = {
  /** A new ticket for an application in progress: `{id}.{expiry}.{mac}`, signed, so no table holds it. */
  issue(now?: Date): { ticket: string; expiresAt: Date };
  /** The owner a ticket binds its uploads to (`ticket:{id}`), or UPLOAD_TICKET_INVALID. */
  ownerOf(ticket: string | undefined, now?: Date): string;
};

/**
 * Upload tickets (finding 7 of issue 19): every anonymous upload is made under a ticket of the application in
 * progress, and an application may cite only the photos uploaded under its own ticket. A file id seen elsewhere is
 * then of no use to anyone else. The key is derived from SECRET_KEY for this use alone.
 */
export function createUploadTickets(secretKey: string): UploadTickets {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'tracenet', 'upload-ticket', 32));
  const mac = (body: string) => createHmac('sha256', key).update(body).digest().subarray(0, 16).toString('base64url');
  return {
    issue(now = new Date()) {
      const expiresAt = new Date(now.getTime() + UPLOAD_TICKET_HOURS * 3600_000);
      const body = `${randomBytes(16).toString('base64url')}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`;
      return { ticket: `${body}.${mac(body)}`, expiresAt };
    },
    ownerOf(ticket, now = new Date()) {
      const parts = typeof ticket === 'string' && ticket.length <= 100 ? ticket.split('.') : [];
      if (parts.length !== 3 || !/^[A-Za-z0-9_-]{22}$/.test(parts[0]!) || !/^[0-9a-z]{1,10}$/.test(parts[1]!)) throw subjectError('UPLOAD_TICKET_INVALID');
      const expected = Buffer.from(mac(`${parts[0]}.${parts[1]}`));
      const given = Buffer.from(parts[2]!);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw subjectError('UPLOAD_TICKET_INVALID');
      if (parseInt(parts[1]!, 36) * 1000 < now.getTime()) throw subjectError('UPLOAD_TICKET_EXPIRED');
      return `ticket:${parts[0]}`;
    },
  };
}

import { api } from '../../app/api';
import type { ListTotal, Page } from '../../app/types';

// Wire types of src/domains/notices/*/contracts.ts (dates as ISO strings).
export const ANNOUNCEMENT_LEVELS = ['info', 'warning', 'critical'] as const;
export type AnnouncementLevel = (typeof ANNOUNCEMENT_LEVELS)[number];
export type Banner = { id: string; level: AnnouncementLevel; textZh: string; textEn: string | null; startsAt: string; endsAt: string; version: number };
export type Announcement = Banner & { state: 'published' | 'withdrawn'; showing: boolean; publisherName: string; createdAt: string; updatedAt: string; withdrawnAt: string | null };
export type AnnouncementInput = { level: AnnouncementLevel; textZh: string; textEn?: string; startsAt: string; endsAt: string };
export type ShellNotices = { announcements: Banner[]; unreadNotices: number | null };

export const NOTICE_INDUSTRIES = ['planting', 'livestock', 'fishery'] as const;
export const NOTICE_CATEGORIES = [0, 1, 2, 3] as const;
export const NOTICE_CERTIFICATE_KINDS = ['green', 'organic', 'geo', 'pledge', 'pollution_free'] as const;
export type Audience = { regions: string[]; industries: string[]; categories: number[]; certificateKinds: string[] };
export type Attachment = { id: string; name: string; mime: string; size: number };
export type SentNotice = { id: string; no: string; title: string; senderAgencyName: string; senderName: string; sentAt: string; sent: number; read: number; unread: number };
export type SentNoticeDetail = SentNotice & { body: string; audience: Audience & { regionNames: string[] }; attachments: Attachment[] };
export type Recipient = { subjectId: string; subjectName: string; regionCode: string; regionName: string; readAt: string | null; readerName: string | null };
export type InboxItem = { id: string; no: string; title: string; senderAgencyName: string; sentAt: string; readAt: string | null; readerName: string | null };
export type InboxDetail = InboxItem & { body: string; attachments: Attachment[] };
export type NoticeUpload = { fileId: string; name: string; mime: string; size: number };

const id = (v: string) => encodeURIComponent(v);

export const noticesApi = {
  shell: () => api.get<ShellNotices>('/shell/notices'),
  dismiss: (bannerId: string, version: number) => api.post<void>(`/announcements/${id(bannerId)}/dismiss`, { version }),
  announcements: (cursor?: string) => api.get<Page<Announcement>>('/announcements', { cursor, limit: 50 }),
  publish: (body: AnnouncementInput, key: string) => api.postOnce<Announcement>('/announcements', body, key),
  update: (annId: string, body: AnnouncementInput) => api.put<Announcement>(`/announcements/${id(annId)}`, body),
  withdraw: (annId: string) => api.post<Announcement>(`/announcements/${id(annId)}/withdraw`, {}),

  uploadAttachment: (file: Blob, filename: string) => api.upload<NoticeUpload>('/notices/attachments', file, filename),
  audienceCount: (audience: Audience) => api.post<{ count: number }>('/notices/audience', audience),
  send: (body: { title: string; body: string; attachments: string[]; audience: Audience }, key: string) => api.postOnce<SentNoticeDetail>('/notices', body, key),
  sent: (cursor?: string) => api.get<Page<SentNotice>>('/notices', { cursor, limit: 50 }),
  sentDetail: (noticeId: string) => api.get<SentNoticeDetail>(`/notices/${id(noticeId)}`),
  recipients: (noticeId: string, state: 'read' | 'unread' | undefined, cursor?: string) =>
    api.get<Page<Recipient> & { total?: ListTotal }>(`/notices/${id(noticeId)}/recipients`, { state, cursor, limit: 50 }),
  unreadSheet: (noticeId: string) => api.download(`/notices/${id(noticeId)}/unread.xlsx`),
  sentAttachmentUrl: (noticeId: string, fileId: string) => `/api/v1/notices/${id(noticeId)}/attachments/${id(fileId)}`,

  inbox: (state: 'read' | 'unread' | undefined, cursor?: string) => api.get<Page<InboxItem> & { unread: number }>('/inbox/notices', { state, cursor, limit: 50 }),
  inboxDetail: (noticeId: string) => api.get<InboxDetail>(`/inbox/notices/${id(noticeId)}`),
  markRead: (noticeId: string) => api.post<InboxDetail>(`/inbox/notices/${id(noticeId)}/read`, {}),
  inboxAttachmentUrl: (noticeId: string, fileId: string) => `/api/v1/inbox/notices/${id(noticeId)}/attachments/${id(fileId)}`,
};

export const LEVEL_ALERT: Record<AnnouncementLevel, 'info' | 'warning' | 'error'> = { info: 'info', warning: 'warning', critical: 'error' };

import { api } from '../../app/api';
import type { Page } from '../../app/contract';
import type { Announcement, AnnouncementInput, AnnouncementLevel, Audience, InboxDetail, InboxPage, NoticeRequest, NoticeUpload, RecipientsPage, SentNotice, SentNoticeDetail, ShellNotices } from './notices.types';

export * from './notices.types';

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
  send: (body: NoticeRequest, key: string) => api.postOnce<SentNoticeDetail>('/notices', body, key),
  sent: (cursor?: string) => api.get<Page<SentNotice>>('/notices', { cursor, limit: 50 }),
  sentDetail: (noticeId: string) => api.get<SentNoticeDetail>(`/notices/${id(noticeId)}`),
  recipients: (noticeId: string, state: 'read' | 'unread' | undefined, cursor?: string) =>
    api.get<RecipientsPage>(`/notices/${id(noticeId)}/recipients`, { state, cursor, limit: 50 }),
  unreadSheet: (noticeId: string) => api.download(`/notices/${id(noticeId)}/unread.xlsx`),
  sentAttachmentUrl: (noticeId: string, fileId: string) => `/api/v1/notices/${id(noticeId)}/attachments/${id(fileId)}`,

  inbox: (state: 'read' | 'unread' | undefined, cursor?: string) => api.get<InboxPage>('/inbox/notices', { state, cursor, limit: 50 }),
  inboxDetail: (noticeId: string) => api.get<InboxDetail>(`/inbox/notices/${id(noticeId)}`),
  markRead: (noticeId: string) => api.post<InboxDetail>(`/inbox/notices/${id(noticeId)}/read`, {}),
  inboxAttachmentUrl: (noticeId: string, fileId: string) => `/api/v1/inbox/notices/${id(noticeId)}/attachments/${id(fileId)}`,
};

export const LEVEL_ALERT: Record<AnnouncementLevel, 'info' | 'warning' | 'error'> = { info: 'info', warning: 'warning', critical: 'error' };

import { api } from '../../app/api';
import type { In, Out, Page } from '../../app/contract';
import type * as feedback from '../../../../src/domains/ops/feedback/contracts';
import type { Feedback, FeedbackFilters, FeedbackRequest, FeedbackState, FeedbackStats, FeedbackSummary } from './ops.types';

export const feedbackApi = {
  uploadScreenshot: (file: Blob, filename: string) => api.upload<Out<typeof feedback.screenshotUploadOut>>('/feedback/screenshots', file, filename),
  file: (body: FeedbackRequest, key: string) => api.postOnce<Feedback>('/feedback', body, key),
  mine: (cursor?: string) => api.get<Page<FeedbackSummary>>('/feedback/mine', { cursor, limit: 50 }),
  list: (filters: FeedbackFilters, cursor?: string) => api.get<Out<typeof feedback.feedbackPage>>('/feedback', { ...filters, cursor, limit: 50 }),
  stats: (from: string, to: string) => api.get<FeedbackStats>('/feedback/stats', { from, to }),
  sheet: (filters: FeedbackFilters & { from: string; to: string }) => api.download('/feedback.xlsx', filters),
  get: (id: string) => api.get<Feedback>(`/feedback/${encodeURIComponent(id)}`),
  screenshotUrl: (id: string, fileId: string) => `/api/v1/feedback/${encodeURIComponent(id)}/screenshots/${encodeURIComponent(fileId)}`,
  classify: (id: string, body: In<typeof feedback.classifyIn>) => api.post<Feedback>(`/feedback/${encodeURIComponent(id)}/classify`, body),
  confirm: (id: string, body: In<typeof feedback.confirmIn>) => api.post<Feedback>(`/feedback/${encodeURIComponent(id)}/confirm`, body),
  fix: (id: string, body: In<typeof feedback.resolveIn>) => api.post<Feedback>(`/feedback/${encodeURIComponent(id)}/fix`, body),
  decline: (id: string, body: In<typeof feedback.declineIn>) => api.post<Feedback>(`/feedback/${encodeURIComponent(id)}/decline`, body),
  revisit: (id: string, body: In<typeof feedback.revisitIn>) => api.post<Feedback>(`/feedback/${encodeURIComponent(id)}/revisit`, body),
};

export const STATE_COLOR: Record<FeedbackState, string> = { filed: 'blue', classified: 'cyan', confirmed: 'geekblue', fixed: 'green', declined: 'default', revisited: 'purple' };

import { api } from '../../app/api';
import type { Page, UploadResult } from '../../app/types';

// Wire types of src/domains/ops/feedback/contracts.ts (dates as ISO strings).
export const FEEDBACK_KINDS = ['feature', 'operation', 'experience', 'network'] as const;
export const FEEDBACK_STATES = ['filed', 'classified', 'confirmed', 'fixed', 'declined', 'revisited'] as const;
export const SATISFACTION = ['satisfied', 'basically', 'unsatisfied'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export type FeedbackState = (typeof FEEDBACK_STATES)[number];
export type Satisfaction = (typeof SATISFACTION)[number];

export type FeedbackSummary = {
  id: string;
  no: string;
  kind: FeedbackKind;
  state: FeedbackState;
  text: string;
  filerName: string;
  filerOrg: string;
  filerRegion: string;
  pageAddress: string | null;
  satisfaction: Satisfaction | null;
  createdAt: string;
  updatedAt: string;
};
export type FeedbackEvent = { actorName: string; fromState: FeedbackState | null; toState: FeedbackState; note: string | null; at: string };
export type Feedback = FeedbackSummary & { screenshots: string[]; proposal: string | null; resolution: string | null; revisitNote: string | null; classifiedBy: string | null; events: FeedbackEvent[] };
export type FeedbackFilters = { state?: FeedbackState; kind?: FeedbackKind; from?: string; to?: string };
export type FeedbackStats = { from: string; to: string; rows: { kind: FeedbackKind; counts: Record<FeedbackState, number>; total: number }[]; total: number };

export const feedbackApi = {
  uploadScreenshot: (file: Blob, filename: string) => api.upload<UploadResult>('/feedback/screenshots', file, filename),
  file: (body: { kind: FeedbackKind; text: string; pageAddress?: string; screenshots: string[] }, key: string) => api.postOnce<Feedback>('/feedback', body, key),
  mine: (cursor?: string) => api.get<Page<FeedbackSummary>>('/feedback/mine', { cursor, limit: 50 }),
  list: (filters: FeedbackFilters, cursor?: string) => api.get<Page<FeedbackSummary> & { total: number }>('/feedback', { ...filters, cursor, limit: 50 }),
  stats: (from: string, to: string) => api.get<FeedbackStats>('/feedback/stats', { from, to }),
  sheet: (filters: FeedbackFilters & { from: string; to: string }) => api.download('/feedback.xlsx', filters),
  get: (id: string) => api.get<Feedback>(`/feedback/${encodeURIComponent(id)}`),
  screenshotUrl: (id: string, fileId: string) => `/api/v1/feedback/${encodeURIComponent(id)}/screenshots/${encodeURIComponent(fileId)}`,
  classify: (id: string, body: { kind: FeedbackKind; proposal: string }) => api.post<Feedback>(`/feedback/${encodeURIComponent(id)}/classify`, body),
  confirm: (id: string, body: { note?: string }) => api.post<Feedback>(`/feedback/${encodeURIComponent(id)}/confirm`, body),
  fix: (id: string, body: { resolution: string }) => api.post<Feedback>(`/feedback/${encodeURIComponent(id)}/fix`, body),
  decline: (id: string, body: { reason: string }) => api.post<Feedback>(`/feedback/${encodeURIComponent(id)}/decline`, body),
  revisit: (id: string, body: { satisfaction: Satisfaction; note: string }) => api.post<Feedback>(`/feedback/${encodeURIComponent(id)}/revisit`, body),
};

export const STATE_COLOR: Record<FeedbackState, string> = { filed: 'blue', classified: 'cyan', confirmed: 'geekblue', fixed: 'green', declined: 'default', revisited: 'purple' };

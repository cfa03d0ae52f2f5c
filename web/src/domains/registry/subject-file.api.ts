import { api } from '../../app/api';
import type { Base, Batch, ChangeRequest, Page, Product, Trade } from '../../app/types';

// The parts of a subject's file (一户一档) for officials, each read on its own (a part that fails shows its error,
// the others still show). The server answers 404 for a subject outside the official's jurisdiction.

export type FileHistoryEntry = { id: number; at: string; action: string; actorName: string | null; actorAffiliation: string | null; before: unknown; after: unknown };
export type FileInspection = { id: string; agencyName: string; inspectorName: string; conclusion: 'compliant' | 'problem'; rectification: 'none' | 'pending' | 'overdue' | 'done'; findings: string | null; inspectedAt: string };
export type FileSample = { id: string; sampleNo: string; productName: string; status: 'sampled' | 'received' | 'tested'; verdict: 'pass' | 'fail' | 'none' | null; samplerName: string; sampledAt: string };
export type FileCase = { id: string; caseNo: string; title: string; agencyName: string; stage: string; createdAt: string };

const id = (s: string) => encodeURIComponent(s);
const page = { limit: 20 };

export const subjectFileApi = {
  bases: (subjectId: string, cursor?: string) => api.get<Page<Base>>(`/trace/subjects/${id(subjectId)}/bases`, { ...page, cursor }),
  products: (subjectId: string, cursor?: string) => api.get<Page<Product>>(`/trace/subjects/${id(subjectId)}/products`, { ...page, cursor }),
  batches: (subjectId: string, cursor?: string) => api.get<Page<Batch>>(`/trace/subjects/${id(subjectId)}/batches`, { ...page, cursor }),
  trades: (subjectId: string, direction: 'incoming' | 'outgoing', cursor?: string) => api.get<Page<Trade>>(`/trace/subjects/${id(subjectId)}/trades`, { ...page, direction, cursor }),
  inspections: (subjectId: string, cursor?: string) => api.get<Page<FileInspection>>('/supervision/inspections', { ...page, subjectId, cursor }),
  samples: (subjectId: string, cursor?: string) => api.get<Page<FileSample>>('/monitoring/samples', { ...page, subjectId, cursor }),
  cases: (subjectId: string, cursor?: string) => api.get<Page<FileCase>>('/enforcement/cases', { ...page, subjectId, cursor }),
  history: (subjectId: string, cursor?: string) => api.get<Page<FileHistoryEntry>>(`/registry/subjects/${id(subjectId)}/history`, { ...page, cursor }),
  changeRequests: (subjectId: string, cursor?: string) => api.get<Page<ChangeRequest>>('/registry/change-requests', { ...page, subjectId, cursor }),
};

import { api } from '../../../app/api';
import type { Out, Page } from '../../../app/contract';
import type * as enforcement from '../../../../../src/domains/enforcement/contracts';
import type * as monitoring from '../../../../../src/domains/monitoring/contracts';
import type * as supervision from '../../../../../src/domains/supervision/contracts';
import type { Base, Batch, Product, Trade } from '../../trace/trace.types';
import type { ChangeRequest, FileHistoryEntry } from './subject.types';

// The parts of a subject's file (一户一档) for officials, each read on its own (a part that fails shows its error,
// the others still show). The server answers 404 for a subject outside the official's jurisdiction.

export type { FileHistoryEntry };
export type FileInspection = Out<typeof supervision.inspectionPage>['items'][number];
export type FileSample = Out<typeof monitoring.sampleListItem>;
export type FileCase = Out<typeof enforcement.caseListItem>;

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

import { api } from '../../../app/api';
import type { BatchLookup, RecallList } from '../trace.types';

// The agencies' side of traceability: the batch behind a code (their jurisdiction) and its recall list.

const id = (value: string) => encodeURIComponent(value);

export const lookupApi = {
  /** 404 BATCH_NOT_FOUND when no batch of my jurisdiction has the code. */
  batchByCode: (code: string) => api.get<BatchLookup>(`/trace/batches/by-code/${id(code)}`),
  /** 召回清单: every downstream holder with phone (in full), address, quantity received and stock; audited. */
  recall: (batchId: string) => api.get<RecallList>(`/trace/batches/${id(batchId)}/recall`),
  recallXlsx: (batchId: string) => api.download(`/trace/batches/${id(batchId)}/recall.xlsx`),
};

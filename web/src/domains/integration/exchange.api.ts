import { api } from '../../app/api';
import type { DocumentState, ExchangeDocumentPage } from './exchange.types';

export * from './exchange.types';

export const exchangeApi = {
  documents: (clientId: string, state: DocumentState | undefined, cursor?: string) => api.get<ExchangeDocumentPage>(`/integration/clients/${clientId}/documents`, { state, cursor, limit: 20 }),
};

import { api } from '../../app/api';
import type { Page } from '../../app/types';

export type ResetRequest = { id: string; userId: string; username: string; displayName: string; role: string; agencyId: string; agencyName: string; requestedAt: string };
export type RecoveredCode = { trackingCode: string; name: string; status: string; submittedAt: string };

/** Getting in when one cannot: the login page's options, a forgotten password, a lost tracking code. */
export const recoveryApi = {
  loginOptions: () => api.get<{ demo: boolean }>('/public/login-options'),
  requestReset: (username: string) => api.post<{ received: true }>('/auth/password-reset-requests', { username }),
  resetRequests: (cursor?: string) => api.get<Page<ResetRequest>>('/password-reset-requests', { limit: 50, cursor }),
  recoverCodes: (idNumber: string, phone: string) => api.post<{ items: RecoveredCode[] }>('/registry/applications/recover', { idNumber, phone }),
};

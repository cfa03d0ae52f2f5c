import { api } from '../../../app/api';
import type { Out, Page } from '../../../app/contract';
import type * as recovery from '../../../../../src/domains/registry/accounts/recovery.contracts';

export type ResetRequest = Out<typeof recovery.resetRequestItem>;
export type RecoveredCode = Out<typeof recovery.recoverCodesOut>['items'][number];

/** Getting in when one cannot: the login page's options, a forgotten password, a lost tracking code. */
export const recoveryApi = {
  loginOptions: () => api.get<Out<typeof recovery.loginOptionsOut>>('/public/login-options'),
  requestReset: (username: string) => api.post<Out<typeof recovery.resetRequestOut>>('/auth/password-reset-requests', { username }),
  resetRequests: (cursor?: string) => api.get<Page<ResetRequest>>('/password-reset-requests', { limit: 50, cursor }),
  recoverCodes: (idNumber: string, phone: string) => api.post<Out<typeof recovery.recoverCodesOut>>('/registry/applications/recover', { idNumber, phone }),
};

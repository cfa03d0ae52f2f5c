import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onApiError, setCsrfToken } from './api';
import { ApiError } from './api-error';
import type { AgencyMe, Me } from '../domains/registry/registry.types';
import type { Permission } from './types';

/** `expired`: the session ended without the person signing out (it timed out, or was revoked): the login page says so. */
type AuthState = { status: 'loading' } | { status: 'anonymous'; expired?: boolean } | { status: 'signed-in'; me: Me };

type Auth = {
  state: AuthState;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Reloads /auth/me (after a password change, or when the server says the password must change). */
  refresh: () => Promise<void>;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const accept = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'signed-in', me });
    return me;
  }, []);

  const signOut = useCallback((expired = false) => {
    setCsrfToken(null);
    setState((current) => ({ status: 'anonymous', expired: expired && (current.status === 'signed-in' || (current.status === 'anonymous' && current.expired === true)) }));
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get<Me>('/auth/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) signOut();
      else throw error;
    }
  }, [accept, signOut]);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'anonymous' }));
  }, [refresh]);

  useEffect(
    () =>
      onApiError((error) => {
        if (error.code === 'UNAUTHENTICATED' || error.status === 401) signOut(true);
        else if (error.code === 'PASSWORD_CHANGE_REQUIRED') void refresh().catch(() => undefined);
      }),
    [refresh, signOut],
  );

  const value = useMemo<Auth>(
    () => ({
      state,
      login: async (username, password) => accept(await api.post<Me>('/auth/login', { username, password })),
      logout: async () => {
        try {
          await api.post('/auth/logout');
        } finally {
          // The next account to log in starts from its own first page, not the last one's.
          window.history.replaceState(null, '', '/');
          signOut();
        }
      },
      refresh,
    }),
    [state, accept, signOut, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in account; only for components rendered inside the signed-in part of the console. */
export function useMe(): Me & { can: (permission: Permission) => boolean } {
  const { state } = useAuth();
  const me = state.status === 'signed-in' ? state.me : null;
  const value = useMemo(() => (me ? { ...me, can: (p: Permission) => me.permissions.includes(p) } : null), [me]);
  if (!value) throw new Error('useMe without a session');
  return value;
}

/** The signed-in official; only for pages that need an agency-side permission (a producer's account has none). */
export function useAgencyMe(): AgencyMe & { can: (permission: Permission) => boolean } {
  const me = useMe();
  if (!me.agency || me.jurisdiction === null) throw new Error('useAgencyMe with a producer account');
  return me as AgencyMe & { can: (permission: Permission) => boolean };
}

import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from './api-error';
import { useAuth } from './auth';
import { useI18n } from './i18n';

// How the console says a load failed, and that a list is empty: one look everywhere. A failed load is never shown
// as an empty list; it stays on the page (not a passing toast) with 重试, and an expired session leads to login.

/** Whether the error says the session is gone (expired, or signed out elsewhere). */
export const sessionExpired = (error: unknown) => error instanceof ApiError && (error.status === 401 || error.code === 'UNAUTHENTICATED');

/** The inline error of a load that failed: what went wrong and 重试 (or 重新登录 when the session expired). */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  const { t, errorText } = useI18n();
  const { logout } = useAuth();
  const expired = sessionExpired(error);
  return (
    <Alert
      type={expired ? 'warning' : 'error'}
      showIcon
      role="alert"
      data-testid="load-error"
      title={expired ? t('load.expired') : t('load.failed')}
      description={expired ? undefined : errorText(error)}
      action={
        expired ? (
          <Button size="small" type="primary" onClick={() => void logout().catch(() => undefined)}>
            {t('load.toLogin')}
          </Button>
        ) : (
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void onRetry()} data-testid="load-retry">
            {t('load.retry')}
          </Button>
        )
      }
      style={{ margin: '8px 0' }}
    />
  );
}

/** The one empty state: a simple image and a sentence (and optionally what to do next). */
export function EmptyState({ description, children }: { description?: ReactNode; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('load.empty')} data-testid="empty-state">
      {children}
    </Empty>
  );
}

type ListLike = { items: unknown[]; loading: boolean; error: unknown; reload: () => Promise<void> };

/**
 * A list's body: the load error with 重试 when the first page failed, the empty state when there is truly nothing,
 * else the items. A later page that fails shows its error under the items (LoadMore).
 */
export function ListBody({ list, empty, children }: { list: ListLike; empty: ReactNode; children: ReactNode }) {
  if (list.error && list.items.length === 0) return <LoadError error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0 && !list.loading) return <EmptyState description={empty} />;
  return <>{children}</>;
}

import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { LoadError } from '../app/LoadError';
import type { LoadState } from './use-loaded';

/** What a page shows of one read (useLoaded): the error with 重试, a skeleton while it loads, else the record. */
export function Loaded<T>({ state, children }: { state: LoadState<T>; children: (data: T) => ReactNode }) {
  if (state.error) return <LoadError error={state.error} onRetry={state.retry} />;
  if (state.data === undefined) return <Skeleton active />;
  return <>{children(state.data)}</>;
}

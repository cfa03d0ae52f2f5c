import type { ResultProps } from 'antd';
import { lazy, Suspense } from 'react';

// antd's Result carries its 403/404/500 pictures (about a tenth of the shell's antd code): a page that shows one is
// rare, so it loads when shown rather than with the console's first code (issue 15 §9).
const Result = lazy(() => import('antd/es/result'));

export function LazyResult(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <Result {...props} />
    </Suspense>
  );
}

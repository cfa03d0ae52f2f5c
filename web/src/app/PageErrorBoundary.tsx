import { CloseCircleFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useI18n } from './i18n';

type Props = { children: ReactNode };
type State = { error: Error | null };

/** Keeps one page's failure (a chunk that failed to load, a render bug) from blanking the whole console. */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error) return <PageError error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

function PageError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  // Plain markup rather than antd's Result: this must show even when the failure was a chunk that did not load,
  // and Result's code is itself loaded only when needed (LazyResult).
  return (
    <div className="tn-page-error" role="alert">
      <CloseCircleFilled className="tn-page-error-icon" />
      <div className="tn-page-error-title">{t('app.pageError')}</div>
      <div className="tn-page-error-detail">{error.message}</div>
      <Button onClick={onRetry}>{t('app.retry')}</Button>
    </div>
  );
}

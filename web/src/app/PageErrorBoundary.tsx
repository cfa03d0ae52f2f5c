import { Button, Result } from 'antd';
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
  return (
    <Result
      status="error"
      title={t('app.pageError')}
      subTitle={error.message}
      extra={<Button onClick={onRetry}>{t('app.retry')}</Button>}
    />
  );
}

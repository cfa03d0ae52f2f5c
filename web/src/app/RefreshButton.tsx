import { ReloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from './i18n';

/** Reads a cursor-paged list again from its first page (a filter bar's last button). */
export function RefreshButton({ list }: { list: { reload: () => Promise<void> } }) {
  const { t } = useI18n();
  return <Button icon={<ReloadOutlined />} onClick={() => void list.reload()} aria-label={t('common.refresh')} />;
}

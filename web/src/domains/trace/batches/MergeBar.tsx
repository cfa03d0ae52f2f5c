import { Alert, Button, Popconfirm } from 'antd';
import { useI18n } from '../../../app/i18n';

/** The merge bar of the batch list: how many are chosen, and 合并 with a confirmation. Loaded when merging starts. */
export default function MergeBar({ count, canMerge, busy, onMerge }: { count: number; canMerge: boolean; busy: boolean; onMerge: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type={count >= 2 && !canMerge ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      title={count >= 2 && !canMerge ? t('merge.sameProduct') : t('merge.hint', { n: count })}
      action={
        <Popconfirm title={t('merge.confirm', { n: count })} onConfirm={onMerge} disabled={!canMerge}>
          <Button type="primary" size="small" disabled={!canMerge} loading={busy}>
            {t('merge.submit', { n: count })}
          </Button>
        </Popconfirm>
      }
    />
  );
}

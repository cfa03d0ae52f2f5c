import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { api, saveBlob, type Query } from './api';
import { useI18n } from './i18n';
import type { ListTotal } from './contract';

/** "共 12 条" for the filter on screen, "超过 10000 条" past the server's counting cap; nothing while unknown. */
export function ListTotalText({ total }: { total: ListTotal | null }) {
  const { t } = useI18n();
  if (!total) return null;
  return (
    <span className="tn-secondary" data-testid="list-total">
      {total.capped ? t('list.totalCapped', { n: total.value }) : t('list.total', { n: total.value })}
    </span>
  );
}

/**
 * 导出: the list's own filter as an .xlsx from the server (same jurisdiction, at most 10,000 rows, audited there).
 * Past the cap the button says so instead of sending a request the server would refuse.
 */
export function ExportButton({ path, query, filename, total }: { path: string; query: Query; filename: string; total: ListTotal | null }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (total?.capped) {
      void message.warning(t('list.exportCapped', { n: total.value }));
      return;
    }
    setBusy(true);
    try {
      saveBlob(await api.download(path, query), filename);
      void message.success(t('list.exported', { file: filename }));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} disabled={total?.value === 0} data-testid="list-export">
      {t('list.export')}
    </Button>
  );
}

import { App, Switch, Tooltip } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useAction } from '../../../shared/use-action';

/** 在线展示: the producer's choice to show a product in the public showcase; the server's answer is what is shown. */
export function ShowcaseSwitch({ id, shown, disabled, onChanged }: { id: string; shown: boolean; disabled: boolean; onChanged: (shown: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { busy, run } = useAction();
  const change = async (next: boolean) => {
    await run(async () => {
      const saved = await api.post<{ id: string; showcased: boolean }>(`/trace/products/${id}/showcase`, { shown: next });
      onChanged(saved.showcased);
      void message.success(saved.showcased ? t('showcase.shown') : t('showcase.hidden'));
    });
  };
  return (
    <Tooltip title={t('showcase.hint')}>
      <span className="tn-nowrap">
        <Switch size="small" checked={shown} loading={busy} disabled={disabled} onChange={(v) => void change(v)} data-testid="product-showcase" /> {t('showcase.label')}
      </span>
    </Tooltip>
  );
}

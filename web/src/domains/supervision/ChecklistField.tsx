import { Radio, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import type { Answer, ChecklistItem } from './supervision.types';

/** The checklist as a form field: each item answered 符合 / 不符合 / 不适用, big enough for a thumb. */
export function ChecklistField({ items, value = [], onChange }: { items: ChecklistItem[]; value?: Answer[]; onChange?: (answers: Answer[]) => void }) {
  const { t, lang } = useI18n();
  const resultOf = (key: string) => value.find((a) => a.key === key)?.result ?? 'pass';
  const set = (key: string, result: Answer['result']) => onChange?.(items.map((i) => ({ key: i.key, result: i.key === key ? result : resultOf(i.key) })));
  return (
    <div className="tn-checklist" data-testid="checklist">
      {items.map((item) => (
        <div key={item.key} className="tn-checklist-item">
          <Typography.Text>{lang === 'zh' ? item.zh : item.en}</Typography.Text>
          <Radio.Group
            size="small"
            optionType="button"
            buttonStyle="solid"
            value={resultOf(item.key)}
            onChange={(e) => set(item.key, e.target.value as Answer['result'])}
            data-testid={`check-${item.key}`}
            options={[
              { value: 'pass', label: t('inspect.pass') },
              { value: 'fail', label: t('inspect.fail') },
              { value: 'na', label: t('inspect.na') },
            ]}
          />
        </div>
      ))}
    </div>
  );
}

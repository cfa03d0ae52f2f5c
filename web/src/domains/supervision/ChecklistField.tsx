import { Radio, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import type { Answer, ChecklistItem } from './supervision.types';

/**
 * The checklist as a form field: each item answered 符合 / 不符合 / 不适用, big enough for a thumb. Nothing is
 * preset — an item nobody answered stays unanswered (marked 未作答) and the form refuses to go on.
 */
export function ChecklistField({ items, value = [], onChange }: { items: ChecklistItem[]; value?: Answer[]; onChange?: (answers: Answer[]) => void }) {
  const { t, lang } = useI18n();
  const resultOf = (key: string) => value.find((a) => a.key === key)?.result;
  const set = (key: string, result: Answer['result']) =>
    onChange?.(
      items.flatMap((i) => {
        const r = i.key === key ? result : resultOf(i.key);
        return r ? [{ key: i.key, result: r }] : [];
      }),
    );
  return (
    <div className="tn-checklist" data-testid="checklist">
      {items.map((item) => {
        const result = resultOf(item.key);
        return (
          <div key={item.key} className={`tn-checklist-item${result ? '' : ' tn-checklist-open'}`} data-answered={result ? 'yes' : 'no'}>
            <Typography.Text>
              {lang === 'zh' ? item.zh : item.en}
              {!result && (
                <Typography.Text type="warning" className="tn-checklist-flag">
                  {t('inspect.unanswered')}
                </Typography.Text>
              )}
            </Typography.Text>
            <Radio.Group
              size="small"
              optionType="button"
              buttonStyle="solid"
              value={result ?? null}
              onChange={(e) => set(item.key, e.target.value as Answer['result'])}
              data-testid={`check-${item.key}`}
              options={[
                { value: 'pass', label: t('inspect.pass') },
                { value: 'fail', label: t('inspect.fail') },
                { value: 'na', label: t('inspect.na') },
              ]}
            />
          </div>
        );
      })}
    </div>
  );
}

/** The items nobody answered yet, in the checklist's order. */
export function unansweredItems(items: ChecklistItem[], answers: Answer[] | undefined): ChecklistItem[] {
  const answered = new Set((answers ?? []).map((a) => a.key));
  return items.filter((i) => !answered.has(i.key));
}

import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../app/i18n';
import type { ProductClass } from '../domains/trace/trace.types';
import { traceApi } from '../domains/trace/trace.api';

type Option = { value: string; label: string; isLeaf: boolean; children?: Option[] };

type Props = { value?: string; onChange?: (code: string | undefined) => void; id?: string };

/** 0401 → [04, 0401]: a class code is its parent's code plus two digits. */
const pathOf = (code: string) => Array.from({ length: code.length / 2 }, (_, i) => code.slice(0, 2 * (i + 1)));

function setChildren(options: Option[], code: string, children: Option[]): Option[] {
  return options.map((o) => {
    if (o.value === code) return children.length ? { ...o, children } : { ...o, isLeaf: true, children: undefined };
    if (o.children && code.startsWith(o.value)) return { ...o, children: setChildren(o.children, code, children) };
    return o;
  });
}

/**
 * The traceable-product classification (GB 2763 Appendix A), one level at a time (GET /trace/product-classes?parent=).
 * Any level may be chosen: a producer of 番茄 picks 蔬菜 / 茄果类 / 番茄, a mixed box stops at 蔬菜.
 */
export function ProductClassCascader({ value, onChange, id }: Props) {
  const { t, lang, errorText } = useI18n();
  const [classes, setClasses] = useState<Map<string, ProductClass[]>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const load = async (parent?: string) => {
    const { items } = await traceApi.productClasses(parent);
    setClasses((current) => new Map(current).set(parent ?? '', items));
  };

  useEffect(() => {
    load().catch((err: unknown) => setError(errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the first level once; the rest as the user goes
  }, []);
  // A class already chosen (a product being corrected) is shown by its names: the levels above it are read first.
  useEffect(() => {
    if (!value) return;
    for (const parent of pathOf(value).slice(0, -1)) if (!classes.has(parent)) load(parent).catch((err: unknown) => setError(errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per value; loading changes `classes`
  }, [value]);

  const toOption = (c: ProductClass): Option => ({ value: c.code, label: lang === 'zh' ? c.nameZh : c.nameEn, isLeaf: !c.hasChildren });
  let options = (classes.get('') ?? []).map(toOption);
  for (const [parent, items] of classes) if (parent) options = setChildren(options, parent, items.map(toOption));

  return (
    <Cascader<Option>
      id={id}
      options={options}
      loadData={(selected) => {
        const parent = selected[selected.length - 1];
        if (parent && !classes.has(parent.value)) load(parent.value).catch((err: unknown) => setError(errorText(err)));
      }}
      value={value ? pathOf(value) : undefined}
      onChange={(path) => onChange?.(path?.length ? String(path[path.length - 1]) : undefined)}
      changeOnSelect
      // A level not read yet would show its code: '…' until every name is in.
      displayRender={(labels, selected) => (selected && selected.length === labels.length && selected.every(Boolean) ? labels.join(' / ') : '…')}
      showSearch={false}
      placeholder={t('product.classPlaceholder')}
      status={error ? 'error' : undefined}
      notFoundContent={error ?? undefined}
      style={{ width: '100%' }}
      classNames={{ popup: { root: 'tn-region-popup' } }}
      data-testid="class-cascader"
    />
  );
}

import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../app/i18n';
import { REGION_DIGITS } from '../app/labels';
import type { Region } from '../domains/registry/registry.types';
import { allPages, registryApi } from '../domains/registry/registry.api';

type Option = { value: string; label: string; isLeaf: boolean; children?: Option[]; disabled?: boolean };

type Props = {
  /** The 9-digit township code */
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
};

const TOWNSHIP = 4;
const toOption = (r: Region): Option => ({ value: r.code, label: r.name, isLeaf: r.level >= TOWNSHIP });
/** 370783100 → [37, 3707, 370783, 370783100] */
const pathOf = (code: string) => REGION_DIGITS.filter((n) => n > 0 && n <= code.length).map((n) => code.slice(0, n));
const children = (parent?: string) => allPages((cursor) => registryApi.regions(parent, cursor)).then((list) => list.map(toOption));

function setChildren(options: Option[], code: string, list: Option[]): Option[] {
  return options.map((o) => {
    if (o.value === code) return list.length ? { ...o, children: list } : { ...o, isLeaf: true, children: undefined, disabled: true };
    if (o.children && code.startsWith(o.value)) return { ...o, children: setChildren(o.children, code, list) };
    return o;
  });
}

/**
 * Province → city → county → township, each column loaded on demand (GET /regions?parent=). A value given
 * from the start (a resubmission) has its columns loaded along its path so that its names show.
 */
export function TownshipCascader({ value, onChange, id }: Props) {
  const { t, errorText } = useI18n();
  const [options, setOptions] = useState<Option[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = async () => {
      let tree = await children();
      if (value && value.length === 9) {
        const path = pathOf(value).slice(0, -1);
        const lists = await Promise.all(path.map((code) => children(code)));
        path.forEach((code, i) => (tree = setChildren(tree, code, lists[i]!)));
      }
      if (live) setOptions(tree);
    };
    load().catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the path of the first value only; later choices load as the user goes
  }, []);

  const loadData = async (selected: Option[]) => {
    const parent = selected[selected.length - 1];
    if (!parent) return;
    try {
      const list = await children(parent.value);
      setOptions((current) => setChildren(current, parent.value, list));
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <Cascader<Option>
      id={id}
      options={options}
      loadData={loadData}
      value={value ? pathOf(value) : undefined}
      onChange={(path) => onChange?.(path ? String(path[path.length - 1]) : undefined)}
      placeholder={t('reg.regionPlaceholder')}
      status={error ? 'error' : undefined}
      notFoundContent={error ?? undefined}
      style={{ width: '100%' }}
      classNames={{ popup: { root: 'tn-region-popup' } }}
      data-testid="township-cascader"
    />
  );
}

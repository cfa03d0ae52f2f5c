import { Cascader, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../app/i18n';
import { LEVEL_BY_REGION_LEVEL, levelLabel, REGION_DIGITS } from '../app/labels';
import type { Region } from '../domains/registry/registry.types';
import { allPages, registryApi } from '../domains/registry/registry.api';

type Option = { value: string; label: string; isLeaf: boolean; level: number; children?: Option[]; disabled?: boolean };

type Props = {
  /** The region code the new agency's region must start with ('' = anywhere) */
  within: string;
  /** The level the chosen region must have: 1 province … 4 township */
  regionLevel: number;
  value?: string;
  onChange?: (code: string | undefined, name: string | undefined) => void;
  id?: string;
};

/** The codes from just below `within` down to `code`: 41 → [41]; 410102 within 41 → [4101, 410102]. */
function pathOf(code: string, within: string): string[] {
  return REGION_DIGITS.filter((n) => n > within.length && n <= code.length).map((n) => code.slice(0, n));
}

/**
 * Picks a region inside `within` at exactly `regionLevel`, loading each column on demand. When the level
 * is that of `within` itself (a province creating its own testing agency) the region is fixed.
 */
export function RegionCascader({ within, regionLevel, value, onChange, id }: Props) {
  const { t, errorText } = useI18n();
  const fixed = within.length === REGION_DIGITS[regionLevel];
  const [options, setOptions] = useState<Option[]>([]);
  const [fixedName, setFixedName] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const target = LEVEL_BY_REGION_LEVEL[regionLevel] ?? 'province';

  const toOption = (r: Region): Option => ({ value: r.code, label: r.name, level: r.level, isLeaf: r.level >= regionLevel });

  useEffect(() => {
    let live = true;
    setError(null);
    if (fixed) {
      registryApi.region(within).then(
        (r) => {
          if (!live) return;
          setFixedName(r.path.map((p) => p.name).join(' / '));
          onChange?.(r.code, r.name);
        },
        (err: unknown) => live && setError(errorText(err)),
      );
    } else {
      setOptions([]);
      allPages((cursor) => registryApi.regions(within || undefined, cursor)).then(
        (list) => live && setOptions(list.map(toOption)),
        (err: unknown) => live && setError(errorText(err)),
      );
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the allowed area changes
  }, [within, regionLevel, fixed]);

  if (fixed) return <Input id={id} value={fixedName || within} readOnly status={error ? 'error' : undefined} />;

  const loadData = async (selected: Option[]) => {
    const parent = selected[selected.length - 1];
    if (!parent) return;
    try {
      const children = (await allPages((cursor) => registryApi.regions(parent.value, cursor))).map(toOption);
      // A region with nothing below it cannot reach the required level: keep it, but not as a choice.
      setOptions((current) => setChildren(current, parent.value, children));
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <Cascader<Option>
      id={id}
      options={options}
      loadData={loadData}
      value={value ? pathOf(value, within) : undefined}
      onChange={(path, selected) => {
        const last = selected?.[selected.length - 1];
        onChange?.(path ? last?.value : undefined, last?.label);
      }}
      changeOnSelect={false}
      placeholder={t('allocate.regionPlaceholder', { level: levelLabel(t, target) })}
      status={error ? 'error' : undefined}
      notFoundContent={error ?? undefined}
      style={{ width: '100%' }}
      data-testid="region-cascader"
    />
  );
}

function setChildren(options: Option[], code: string, children: Option[]): Option[] {
  return options.map((o) => {
    if (o.value === code) return children.length ? { ...o, children } : { ...o, isLeaf: true, children: undefined, disabled: true };
    if (o.children && code.startsWith(o.value)) return { ...o, children: setChildren(o.children, code, children) };
    return o;
  });
}

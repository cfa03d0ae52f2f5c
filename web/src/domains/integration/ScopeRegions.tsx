import { Button, Cascader, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { Region } from '../registry/registry.types';
import { allPages, registryApi } from '../registry/registry.api';

type Option = { value: string; label: string; isLeaf: boolean; children?: Option[] };
export type ScopeRegion = { code: string; name: string | null };

/**
 * The regions of a client's scope: any number, each a province, city, county or township inside `within` (the
 * agency's jurisdiction, '' for the ministry, which may also give the whole country).
 */
export function ScopeRegions({ within, value = [], onChange }: { within: string; value?: ScopeRegion[]; onChange?: (v: ScopeRegion[]) => void }) {
  const { t, errorText } = useI18n();
  const [options, setOptions] = useState<Option[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ code: string; name: string } | null>(null);
  const toOption = (r: Region): Option => ({ value: r.code, label: r.name, isLeaf: r.level >= 4 });

  useEffect(() => {
    let live = true;
    allPages((cursor) => registryApi.regions(within || undefined, cursor)).then(
      (list) => live && setOptions(list.map(toOption)),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the jurisdiction changes
  }, [within]);

  const loadData = async (selected: Option[]) => {
    const parent = selected[selected.length - 1];
    if (!parent) return;
    try {
      const children = (await allPages((cursor) => registryApi.regions(parent.value, cursor))).map(toOption);
      setOptions((current) => withChildren(current, parent.value, children));
    } catch (err) {
      setError(errorText(err));
    }
  };

  const add = (region: ScopeRegion) => {
    if (!value.some((r) => r.code === region.code)) onChange?.([...value, region]);
    setPicked(null);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div>
        {value.map((r) => (
          <Tag key={r.code} closable onClose={() => onChange?.(value.filter((x) => x.code !== r.code))} data-testid={`scope-region-${r.code || 'all'}`}>
            {r.code === '' ? t('integration.wholeCountry') : (r.name ?? t('integration.regionUnnamed'))}
          </Tag>
        ))}
        {value.length === 0 && <span className="tn-muted">{t('integration.noRegions')}</span>}
      </div>
      <Space wrap>
        <Cascader<Option>
          options={options}
          loadData={loadData}
          changeOnSelect
          value={picked ? [picked.code] : undefined}
          displayRender={(labels) => labels.join(' / ')}
          onChange={(_path, selected) => {
            const last = selected?.[selected.length - 1];
            setPicked(last ? { code: last.value, name: (selected ?? []).map((o) => o.label).join(' / ') } : null);
          }}
          placeholder={t('integration.pickRegion')}
          status={error ? 'error' : undefined}
          notFoundContent={error ?? undefined}
          style={{ minWidth: 260 }}
          data-testid="scope-region-picker"
        />
        <Button onClick={() => picked && add(picked)} disabled={!picked} data-testid="scope-region-add">
          {t('integration.addRegion')}
        </Button>
        {within === '' && (
          <Button onClick={() => add({ code: '', name: null })} data-testid="scope-region-add-all">
            {t('integration.addWholeCountry')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

function withChildren(options: Option[], code: string, children: Option[]): Option[] {
  return options.map((o) => {
    if (o.value === code) return children.length ? { ...o, children } : { ...o, isLeaf: true, children: undefined };
    if (o.children && code.startsWith(o.value)) return { ...o, children: withChildren(o.children, code, children) };
    return o;
  });
}

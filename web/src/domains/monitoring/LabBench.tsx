import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, InputNumber, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { ENTER_CELLS, rowAfter, toResults, type BenchRow, type EnterCell } from './bench-rows';
import { LimitHint } from './LimitHint';
import { monitoringApi } from './monitoring.api';
import { RESULT_UNITS, type Analyte, type Sample } from './monitoring.types';
import { useAction } from '../../shared/use-action';

let analytesOnce: Promise<Analyte[]> | null = null;
function allAnalytes(): Promise<Analyte[]> {
  analytesOnce ??= monitoringApi.analytes();
  analytesOnce.catch(() => (analytesOnce = null));
  return analytesOnce;
}

/**
 * 检测结果录入, built for the keyboard: one row per analyte; Enter moves to the next cell and from a row's last
 * cell to the next row (adding one at the end); a new row keeps the previous one's method, unit and LOD. Beside
 * each row, the limit that applies to the sample's class. Submitting judges the sample (version 1), or, with a
 * reason, issues a corrected version.
 */
export function LabBench({ sample, correction, onSaved }: { sample: Sample; correction?: boolean; onSaved: (sample: Sample) => void }) {
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const [analytes, setAnalytes] = useState<Analyte[]>([]);
  const [rows, setRows] = useState<BenchRow[]>(() => {
    const last = sample.reports[0];
    if (!correction || !last) return [rowAfter()];
    // A correction starts from the results it corrects.
    return last.results.map((r) => ({
      ...rowAfter(),
      analyteCode: r.analyteCode,
      methodStandard: r.methodStandard,
      value: r.value,
      unit: r.unit === 'μg/kg' ? 'μg/kg' : 'mg/kg',
      lod: r.unit === 'μg/kg' ? r.lodMgPerKg * 1000 : r.lodMgPerKg,
      overrideValue: r.limitOverridden && r.limitMgPerKg !== null ? (r.unit === 'μg/kg' ? r.limitMgPerKg * 1000 : r.limitMgPerKg) : null,
      overrideStandard: r.limitOverridden ? r.limitStandard : '',
    }));
  });
  const [reason, setReason] = useState('');
  const { busy, run } = useAction();
  const table = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<{ row: number; cell: EnterCell } | null>(null);

  useEffect(() => {
    let live = true;
    allAnalytes().then(
      (list) => live && setAnalytes(list),
      (err: unknown) => void message.error(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [message, errorText]);

  const focus = (row: number, cell: EnterCell) => {
    const input = table.current?.querySelector<HTMLInputElement>(`[data-cell="${row}:${cell}"] input`);
    if (!input) return false;
    input.focus();
    input.select?.();
    return true;
  };
  // A cell of a row just added exists only after the render: focus it then.
  useEffect(() => {
    const p = pendingFocus.current;
    if (p && focus(p.row, p.cell)) pendingFocus.current = null;
  });

  const update = (index: number, patch: Partial<BenchRow>) => setRows((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const next = (index: number, cell: EnterCell) => {
    const at = ENTER_CELLS.indexOf(cell);
    if (at < ENTER_CELLS.length - 1) return void focus(index, ENTER_CELLS[at + 1]!);
    if (index < rows.length - 1) return void focus(index + 1, 'analyte');
    setRows((current) => [...current, rowAfter(current[current.length - 1])]);
    pendingFocus.current = { row: index + 1, cell: 'analyte' };
  };
  const onEnter = (index: number, cell: EnterCell) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    next(index, cell);
  };
  const cell = (index: number, name: EnterCell, child: ReactNode) => (
    <div data-cell={`${index}:${name}`} data-testid={`bench-${name}-${index}`}>
      {child}
    </div>
  );
  const nameOf = (a: Analyte) => (lang === 'zh' ? a.nameZh : a.nameEn);

  const columns: TableColumnsType<BenchRow> = [
    { key: 'n', title: '#', width: 40, render: (_, __, i) => i + 1 },
    {
      key: 'analyte',
      title: t('bench.analyte'),
      width: 200,
      render: (_, r, i) =>
        cell(
          i,
          'analyte',
          <Select
            showSearch={{
              filterOption: (input, option) => {
                const text = input.trim().toLowerCase();
                return Boolean(option && (String(option.value).toLowerCase().includes(text) || String(option.label).toLowerCase().includes(text) || String(option.title ?? '').toLowerCase().includes(text)));
              },
            }}
            value={r.analyteCode}
            onChange={(code: string) => {
              update(i, { analyteCode: code });
              // A choice made with Enter goes on to the method, as Enter does in every other cell.
              setTimeout(() => focus(i, 'method'));
            }}
            options={analytes.map((a) => ({ value: a.code, label: nameOf(a), title: `${a.nameZh} ${a.nameEn}` }))}
            placeholder={t('bench.analytePlaceholder')}
            style={{ width: '100%' }}
            popupMatchSelectWidth={false}
          />,
        ),
    },
    {
      key: 'method',
      title: t('bench.method'),
      width: 180,
      render: (_, r, i) => cell(i, 'method', <Input value={r.methodStandard} onChange={(e) => update(i, { methodStandard: e.target.value })} onKeyDown={onEnter(i, 'method')} placeholder="GB 23200.113-2018" />),
    },
    {
      key: 'value',
      title: t('bench.value'),
      width: 110,
      render: (_, r, i) => cell(i, 'value', <InputNumber value={r.value} onChange={(v) => update(i, { value: v ?? null })} onKeyDown={onEnter(i, 'value')} style={{ width: '100%' }} />),
    },
    {
      key: 'unit',
      title: t('bench.unit'),
      width: 100,
      render: (_, r, i) => <Select value={r.unit} onChange={(unit) => update(i, { unit })} options={RESULT_UNITS.map((u) => ({ value: u, label: u }))} style={{ width: '100%' }} data-testid={`bench-unit-${i}`} />,
    },
    {
      key: 'lod',
      title: t('bench.lod'),
      width: 100,
      render: (_, r, i) => cell(i, 'lod', <InputNumber value={r.lod} onChange={(v) => update(i, { lod: v ?? null })} onKeyDown={onEnter(i, 'lod')} style={{ width: '100%' }} />),
    },
    { key: 'limit', title: t('bench.applicable'), width: 220, render: (_, r) => <LimitHint row={r} classCode={sample.classCode} productName={sample.productName} animal={sample.animal} /> },
    {
      key: 'override',
      title: t('bench.override'),
      width: 260,
      render: (_, r, i) => (
        <Space.Compact style={{ width: '100%' }}>
          <InputNumber value={r.overrideValue} placeholder={t('bench.overrideValue')} onChange={(v) => update(i, { overrideValue: v ?? null })} style={{ width: 90 }} data-testid={`bench-override-value-${i}`} />
          <Input value={r.overrideStandard} placeholder={t('bench.overrideStandard')} onChange={(e) => update(i, { overrideStandard: e.target.value })} data-testid={`bench-override-standard-${i}`} />
        </Space.Compact>
      ),
    },
    {
      key: 'remove',
      width: 48,
      render: (_, __, i) => <Button type="text" icon={<DeleteOutlined />} aria-label={t('bench.removeRow')} disabled={rows.length === 1} onClick={() => setRows((current) => current.filter((_, j) => j !== i))} />,
    },
  ];

  const submit = async () => {
    const checked = toResults(rows);
    if ('badRow' in checked) return void message.warning(t('bench.incomplete', { row: checked.badRow }));
    if (checked.results.length === 0) return void message.warning(t('bench.empty'));
    if (correction && reason.trim().length < 4) return void message.warning(t('bench.reasonNeeded'));
    await run(async () => {
      const saved = correction ? await monitoringApi.correct(sample.id, checked.results, reason.trim()) : await monitoringApi.results(sample.id, checked.results);
      void message.success(t(correction ? 'bench.corrected' : 'bench.judged'));
      onSaved(saved);
    });
  };

  return (
    <Card title={t(correction ? 'bench.correctionTitle' : 'bench.title')} size="small" data-testid={correction ? 'correction-card' : 'lab-bench'}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('bench.hint', { cls: sample.classZh })}</Typography.Text>
        <div ref={table}>
          <Table<BenchRow> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 1260 }} />
        </div>
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => setRows((current) => [...current, rowAfter(current[current.length - 1])])} data-testid="bench-add">
          {t('bench.addRow')}
        </Button>
        {correction && <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('bench.reason')} maxLength={1000} data-testid="correction-reason" />}
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid={correction ? 'correction-submit' : 'bench-submit'}>
          {t(correction ? 'bench.submitCorrection' : 'bench.submit')}
        </Button>
      </Space>
    </Card>
  );
}

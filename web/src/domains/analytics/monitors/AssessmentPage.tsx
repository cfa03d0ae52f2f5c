import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber, Select, Space, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { saveBlob } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { EmptyState, LoadError } from '../../../app/LoadError';
import { limitRule } from '../../../app/number-limit';
import { percent, recentMonths } from '../months';
import { useLoaded } from '../../../shared/use-loaded';
import { INDICATOR_KEYS, monitorsApi, type Assessment, type IndicatorKey, type Indicators } from './monitors.api';
import { useAction } from '../../../shared/use-action';

type Values = Record<IndicatorKey, { on: boolean; weight?: number; target?: number }>;

/** The agency's indicators: each switched on with a weight (1–100) and the share (0–100 %) that earns it in full. */
function IndicatorsCard({ current, onSaved }: { current: Indicators; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useAction();
  const initial = useMemo(
    () => Object.fromEntries(INDICATOR_KEYS.map((k) => {
      const i = current.items.find((x) => x.indicator === k);
      return [k, i ? { on: true, weight: i.weight, target: Math.round(i.target * 1000) / 10 } : { on: false }];
    })) as Values,
    [current],
  );
  const save = async () => {
    const v = await form.validateFields();
    await run(async () => {
      const items = INDICATOR_KEYS.filter((k) => v[k]?.on).map((k) => ({ indicator: k, weight: v[k].weight!, target: v[k].target! / 100 }));
      await monitorsApi.setIndicators({ items });
      void message.success(t('assess.saved'));
      onSaved();
    });
  };
  return (
    <Card title={t('assess.indicators')} size="small" extra={<Button type="primary" loading={busy} onClick={() => void save()} data-testid="assess-save">{t('assess.save')}</Button>}>
      <Typography.Paragraph type="secondary">{t('assess.indicatorsHint')}</Typography.Paragraph>
      <Form form={form} initialValues={initial} layout="inline">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {INDICATOR_KEYS.map((k) => (
            <Space key={k} wrap>
              <Form.Item name={[k, 'on']} valuePropName="checked" style={{ marginBottom: 0 }}>
                <Switch size="small" data-testid={`assess-on-${k}`} />
              </Form.Item>
              <Typography.Text style={{ width: 180, display: 'inline-block' }}>{t(`indicator.${k}`)}</Typography.Text>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  form.getFieldValue([k, 'on']) ? (
                    <Space>
                      <Form.Item name={[k, 'weight']} label={t('assess.weight')} rules={[{ required: true, message: t('assess.weightRequired') }, limitRule(t, { min: 1, max: 100, integer: true })]} style={{ marginBottom: 0 }}>
                        <InputNumber data-testid={`assess-weight-${k}`} style={{ width: 90 }} />
                      </Form.Item>
                      <Form.Item name={[k, 'target']} label={t('assess.target')} rules={[{ required: true, message: t('assess.targetRequired') }, limitRule(t, { positive: true, max: 100 })]} style={{ marginBottom: 0 }}>
                        <InputNumber suffix="%" data-testid={`assess-target-${k}`} style={{ width: 110 }} />
                      </Form.Item>
                    </Space>
                  ) : null
                }
              </Form.Item>
            </Space>
          ))}
        </Space>
      </Form>
    </Card>
  );
}

/** 追溯考核: each region below scored for a month from its figures, explained per indicator, ranked, exportable. */
export default function AssessmentPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const months = useMemo(() => recentMonths(), []);
  const [month, setMonth] = useState(months[0]!);
  const [version, setVersion] = useState(0);
  const loadIndicators = useCallback(() => monitorsApi.indicators(), [version]); // eslint-disable-line react-hooks/exhaustive-deps
  const loadScores = useCallback(() => monitorsApi.assessment(month), [month, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const indicators = useLoaded(loadIndicators);
  const scores = useLoaded(loadScores);
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      saveBlob(await monitorsApi.assessmentSheet(month), t('assess.file', { month }));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setDownloading(false);
    }
  };

  type Row = Assessment['rows'][number];
  const parts = scores.data?.rows[0]?.parts ?? [];
  const columns: TableColumnsType<Row> = [
    { key: 'rank', title: t('assess.rank'), dataIndex: 'rank', width: 70 },
    { key: 'region', title: t('mon.region'), dataIndex: 'regionName' },
    { key: 'score', title: t('assess.score'), dataIndex: 'score', align: 'right' },
    ...parts.map((p, i) => ({
      key: p.indicator,
      title: t(`indicator.${p.indicator}`),
      align: 'right' as const,
      render: (_: unknown, r: Row) => t('assess.part', { value: percent(r.parts[i]?.value), points: r.parts[i]?.points ?? 0, weight: r.parts[i]?.weight ?? 0 }),
    })),
  ];

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('assess.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('assess.hint')}</Typography.Text>
      </div>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {indicators.error ? <LoadError error={indicators.error} onRetry={indicators.retry} /> : indicators.data && <IndicatorsCard key={version} current={indicators.data} onSaved={() => setVersion((v) => v + 1)} />}
        <Card
          size="small"
          title={t('assess.scores')}
          extra={
            <Space>
              <Select value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: m }))} style={{ width: 120 }} data-testid="assess-month" />
              <Button icon={<FileExcelOutlined />} loading={downloading} onClick={() => void download()} data-testid="assess-xlsx">
                {t('assess.export')}
              </Button>
            </Space>
          }
        >
          {scores.error ? (
            <LoadError error={scores.error} onRetry={scores.retry} />
          ) : (
            <Table<Row>
              rowKey="region"
              size="small"
              loading={scores.loading}
              columns={columns}
              dataSource={scores.data?.rows ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <EmptyState description={scores.data?.totalWeight === 0 ? t('assess.noIndicators') : t('mon.empty')} /> }}
              data-testid="assess-scores"
            />
          )}
        </Card>
      </Space>
    </div>
  );
}

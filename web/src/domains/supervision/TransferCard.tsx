import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { supervisionApi } from './supervision.api';
import type { AgencyOption, Inspection } from './supervision.types';
import { useAction } from '../../shared/use-action';

/** 移交执法: the problem found goes, with the inspection as evidence, to an enforcement agency over the subject. */
export function TransferCard({ inspection, onDone }: { inspection: Inspection; onDone: (next: Inspection) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [options, setOptions] = useState<AgencyOption[]>([]);
  const { busy, run } = useAction();

  useEffect(() => {
    let live = true;
    supervisionApi.transferOptions(inspection.id).then((r) => live && setOptions(r.items), (err: unknown) => void message.error(errorText(err)));
    return () => {
      live = false;
    };
  }, [inspection.id, message, errorText]);

  if (inspection.transfer) return <Typography.Text type="success" data-testid="transferred">{t('inspect.transferred', { name: inspection.transfer.toAgencyName })}</Typography.Text>;
  const submit = async (v: { toAgencyId: string; reason: string }) => {
    await run(async () => {
      onDone(await supervisionApi.transfer(inspection.id, v.toAgencyId, v.reason));
    });
  };
  return (
    <Card size="small" title={t('inspect.transfer')}>
      {options.length > 0 && (
        <Form layout="vertical" initialValues={{ ...(options.length === 1 ? { toAgencyId: options[0]!.id } : {}), reason: inspection.findings ?? '' }} onFinish={(v) => void submit(v)}>
          {/* The only enforcement agency is the only answer; among several, the inspector chooses. */}
          <Form.Item name="toAgencyId" label={t('inspect.transferTo')} rules={[{ required: true, message: t('rule.choose', { field: t('inspect.transferTo') }) }]}>
            <Select options={options.map((a) => ({ value: a.id, label: a.name }))} data-testid="transfer-to" />
          </Form.Item>
          <Form.Item name="reason" label={t('inspect.transferReason')} rules={[{ required: true, min: 2, max: 1000 }]}>
            <Input.TextArea rows={2} data-testid="transfer-reason" />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={busy} data-testid="transfer-submit">
            {t('inspect.transfer')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

import { App, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { limitRule } from '../../../app/number-limit';
import { INDICATOR_KEYS, INDICATORS, monitorsApi, type IndicatorKey, type MonitorKey } from './monitors.api';
import { useAction } from '../../../shared/use-action';

export type TargetFor = { region: string; regionName: string; monitor: MonitorKey };

/** 推广应用目标: one indicator's share (in %) a region below is expected to reach; replaces the one set before. */
export function TargetModal({ of, onClose }: { of: TargetFor | null; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ indicator?: IndicatorKey; target?: number }>();
  const { busy, run } = useAction();
  const choices = of ? INDICATOR_KEYS.filter((k) => INDICATORS[k] === of.monitor) : [];

  const save = async () => {
    if (!of) return;
    const v = await form.validateFields();
    await run(async () => {
      await monitorsApi.setTarget({ regionCode: of.region, indicator: v.indicator!, target: v.target! / 100 });
      void message.success(t('target.saved'));
      form.resetFields();
      onClose(true);
    });
  };

  return (
    <Modal open={of !== null} title={t('target.title')} okText={t('target.save')} confirmLoading={busy} onOk={() => void save()} onCancel={() => onClose(false)} destroyOnHidden>
      <Typography.Paragraph>{t('target.for', { name: of?.regionName ?? '' })}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="indicator" label={t('target.indicator')} rules={[{ required: true, message: t('target.indicatorRequired') }]}>
          <Select options={choices.map((k) => ({ value: k, label: t(`indicator.${k}`) }))} data-testid="target-indicator" />
        </Form.Item>
        <Form.Item name="target" label={t('target.share')} rules={[{ required: true, message: t('target.shareRequired') }, limitRule(t, { min: 0, max: 100 })]}>
          <InputNumber suffix="%" style={{ width: 140 }} data-testid="target-share" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

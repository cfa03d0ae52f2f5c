import { Button, Form, Input, InputNumber, Select } from 'antd';
import { nextStage, PENALTY_KINDS } from '../../../../src/domains/enforcement/case-stages.shared';
import { useI18n } from '../../app/i18n';
import { limitRule } from '../../app/number-limit';
import { useWord } from '../../shared/task-labels';
import { enforcementApi } from './enforcement.api';
import type { AdvanceRequest, Case } from './enforcement.types';
import { useAction } from '../../shared/use-action';

/** Moves the case to its next stage; 处罚决定 asks for the legal basis, the penalty and the decision. */
export function AdvanceForm({ item, onMoved }: { item: Case; onMoved: (next: Case) => void }) {
  const { t } = useI18n();
  const word = useWord();
  const [form] = Form.useForm<Omit<AdvanceRequest, 'to'>>();
  const penaltyKind = Form.useWatch('penaltyKind', form);
  const { busy, run } = useAction();
  const to = nextStage(item.stage);
  if (!to) return null;
  const submit = async (v: Omit<AdvanceRequest, 'to'>) => {
    await run(async () => {
      onMoved(await enforcementApi.advance(item.id, { ...v, to }));
      form.resetFields();
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      {to === 'decision' && (
        <>
          <Form.Item name="legalBasis" label={t('cases.legalBasis')} rules={[{ required: true, min: 2, max: 1000 }]}>
            <Input.TextArea rows={2} data-testid="case-legal-basis" />
          </Form.Item>
          <Form.Item name="penaltyKind" label={t('cases.penaltyKind')} rules={[{ required: true }]}>
            <Select options={PENALTY_KINDS.map((k) => ({ value: k, label: word('cases.penalty', k) }))} data-testid="case-penalty" />
          </Form.Item>
          {penaltyKind === 'fine' && (
            <Form.Item name="penaltyAmount" label={t('cases.penaltyAmount')} rules={[{ required: true }, limitRule(t, { positive: true, max: 1e10 })]}>
              <InputNumber />
            </Form.Item>
          )}
          <Form.Item name="decision" label={t('cases.decision')} rules={[{ required: true, min: 2, max: 2000 }]}>
            <Input.TextArea rows={2} data-testid="case-decision" />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label={t('tasks.note')}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="case-advance">
        {t('cases.advance', { stage: word('cases.stage', to) })}
      </Button>
    </Form>
  );
}

import { Alert, App, Divider, Form, Input, Modal, Space, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import type { ChangeRequest, SubjectProfile } from './subject.types';
import { PHONE_PATTERN } from '../../../shared/phone';
import { changesOf, fromProfile, idKindOf, type ChangeValues } from './change-form';
import { PhotoFields } from './PhotoFields';
import { CategoryFields, PointFields, ScaleFields } from '../../../shared/ProfileFields';
import { idKindsFor, requiredPhotos } from '../../../../../src/domains/registry/subjects/subject-values.shared';
import { subjectExtraApi } from './subject-extra.api';
import { TownshipCascader } from '../../../shared/TownshipCascader';
import './subject-extras.css';
import { useAction } from '../../../shared/use-action';

const FORM = 'change-request';

/**
 * 变更申请: the registration data prefilled and editable; only what differs is sent, with a reason. The phone
 * shows masked, so a new one is typed in full; photos are uploaded only for the kinds to replace. Mount it
 * when it opens, so that it starts from the registered data each time.
 */
export function ChangeRequestFormModal({ profile, open, onClose, onCreated }: { profile: SubjectProfile; open: boolean; onClose: () => void; onCreated: (request: ChangeRequest) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const { busy, run } = useAction();
  const [photosOpen, setPhotosOpen] = useState(false);
  const initial = useMemo(() => fromProfile(profile), [profile]);
  const idKind = idKindOf(profile);

  const submit = async () => {
    const values = await form.validateFields();
    const changes = changesOf(profile, values);
    if (Object.keys(changes).length === 0) {
      void message.warning(t('change.nothing'));
      return;
    }
    await run(async () => {
      const created = await subjectExtraApi.requestChange({ changes, reason: values.reason.trim() });
      void message.success(t('change.submitted'));
      onCreated(created);
    });
  };

  return (
    <Modal
      open={open}
      title={t('change.formTitle')}
      width={720}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={busy}
      okText={t('change.submit')}
    >
      <Form<ChangeValues> form={form} name={FORM} layout="vertical" requiredMark={false} initialValues={initial} className="tn-change-form" data-testid="change-form">
        <Alert type="info" showIcon title={t('change.formDesc')} style={{ marginBottom: 16 }} />
        <Form.Item name="name" label={t('profile.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('rule.required', { field: t('profile.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <CategoryFields orgFormDisabled={(o) => !!idKind && !idKindsFor(o).includes(idKind)} />
        <ScaleFields formName={FORM} />
        <Form.Item name="legalRep" label={t('profile.legalRep')} rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('rule.required', { field: t('profile.legalRep') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="phone" label={t('common.withOptional', { label: t('profile.phone') })} extra={t('change.phoneHint', { phone: profile.phone ?? '—' })} rules={[{ pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
          <Input inputMode="tel" maxLength={11} placeholder={profile.phone ?? undefined} autoComplete="off" />
        </Form.Item>
        <Form.Item name="townshipCode" label={t('reg.region')} rules={[{ validator: async (_r, v: string | undefined) => { if (v && v.length !== 9) throw new Error(t('reg.regionTooShallow')); } }]}>
          <TownshipCascader />
        </Form.Item>
        <Form.Item name="address" label={t('reg.address')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('rule.required', { field: t('reg.address') }) }]}>
          <Input maxLength={200} placeholder={t('reg.addressPlaceholder')} />
        </Form.Item>
        <PointFields step={0.000001} />
        <Divider titlePlacement="start" plain>
          <Space size={8}>
            <Switch
              size="small"
              checked={photosOpen}
              aria-label={t('change.photos')}
              onChange={(on) => {
                setPhotosOpen(on);
                if (!on) form.setFieldValue('photos', {});
              }}
            />
            {t('change.photos')}
          </Space>
        </Divider>
        {photosOpen && (
          <Form.Item name="photos" extra={t('change.photosHint')}>
            <PhotoFields kinds={requiredPhotos(idKind)} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('change.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('change.reasonRule') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('change.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

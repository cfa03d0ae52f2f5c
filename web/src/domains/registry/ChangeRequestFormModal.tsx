import { Alert, App, Checkbox, Col, Divider, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { INDUSTRIES, ORG_FORMS, OUTPUT_UNITS, SCALE_UNITS, SUBJECT_CATEGORIES, type ChangeRequest, type Industry, type SubjectProfile } from '../../app/types';
import { changesOf, fromProfile, idKindOf, type ChangeValues } from './change-form';
import { LocateButton } from './LocateButton';
import { PhotoFields } from './PhotoFields';
import { idKindsFor, insideChina, requiredPhotos, unitsFor } from './registration-rules';
import { subjectExtraApi } from './subject-extra.api';
import { label } from './subject-labels';
import { TownshipCascader } from './TownshipCascader';
import { PHONE_PATTERN } from './UserFormModal';
import './subject-extras.css';

const FORM = 'change-request';

/**
 * 变更申请: the registration data prefilled and editable; only what differs is sent, with a reason. The phone
 * shows masked, so a new one is typed in full; photos are uploaded only for the kinds to replace. Mount it
 * when it opens, so that it starts from the registered data each time.
 */
export function ChangeRequestFormModal({ profile, open, onClose, onCreated }: { profile: SubjectProfile; open: boolean; onClose: () => void; onCreated: (request: ChangeRequest) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const [busy, setBusy] = useState(false);
  const [photosOpen, setPhotosOpen] = useState(false);
  const initial = useMemo(() => fromProfile(profile), [profile]);
  const idKind = idKindOf(profile);
  const industries = Form.useWatch('industries', form) as Industry[] | undefined;
  const scaleUnits = unitsFor(SCALE_UNITS, industries);
  const outputUnits = unitsFor(OUTPUT_UNITS, industries);

  // A unit that no longer fits the industries gives way to the first that does.
  useEffect(() => {
    if (!industries) return;
    const { scaleUnit, outputUnit } = form.getFieldsValue(['scaleUnit', 'outputUnit']) as Partial<ChangeValues>;
    if (!scaleUnit || !scaleUnits.includes(scaleUnit)) form.setFieldValue('scaleUnit', scaleUnits[0]);
    if (!outputUnit || !outputUnits.includes(outputUnit)) form.setFieldValue('outputUnit', outputUnits[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lists follow the industries
  }, [form, scaleUnits.join(), outputUnits.join()]);

  const submit = async () => {
    const values = await form.validateFields();
    const changes = changesOf(profile, values);
    if (Object.keys(changes).length === 0) {
      void message.warning(t('change.nothing'));
      return;
    }
    setBusy(true);
    try {
      const created = await subjectExtraApi.requestChange({ changes, reason: values.reason.trim() });
      void message.success(t('change.submitted'));
      onCreated(created);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => ({ required: true, message: t('rule.required', { field }) });
  const unitSelect = (units: string[], name: 'scaleUnit' | 'outputUnit', aria: string) => (
    <Form.Item name={name} noStyle rules={[{ required: true, message: t('reg.pickIndustryFirst') }]}>
      <Select style={{ width: '45%' }} aria-label={aria} disabled={!units.length} options={units.map((u) => ({ value: u, label: label(t, 'unit', u) }))} />
    </Form.Item>
  );
  const pointRule = {
    validator: async () => {
      const { lat, lng } = form.getFieldsValue(['lat', 'lng']) as Partial<ChangeValues>;
      if (typeof lat === 'number' && typeof lng === 'number' && !insideChina(lat, lng)) throw new Error(t('reg.outsideChina'));
    },
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
        <Form.Item name="category" label={t('profile.category')} rules={[required(t('profile.category'))]}>
          <Radio.Group options={SUBJECT_CATEGORIES.map((c) => ({ value: c, label: label(t, 'category', c) }))} />
        </Form.Item>
        <Form.Item name="orgForm" label={t('profile.orgForm')} rules={[required(t('profile.orgForm'))]}>
          <Radio.Group options={ORG_FORMS.map((o) => ({ value: o, label: label(t, 'orgForm', o), disabled: !!idKind && !idKindsFor(o).includes(idKind) }))} />
        </Form.Item>
        <Form.Item name="industries" label={t('profile.industries')} rules={[{ required: true, type: 'array', min: 1, message: t('rule.required', { field: t('profile.industries') }) }]}>
          <Checkbox.Group options={INDUSTRIES.map((i) => ({ value: i, label: label(t, 'industry', i) }))} />
        </Form.Item>
        <Form.Item label={t('profile.scale')} required htmlFor={`${FORM}_scale`} extra={t('reg.unitsHint')}>
          <Space.Compact block>
            <Form.Item name="scale" noStyle rules={[{ required: true, type: 'number', min: 0.0001, message: t('rule.required', { field: t('profile.scale') }) }]}>
              <InputNumber style={{ width: '55%' }} min={0} max={1e9} inputMode="decimal" />
            </Form.Item>
            {unitSelect(scaleUnits, 'scaleUnit', t('reg.scaleUnit'))}
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('profile.annualOutput')} required htmlFor={`${FORM}_annualOutput`}>
          <Space.Compact block>
            <Form.Item name="annualOutput" noStyle rules={[{ required: true, type: 'number', min: 0, message: t('rule.required', { field: t('profile.annualOutput') }) }]}>
              <InputNumber style={{ width: '55%' }} min={0} max={1e9} inputMode="decimal" />
            </Form.Item>
            {unitSelect(outputUnits, 'outputUnit', t('reg.outputUnit'))}
          </Space.Compact>
        </Form.Item>
        <Form.Item name="legalRep" label={t('profile.legalRep')} rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('rule.required', { field: t('profile.legalRep') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="phone" label={`${t('profile.phone')} (${t('common.optional')})`} extra={t('change.phoneHint', { phone: profile.phone ?? '—' })} rules={[{ pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
          <Input inputMode="tel" maxLength={11} placeholder={profile.phone ?? undefined} autoComplete="off" />
        </Form.Item>
        <Form.Item name="townshipCode" label={t('reg.region')} rules={[{ validator: async (_r, v: string | undefined) => { if (v && v.length !== 9) throw new Error(t('reg.regionTooShallow')); } }]}>
          <TownshipCascader />
        </Form.Item>
        <Form.Item name="address" label={t('reg.address')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('rule.required', { field: t('reg.address') }) }]}>
          <Input maxLength={200} placeholder={t('reg.addressPlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="lat" label={t('profile.lat')} dependencies={['lng']} rules={[{ required: true, message: t('rule.required', { field: t('profile.lat') }) }, pointRule]}>
              <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lng" label={t('profile.lng')} rules={[{ required: true, message: t('rule.required', { field: t('profile.lng') }) }]}>
              <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} inputMode="decimal" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item>
          <LocateButton
            onLocated={(lat, lng) => {
              form.setFieldsValue({ lat, lng });
              void form.validateFields(['lat', 'lng']).catch(() => undefined);
            }}
          />
        </Form.Item>
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

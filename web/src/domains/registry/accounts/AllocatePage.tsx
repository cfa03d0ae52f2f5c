import { CheckCircleOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Divider, Form, Input, Radio, Result, Select, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../app/api-error';
import { useAgencyMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { agencyTitle, kindLabel, levelLabel, REGION_DIGITS, LEVEL_BY_REGION_LEVEL } from '../../../app/labels';
import type { Agency, AllocationOption, User } from '../registry.types';
import { PHONE_PATTERN } from '../../../shared/phone';
import { USERNAME_PATTERN } from './AccountFormModal';
import { suggestAgencyName } from './agency-name';
import { PasswordInput, passwordRule } from './PasswordInput';
import { RegionCascader } from '../../../shared/RegionCascader';
import { registryApi } from '../registry.api';
import { DEPARTMENTS, type Department } from '../../../../../src/domains/registry/accounts/agency-values.shared';

type Values = {
  option: string;
  /** 部门: a supervision agency may be a department's beside the region's general one (issue 21 §3). */
  department?: Department;
  regionCode?: string;
  name: string;
  account: { username: string; displayName: string; phone?: string; password: string };
};

type Created = { agency: Agency; account: User; password: string };

const optionKey = (o: AllocationOption) => `${o.kind}:${o.level}`;

/** Which form field a server error belongs to, so it shows beside what must change. */
const ERROR_FIELD: Record<string, ['account', 'username'] | ['account', 'password'] | ['regionCode']> = {
  USERNAME_TAKEN: ['account', 'username'],
  WEAK_PASSWORD: ['account', 'password'],
  AGENCY_EXISTS: ['regionCode'],
  DEPARTMENT_FOR_SUPERVISION: ['regionCode'],
  REGION_NOT_FOUND: ['regionCode'],
  REGION_OUT_OF_JURISDICTION: ['regionCode'],
  REGION_LEVEL_MISMATCH: ['regionCode'],
};

/** 账号分配: create a sub-agency (or my level's testing / enforcement agency) with its first account. */
export default function AllocatePage() {
  const me = useAgencyMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [options, setOptions] = useState<AllocationOption[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const suggested = useRef<string>('');
  const chosenKey = Form.useWatch('option', form);
  const chosen = options?.find((o) => optionKey(o) === chosenKey);

  useEffect(() => {
    registryApi.allocationOptions().then(
      ({ items }) => {
        setOptions(items);
        if (items[0]) form.setFieldsValue({ option: optionKey(items[0]) });
      },
      (err: unknown) => {
        setOptions([]);
        void message.error(errorText(err));
      },
    );
  }, [form, message, errorText]);

  // A new choice of what to create starts the region and the suggested name again.
  useEffect(() => {
    const name = form.getFieldValue('name') as string | undefined;
    form.setFieldsValue({ regionCode: undefined, name: !name || name === suggested.current ? '' : name });
    suggested.current = '';
    // An agency at the ministry's level (运维) has no region to pick: its name is suggested at once.
    if (chosen?.regionLevel === 0 && !form.getFieldValue('name')) {
      suggested.current = suggestAgencyName(chosen.kind, chosen.level, '');
      form.setFieldsValue({ name: suggested.current });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `chosen` follows chosenKey
  }, [chosenKey, form]);

  const onRegion = (code: string | undefined, regionName: string | undefined) => {
    form.setFieldsValue({ regionCode: code });
    if (!chosen || !regionName) return;
    const name = form.getFieldValue('name') as string | undefined;
    if (!name || name === suggested.current) {
      suggested.current = suggestAgencyName(chosen.kind, chosen.level, regionName);
      form.setFieldsValue({ name: suggested.current });
    }
    void form.validateFields(['regionCode']).catch(() => undefined);
  };

  const submit = async (values: Values) => {
    const national = chosen?.regionLevel === 0;
    if (!chosen || (!national && !values.regionCode)) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await registryApi.allocate({
        name: values.name.trim(),
        kind: chosen.kind,
        level: chosen.level,
        regionCode: national ? '' : (values.regionCode ?? ''),
        ...(chosen.kind === 'supervision' && values.department ? { department: values.department } : {}),
        account: {
          username: values.account.username.trim(),
          displayName: values.account.displayName.trim(),
          phone: values.account.phone?.trim() || undefined,
          password: values.account.password,
        },
      });
      void message.success(t('allocate.success', { agency: result.agency.name, username: result.account.username }));
      setCreated({ ...result, password: values.account.password });
    } catch (err) {
      const text = errorText(err);
      setFailure(text);
      const field = err instanceof ApiError ? ERROR_FIELD[err.code] : undefined;
      if (field) form.setFields([{ name: field, errors: [text] }]);
      void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  const title = (
    <div className="tn-page-title">
      <Typography.Title level={3}>{t('allocate.title')}</Typography.Title>
      <Typography.Text type="secondary">{agencyTitle(me.agency, t)}</Typography.Text>
    </div>
  );

  if (options === null) return <>{title}<Card><Skeleton active /></Card></>;
  if (options.length === 0) return <>{title}<Card><Result status="info" subTitle={t('allocate.none')} /></Card></>;

  if (created) {
    return (
      <>
        {title}
        <Card>
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            title={t('allocate.resultTitle')}
            subTitle={t('allocate.success', { agency: created.agency.name, username: created.account.username })}
            extra={[
              <Button
                key="again"
                type="primary"
                onClick={() => {
                  setCreated(null);
                  form.resetFields(['regionCode', 'name', 'account']);
                  suggested.current = '';
                }}
              >
                {t('allocate.another')}
              </Button>,
              <Button key="tree" onClick={() => navigate(`/agencies?id=${created.agency.id}`)}>
                {t('allocate.viewTree')}
              </Button>,
            ]}
          >
            <Typography.Paragraph type="secondary">{t('allocate.resultDesc', { agency: created.agency.name })}</Typography.Paragraph>
            <Descriptions
              bordered
              size="small"
              column={1}
              data-testid="allocate-result"
              items={[
                { key: 'agency', label: t('field.agencyName'), children: agencyTitle(created.agency, t) },
                { key: 'username', label: t('field.username'), children: <Typography.Text copyable>{created.account.username}</Typography.Text> },
                { key: 'password', label: t('field.password'), children: <Typography.Text copyable className="tn-secret">{created.password}</Typography.Text> },
                { key: 'role', label: t('field.role'), children: t(`role.${created.account.role}`) },
              ]}
            />
          </Result>
        </Card>
      </>
    );
  }

  const regionDigits = chosen ? REGION_DIGITS[chosen.regionLevel] : 0;
  const regionLevelName = chosen ? levelLabel(t, LEVEL_BY_REGION_LEVEL[chosen.regionLevel] ?? 'province') : '';

  return (
    <>
      {title}
      <Card>
        <Typography.Paragraph type="secondary">{t('allocate.desc')}</Typography.Paragraph>
        <Form<Values> form={form} layout="vertical" onFinish={submit} className="tn-form-narrow" name="allocate" requiredMark={false} onValuesChange={() => setFailure(null)}>
          <Form.Item name="option" label={t('allocate.option')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={options.map((o) => ({ value: optionKey(o), label: t('allocate.optionLabel', { level: levelLabel(t, o.level), kind: kindLabel(t, o.kind) }) }))}
            />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('allocate.agencySection')}
          </Divider>
          {chosen?.kind === 'supervision' && chosen.regionLevel > 0 && (
            <Form.Item name="department" label={t('allocate.department')} extra={t('allocate.departmentHint')} initialValue="agriculture">
              <Select<Department> options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}`) }))} aria-label={t('allocate.department')} data-testid="allocate-department" />
            </Form.Item>
          )}
          {chosen && chosen.regionLevel > 0 && (
            <Form.Item
              name="regionCode"
              label={t('field.region')}
              extra={chosen.regionWithin.length === regionDigits ? t('allocate.regionFixed') : undefined}
              rules={[
                {
                  validator: async (_r, value: string | undefined) => {
                    if (!value || value.length !== regionDigits) throw new Error(t('allocate.regionTooShallow', { level: regionLevelName }));
                  },
                },
              ]}
            >
              <RegionCascader key={chosenKey} within={chosen.regionWithin} regionLevel={chosen.regionLevel} onChange={onRegion} />
            </Form.Item>
          )}
          <Form.Item
            name="name"
            label={t('field.agencyName')}
            extra={suggested.current && t('allocate.nameSuggested')}
            rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('rule.required', { field: t('field.agencyName') }) }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('allocate.accountSection')}
            {chosen && <Typography.Text type="secondary"> · {t('allocate.accountRole', { role: t(`role.${chosen.accountRole}`) })}</Typography.Text>}
          </Divider>
          <Form.Item name={['account', 'username']} label={t('field.username')} rules={[{ required: true, pattern: USERNAME_PATTERN, message: t('rule.username') }]}>
            <Input autoComplete="off" maxLength={40} />
          </Form.Item>
          <Form.Item
            name={['account', 'displayName']}
            label={t('field.displayName')}
            rules={[{ required: true, whitespace: true, max: 60, message: t('rule.required', { field: t('field.displayName') }) }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name={['account', 'phone']} label={t('common.withOptional', { label: t('field.phone') })} rules={[{ pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
          <Form.Item
            name={['account', 'password']}
            label={t('field.password')}
            extra={t('password.hint')}
            dependencies={[['account', 'username']]}
            rules={[passwordRule(t, () => String(form.getFieldValue(['account', 'username']) ?? ''))]}
          >
            <PasswordInput generator />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="allocate-error" />}
          <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={busy} size="large">
            {t('allocate.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

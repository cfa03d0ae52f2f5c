import { Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { checkIdNumber, checkUscc } from '../../../../../src/domains/registry/subjects/identity-check.shared';
import { useI18n } from '../../../app/i18n';
import { ID_KINDS, type IdKind, type PhotoKind } from './subject.types';
import { PHONE_PATTERN } from '../../../shared/phone';
import { PhotoFields, type PhotoMap } from './PhotoFields';
import type { WizardValues } from './registration-form';
import { idKindsFor, requiredPhotos } from '../../../../../src/domains/registry/subjects/subject-values.shared';
import { label } from './subject-labels';

const PROBLEM_KEY = { BIRTH_DATE: 'reg.idBirthDate', CHECK_CHARACTER: 'reg.idCheckChar' } as const;

/** Step 2, identity: the document the organisation form calls for, its number (check character), photos. */
export function IdentityStep({ photoUrl }: { photoUrl?: (fileId: string) => string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<WizardValues>();
  const orgForm = Form.useWatch('orgForm', form);
  const idKind = Form.useWatch('idKind', form) as IdKind | undefined;
  const allowed = idKindsFor(orgForm);
  const photoKinds = requiredPhotos(idKind);

  // The organisation form decides the document (a family farm may use either).
  useEffect(() => {
    const current = form.getFieldValue('idKind') as IdKind | undefined;
    if (!current || !allowed.includes(current)) form.setFieldValue('idKind', allowed[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows the organisation form
  }, [form, allowed.join()]);

  return (
    <>
      <Form.Item
        name="idKind"
        label={t('profile.idKind')}
        extra={allowed.length === 1 && orgForm !== undefined ? t('reg.idKindForced', { orgForm: label(t, 'orgForm', orgForm), idKind: label(t, 'idKind', allowed[0]) }) : undefined}
        rules={[{ required: true }]}
      >
        <Radio.Group options={ID_KINDS.map((k) => ({ value: k, label: label(t, 'idKind', k), disabled: !allowed.includes(k) }))} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={label(t, 'reg.idNumber', idKind ?? 'resident_id')}
        required
        dependencies={['idKind']}
        normalize={(v: string) => v.replace(/\s+/g, '').toUpperCase()}
        rules={[
          {
            validator: async (_r, value: string | undefined) => {
              if (!value) throw new Error(t('rule.required', { field: label(t, 'reg.idNumber', idKind ?? 'resident_id') }));
              const problem = idKind === 'uscc' ? checkUscc(value) : checkIdNumber(value);
              if (problem === 'FORMAT') throw new Error(t(idKind === 'uscc' ? 'reg.idFormatUscc' : 'reg.idFormatResident'));
              if (problem) throw new Error(t(PROBLEM_KEY[problem]));
            },
          },
        ]}
      >
        <Input maxLength={18} autoComplete="off" placeholder={t('reg.idNumberPlaceholder')} className="tn-secret" />
      </Form.Item>
      <Form.Item
        name="legalRep"
        label={orgForm === 1 ? t('reg.legalRepPerson') : t('profile.legalRep')}
        rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('rule.required', { field: t('profile.legalRep') }) }]}
      >
        <Input maxLength={60} autoComplete="name" />
      </Form.Item>
      {idKind === 'uscc' && (
        <Form.Item
          name="legalRepIdNumber"
          label={t('common.withOptional', { label: t('reg.legalRepIdNumber') })}
          extra={t('reg.legalRepIdNumberExtra')}
          normalize={(v: string) => v.replace(/\s+/g, '').toUpperCase()}
          rules={[
            {
              // Checked like every resident ID (format, birth date, check character); empty is allowed.
              validator: async (_r, value: string | undefined) => {
                if (!value) return;
                const problem = checkIdNumber(value);
                if (problem === 'FORMAT') throw new Error(t('reg.idFormatResident'));
                if (problem) throw new Error(t(PROBLEM_KEY[problem]));
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" placeholder={t('reg.idNumberPlaceholder')} className="tn-secret" data-testid="legal-rep-id" />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t('profile.phone')} rules={[{ required: true, pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
        <Input inputMode="tel" maxLength={11} autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name="photos"
        label={t('profile.photos')}
        required
        dependencies={['idKind']}
        rules={[
          {
            validator: async (_r, value: PhotoMap | undefined) => {
              const missing = photoKinds.filter((k: PhotoKind) => !value?.[k]);
              if (missing.length) throw new Error(t('reg.photoMissing', { kind: missing.map((k) => label(t, 'photo', k)).join('、') }));
            },
          },
        ]}
      >
        <PhotoFields kinds={photoKinds} urlOf={photoUrl} />
      </Form.Item>
    </>
  );
}

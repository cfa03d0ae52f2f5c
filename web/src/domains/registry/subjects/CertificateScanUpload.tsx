import { FileImageOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { ImageUpload } from '../../../shared/ImageUpload';
import { subjectExtraApi } from './subject-extra.api';
import './subject-extras.css';

type Props = {
  /** The uploaded scan's file id (a form field's value). */
  value?: string;
  onChange?: (fileId: string | undefined) => void;
  id?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
};

/** The scan of a certificate: picked or photographed, uploaded at once (JPG/PNG ≤ 5 MB), shown as a thumbnail. */
export function CertificateScanUpload({ value, onChange, id, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <ImageUpload
      fileId={value}
      onChange={onChange}
      send={(file) => subjectExtraApi.uploadScan(file, file.name || 'certificate.jpg')}
      name={t('certs.scan')}
      texts="certs.scan"
      icon={<FileImageOutlined />}
      invalid={rest['aria-invalid'] === true || rest['aria-invalid'] === 'true'}
      id={id}
      className="tn-x-main"
      boxClassName="tn-scan-box"
      testIds={{ root: 'scan-upload', preview: 'scan-preview', error: 'scan-error' }}
    />
  );
}

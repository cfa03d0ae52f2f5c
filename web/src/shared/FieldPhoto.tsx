import { CameraOutlined } from '@ant-design/icons';
import { useI18n } from '../app/i18n';
import { ImageUpload } from './ImageUpload';
import { supervisionApi } from '../domains/supervision/supervision.api';

/** One field photo as a form field (`value` is its file id): taken with the phone's camera, uploaded at once. */
export function FieldPhoto({ value, onChange, testId }: { value?: string; onChange?: (fileId: string | undefined) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <ImageUpload
      fileId={value}
      onChange={onChange}
      send={(file) => supervisionApi.uploadPhoto(file, file.name || 'field.jpg')}
      urlOf={supervisionApi.photoUrl}
      name={t('inspect.photo')}
      texts="reg.photo"
      icon={<CameraOutlined />}
      className="tn-photo-upload"
      testIds={{ root: testId, preview: `${testId}-preview` }}
    />
  );
}

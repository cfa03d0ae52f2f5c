import { CameraOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import type { PhotoKind } from './subject.types';
import { ImageUpload } from '../../../shared/ImageUpload';
import { label } from './subject-labels';
import { subjectApi } from './subject.api';

type Props = {
  kind: PhotoKind;
  fileId?: string;
  /** Where an already uploaded photo can be seen (a resubmission shows the last one's photos). */
  urlOf?: (fileId: string) => string;
  onChange: (fileId: string | undefined) => void;
  invalid?: boolean;
};

/** One licence or ID photo: pick or take it (the phone's camera), uploaded at once, shown as a thumbnail. */
export function PhotoUpload({ kind, fileId, urlOf, onChange, invalid }: Props) {
  const { t } = useI18n();
  return (
    <ImageUpload
      fileId={fileId}
      onChange={onChange}
      send={(file) => subjectApi.upload(file, file.name || `${kind}.jpg`)}
      urlOf={urlOf}
      name={label(t, 'photo', kind)}
      texts="reg.photo"
      icon={<CameraOutlined />}
      invalid={invalid}
      missingText={invalid ? t('reg.photoRequired', { kind: label(t, 'photo', kind) }) : undefined}
      className="tn-photo-upload"
      caption
      testIds={{ root: `photo-${kind}`, preview: `photo-${kind}-preview`, error: `photo-${kind}-error` }}
    />
  );
}

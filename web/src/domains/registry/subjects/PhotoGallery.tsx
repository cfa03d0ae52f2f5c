import { Image, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/LoadError';
import { label } from './subject-labels';

type Props = { photos: { kind: string; fileId: string }[]; urlOf: (fileId: string) => string };

/** Licence and ID photos as thumbnails; a click opens the preview, which pages through all of them. */
export function PhotoGallery({ photos, urlOf }: Props) {
  const { t } = useI18n();
  if (!photos.length) return <EmptyState description={t('profile.noPhotos')} />;
  return (
    <Image.PreviewGroup>
      <div className="tn-photos" data-testid="photo-gallery">
        {photos.map((p) => (
          <figure key={p.fileId} className="tn-photo">
            <Image src={urlOf(p.fileId)} alt={label(t, 'photo', p.kind)} width={120} height={90} className="tn-photo-img" />
            <Typography.Text type="secondary" className="tn-photo-caption">
              {label(t, 'photo', p.kind)}
            </Typography.Text>
          </figure>
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

import { Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../app/i18n';
import type { PhotoKind } from './subject.types';
import { PhotoUpload } from './PhotoUpload';

export type PhotoMap = Partial<Record<PhotoKind, string>>;

type Props = {
  kinds: PhotoKind[];
  value?: PhotoMap;
  onChange?: (value: PhotoMap) => void;
  urlOf?: (fileId: string) => string;
  'aria-invalid'?: boolean | 'true' | 'false';
};

/** The photos an application needs (licence, or both sides of the ID card) and an optional one of the site. */
export function PhotoFields({ kinds, value, onChange, urlOf, ...rest }: Props) {
  const { t } = useI18n();
  const invalid = rest['aria-invalid'] === true || rest['aria-invalid'] === 'true';
  // Two uploads may be in flight at once (front and back picked quickly): each must add its photo to the map as it
  // is then, not as it was when its upload started, or the one finishing second drops the first (issue 15 §7).
  const latest = useRef<PhotoMap | undefined>(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const change = (kind: PhotoKind, fileId: string | undefined) => {
    const next = { ...latest.current, [kind]: fileId };
    latest.current = next;
    onChange?.(next);
  };
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('reg.photosHint')}
      </Typography.Paragraph>
      <div className="tn-photos">
        {[...kinds, 'site' as const].map((kind) => (
          <PhotoUpload
            key={kind}
            kind={kind}
            fileId={value?.[kind]}
            urlOf={urlOf}
            invalid={invalid && kind !== 'site'}
            onChange={(fileId) => change(kind, fileId)}
          />
        ))}
      </div>
    </div>
  );
}

import { Image, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { Certificate } from './subject.types';
import { subjectExtraApi } from './subject-extra.api';
import { label } from './subject-labels';
import './subject-extras.css';

const STATUS_COLOR: Record<string, string> = { unverified: 'processing', verified: 'success', rejected: 'error', withdrawn: 'default' };
const KIND_COLOR: Record<string, string> = { green: 'green', organic: 'cyan', geo: 'gold', pledge: 'blue', pollution_free: 'lime' };

/** One certificate: the scan as a thumbnail that opens large, kind, number, products, validity and verification. */
export function CertificateItem({ certificate: c, actions }: { certificate: Certificate; actions?: ReactNode }) {
  const { t } = useI18n();
  const today = dayjs().format('YYYY-MM-DD');
  const kind = label(t, 'certKind', c.kind);
  return (
    <div className="tn-wrap-item" data-testid="certificate-item" data-status={c.status}>
      <div className="tn-cert-thumb">
        {c.scanFileId && <Image src={subjectExtraApi.scanUrl(c.id)} alt={t('certs.scanAlt', { kind, number: c.number })} width={88} height={88} data-testid="certificate-scan" />}
      </div>
      <div className={`tn-x-main${c.status === 'withdrawn' ? ' tn-x-muted' : ''}`}>
        <div className="tn-x-head">
          <Tag color={KIND_COLOR[c.kind]}>{kind}</Tag>
          <Tag color={STATUS_COLOR[c.status]} data-testid="certificate-status">
            {label(t, 'certStatus', c.status)}
          </Tag>
          {c.issuedBySystem && c.status === 'verified' && (
            <Tag color="blue" data-testid="certificate-by-system">
              {t('subject.certificate.bySystem', { system: c.issuedBySystem })}
            </Tag>
          )}
          {!c.valid && c.status !== 'withdrawn' && <Tag color="error">{c.validTo < today ? t('certs.expired') : t('certs.notYetValid')}</Tag>}
        </div>
        <Typography.Text strong className="tn-secret">
          {c.number}
        </Typography.Text>
        <Typography.Text>
          {t('certs.products')}{t('common.colon')}{c.products}
        </Typography.Text>
        {c.issuer && (
          <Typography.Text type="secondary">
            {t('certs.issuer')}{t('common.colon')}{c.issuer}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('certs.validity')}{t('common.colon')}{c.validFrom} ~ {c.validTo}
        </Typography.Text>
        {c.verifiedAt && (
          <Typography.Text type="secondary">
            {t('certs.verifiedAt')}{t('common.colon')}{formatTime(c.verifiedAt)}
            {c.verifyNote && ` · ${t('certs.verifyNote')}{t('common.colon')}${c.verifyNote}`}
          </Typography.Text>
        )}
      </div>
      {actions && <div className="tn-x-actions">{actions}</div>}
    </div>
  );
}

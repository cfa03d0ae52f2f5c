import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import type { ChecklistItem, InspectionRequest } from './supervision.types';

/** What the inspector is about to file, read back in words before it becomes an official record. */
export function InspectionSummary({ subjectName, items, body }: { subjectName: string; items: ChecklistItem[]; body: InspectionRequest }) {
  const { t, lang } = useI18n();
  const count = (r: string) => body.answers.filter((a) => a.result === r).length;
  const failed = items.filter((i) => body.answers.some((a) => a.key === i.key && a.result === 'fail'));
  return (
    <dl className="tn-summary" data-testid="inspect-summary">
      <dt>{t('inspect.summarySubject')}</dt>
      <dd>{subjectName}</dd>
      <dt>{t('inspect.checklist')}</dt>
      <dd>{t('inspect.summaryCounts', { pass: count('pass'), fail: count('fail'), na: count('na') })}</dd>
      {failed.length > 0 && (
        <>
          <dt>{t('inspect.summaryFailed')}</dt>
          <dd>
            {failed.map((i) => (
              <Tag key={i.key} color="red">
                {lang === 'zh' ? i.zh : i.en}
              </Tag>
            ))}
          </dd>
        </>
      )}
      <dt>{t('inspect.photo')}</dt>
      <dd>{body.photos?.length ? t('inspect.summaryPhotos', { n: body.photos.length }) : t('inspect.summaryNoPhoto', { reason: body.noPhotoReason ?? '' })}</dd>
      <dt>{t('inspect.location')}</dt>
      <dd>{body.lat !== undefined ? `${body.lat}, ${body.lng}` : t('inspect.summaryNoPoint', { reason: body.noPointReason ?? '' })}</dd>
      <dt>{t('inspect.conclusion')}</dt>
      <dd>
        <Tag color={body.conclusion === 'problem' ? 'orange' : 'green'}>{t(body.conclusion === 'problem' ? 'inspect.problem' : 'inspect.compliant')}</Tag>
      </dd>
      {body.findings && (
        <>
          <dt>{t('inspect.findings')}</dt>
          <dd>{body.findings}</dd>
        </>
      )}
      {body.rectifyBy && (
        <>
          <dt>{t('inspect.rectifyBy')}</dt>
          <dd>{body.rectifyBy}</dd>
        </>
      )}
    </dl>
  );
}

import { useI18n } from '../../../app/i18n';
import { ReasonModal } from '../movements/ReasonModal';

/** `formName` differs per record where many rows keep their dialog in the page, so each label names its own field. */
type Props = { open: boolean; title: string; hint: string; formName?: string; onSubmit: (reason: string) => Promise<void>; onClose: () => void };

/** 作废 with its consequences said first and a required reason (2–300 characters), which the public may read. */
export function VoidModal({ open, title, hint, formName = 'void', onSubmit, onClose }: Props) {
  const { t } = useI18n();
  return <ReasonModal open={open} title={title} okText={t('void.confirm')} danger hint={hint} reasonLabel={t('void.reason')} formName={formName} onSubmit={onSubmit} onClose={onClose} />;
}

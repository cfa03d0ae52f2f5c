import { Alert, Modal, Typography } from 'antd';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { KeyCreated } from './integration.api';

/** The one showing of a new key's secret: the server keeps it encrypted and never sends it again. */
export function SecretModal({ created, onClose }: { created: KeyCreated | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={created !== null} title={t('integration.secretTitle')} onOk={onClose} onCancel={onClose} okText={t('integration.secretSaved')} cancelButtonProps={{ style: { display: 'none' } }} maskClosable={false} destroyOnHidden>
      {created && (
        <div data-testid="integration-secret">
          <Alert type="warning" showIcon message={t('integration.secretOnce')} style={{ marginBottom: 12 }} />
          <p>
            {t('integration.keyId')}：<Typography.Text code copyable data-testid="integration-secret-key">{created.key.id}</Typography.Text>
          </p>
          <p>
            {t('integration.secret')}：<Typography.Text code copyable data-testid="integration-secret-value">{created.secret}</Typography.Text>
          </p>
          {created.previous?.expiresAt && <p>{t('integration.previousExpires', { id: created.previous.id, at: formatTime(created.previous.expiresAt) })}</p>}
        </div>
      )}
    </Modal>
  );
}

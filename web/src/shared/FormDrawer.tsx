import { Button, Drawer, Grid, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n';

type Props = {
  open: boolean;
  title: string;
  okText: string;
  busy: boolean;
  onOk: () => void;
  onClose: () => void;
  testId?: string;
  /** Replaces the footer buttons (a result to download, a "done"). */
  footer?: ReactNode;
  children: ReactNode;
};

/** A form in a drawer from the right, the whole screen on a phone, with cancel and the submit button at its foot. */
export function FormDrawer({ open, title, okText, busy, onOk, onClose, testId, footer, children }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      data-testid={testId}
      footer={
        footer ?? (
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={onOk} data-testid="drawer-submit">
              {okText}
            </Button>
          </Space>
        )
      }
    >
      {children}
    </Drawer>
  );
}

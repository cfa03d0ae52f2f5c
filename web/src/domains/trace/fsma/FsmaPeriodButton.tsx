import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../../app/i18n';

// The period's form (antd's Form, DatePicker, Radio and the class cascader: some 60 kB compressed) loads at the first
// press: the button sits on the batch list, which a phone opens cold, and the list should not wait for it (issue 15 §9).
const FsmaPeriodModal = lazy(() => import('./FsmaPeriodModal'));

/** The FSMA 204 export of a product class over a period (FsmaPeriodModal), from the batch list's tools. */
export function FsmaPeriodButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // Each opening is a new modal (a fresh form); the last one stays mounted to close.
  const [opening, setOpening] = useState(0);
  return (
    <>
      <Button
        icon={<FileExcelOutlined />}
        onClick={() => {
          setOpening((n) => n + 1);
          setOpen(true);
        }}
        data-testid="fsma-period"
      >
        {t('fsmaPeriod.button')}
      </Button>
      {opening > 0 && (
        <Suspense fallback={null}>
          <FsmaPeriodModal key={opening} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

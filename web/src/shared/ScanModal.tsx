import { Modal } from 'antd';
import { CameraScanner } from './CameraScanner';

/** The camera in a dialog, for a form field that can be scanned (the buyer's electronic identity). */
export function ScanModal({ open, title, onClose, onResult }: { open: boolean; title: string; onClose: () => void; onResult: (text: string) => void }) {
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden>
      <CameraScanner autoStart onResult={onResult} />
    </Modal>
  );
}

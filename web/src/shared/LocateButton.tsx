import { AimOutlined } from '@ant-design/icons';
import { Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../app/i18n';

/** "Use my location": the phone's GPS through navigator.geolocation (needs HTTPS or localhost). */
export function LocateButton({ onLocated }: { onLocated: (lat: number, lng: number) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const locate = () => {
    if (!('geolocation' in navigator)) return setNote({ ok: false, text: t('reg.locateUnsupported') });
    setBusy(true);
    setNote(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        const round = (v: number) => Math.round(v * 1e6) / 1e6;
        onLocated(round(pos.coords.latitude), round(pos.coords.longitude));
        setNote({ ok: true, text: t('reg.located', { m: Math.round(pos.coords.accuracy) }) });
      },
      (err) => {
        setBusy(false);
        setNote({ ok: false, text: t('reg.locateFailed', { reason: err.message || String(err.code) }) });
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="tn-locate">
      <Button icon={<AimOutlined />} onClick={locate} loading={busy} block>
        {busy ? t('reg.locating') : t('reg.locate')}
      </Button>
      {note && <Typography.Text type={note.ok ? 'success' : 'warning'}>{note.text}</Typography.Text>}
    </div>
  );
}

export type Point = { lat: number; lng: number };

/** A form row with the locate button and the point it found (a field inspection, an on-site case record). */
export function PointField({ label, point, onChange }: { label: string; point: Point | null; onChange: (point: Point) => void }) {
  return (
    <Form.Item label={label}>
      <Space wrap>
        <LocateButton onLocated={(lat, lng) => onChange({ lat, lng })} />
        {point && <Typography.Text type="secondary">{`${point.lat}, ${point.lng}`}</Typography.Text>}
      </Space>
    </Form.Item>
  );
}

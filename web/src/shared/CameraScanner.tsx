import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../app/i18n';
import { frameReader } from './qr-decode';

type State = { status: 'idle' } | { status: 'starting' } | { status: 'running'; kind: 'native' | 'script' } | { status: 'error'; text: string };

/**
 * The phone camera looking for a QR code: getUserMedia (back camera), read a few times a second, `onResult` with
 * the first text found, then the camera is released. Cameras need HTTPS (or localhost); without one, the page
 * around this offers typing instead.
 */
export function CameraScanner({ onResult, autoStart = false }: { onResult: (text: string) => void; autoStart?: boolean }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<number | null>(null);
  const [state, setState] = useState<State>({ status: 'idle' });
  const latest = useRef(onResult);
  useEffect(() => {
    latest.current = onResult;
  });

  const stop = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };

  const start = async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState({ status: 'error', text: t(window.isSecureContext ? 'camera.unsupported' : 'camera.needsHttps') });
      return;
    }
    setState({ status: 'starting' });
    try {
      const reader = await frameReader();
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      stream.current = media;
      const element = video.current;
      if (!element) return stop();
      element.srcObject = media;
      await element.play();
      setState({ status: 'running', kind: reader.kind });
      const tick = async () => {
        if (!stream.current) return;
        let text: string | null = null;
        try {
          text = await reader.read(element);
        } catch {
          /* a frame that could not be read: try the next */
        }
        if (text) {
          stop();
          setState({ status: 'idle' });
          latest.current(text);
          return;
        }
        timer.current = window.setTimeout(() => void tick(), 250);
      };
      void tick();
    } catch (err) {
      stop();
      const name = err instanceof DOMException ? err.name : '';
      setState({ status: 'error', text: name === 'NotAllowedError' ? t('camera.denied') : name === 'NotFoundError' ? t('camera.none') : t('camera.failed', { reason: err instanceof Error ? err.message : String(err) }) });
    }
  };

  useEffect(() => {
    if (autoStart) void start();
    return stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- started once; stopped when the scanner goes away
  }, []);

  const on = state.status === 'running' || state.status === 'starting';
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="camera-scanner">
      {on && (
        <div className="tn-t-camera">
          <video ref={video} muted playsInline />
          <div className="tn-t-camera-frame" />
        </div>
      )}
      {state.status === 'running' && <Typography.Text type="secondary">{t(state.kind === 'native' ? 'camera.aimNative' : 'camera.aimScript')}</Typography.Text>}
      {state.status === 'error' && <Alert type="warning" showIcon title={state.text} />}
      {on ? (
        <Button
          icon={<StopOutlined />}
          block
          onClick={() => {
            stop();
            setState({ status: 'idle' });
          }}
        >
          {t('camera.stop')}
        </Button>
      ) : (
        <Button type="primary" icon={<CameraOutlined />} block onClick={() => void start()} data-testid="camera-start">
          {t('camera.start')}
        </Button>
      )}
    </Space>
  );
}

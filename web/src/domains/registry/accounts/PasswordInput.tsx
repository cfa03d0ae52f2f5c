import { CopyOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Tooltip, type FormRule } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages.zh';
import { generatePassword, passwordProblems } from './password-rules';

type Props = {
  value?: string;
  onChange?: (value: string) => void;
  /** Offer a generator (when an administrator sets someone else's password). */
  generator?: boolean;
  autoComplete?: string;
  id?: string;
};

/** A password box with an optional strong-password generator and a copy button. */
export function PasswordInput({ value, onChange, generator, autoComplete = 'new-password', id }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [visible, setVisible] = useState(false);
  const input = (
    <Input.Password
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      autoComplete={autoComplete}
      visibilityToggle={{ visible, onVisibleChange: setVisible }}
    />
  );
  if (!generator) return input;
  return (
    <Space.Compact block>
      {input}
      <Tooltip title={t('password.generate')}>
        <Button
          icon={<ThunderboltOutlined />}
          data-testid="generate-password"
          onClick={() => {
            onChange?.(generatePassword());
            setVisible(true);
            void message.info(t('password.generated'));
          }}
        >
          {t('password.generate')}
        </Button>
      </Tooltip>
      <Tooltip title={t('common.copy')}>
        <Button
          icon={<CopyOutlined />}
          aria-label={t('common.copy')}
          disabled={!value}
          onClick={() => void navigator.clipboard?.writeText(value ?? '').then(() => message.success(t('common.copied')))}
        />
      </Tooltip>
    </Space.Compact>
  );
}

/** Form rule: the server's password rule, checked as the user types. */
export function passwordRule(t: (key: MessageKey) => string, username: () => string): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (!value) throw new Error(t('password.hint'));
      const problems = passwordProblems(value, username());
      if (problems.length) throw new Error(problems.map((p) => t(p)).join(' · '));
    },
  };
}

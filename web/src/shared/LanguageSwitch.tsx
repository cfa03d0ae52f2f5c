import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../app/i18n';

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <Button type="link" icon={<GlobalOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={t('lang.label')}>
      {t('lang.switch')}
    </Button>
  );
}

import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../app/i18n';
import type { audiencesOf } from '../domains/help/guides';

/**
 * 本页帮助 in the header: opens the section of the reader's own guide that explains the page on screen. The guides
 * are loaded on the click, so their text never weighs on a page's first load on a field phone.
 */
export function HelpButton({ me, compact }: { me: Parameters<typeof audiencesOf>[0] | null; compact?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const open = async () => {
    const { audiencesOf, sectionFor } = await import('../domains/help/guides');
    const found = sectionFor(pathname, me ? audiencesOf(me) : ['applicant']);
    navigate(found ? `/help/${found.guide.slug}#${found.section.id}` : '/help');
  };
  return (
    <Button type="text" className="tn-header-button" icon={<QuestionCircleOutlined />} onClick={() => void open().catch(() => navigate('/help'))} data-testid="page-help" aria-label={t('help.thisPage')}>
      {compact ? null : t('help.thisPage')}
    </Button>
  );
}

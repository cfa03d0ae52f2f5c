import { Alert, Card, Empty, Input, List, Menu, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import Markdown from 'react-markdown';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { GUIDES, searchGuides, type HelpGuide } from './guides';
import './help.css';

/** The help centre (网络课堂, 操作手册): the operation guides of every role, searchable, one section per console page. */
export default function HelpPage() {
  const { t, lang } = useI18n();
  const { guide: slug } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [query, setQuery] = useState('');
  const guide = GUIDES.find((g) => g.slug === slug) ?? GUIDES[0]!;
  const hits = useMemo(() => searchGuides(query), [query]);

  // A link from a page's 本页帮助 ends in #section: scroll there once the guide is drawn.
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [location.hash, guide.slug]);

  return (
    <div className="tn-help">
      <Typography.Title level={3}>{t('help.title')}</Typography.Title>
      {lang === 'en' && <Alert type="info" showIcon title={t('help.chineseOnly')} className="tn-help-note" />}
      <Input.Search allowClear placeholder={t('help.searchPlaceholder')} aria-label={t('help.searchPlaceholder')} onSearch={setQuery} onChange={(e) => !e.target.value && setQuery('')} className="tn-help-search" />
      {query ? (
        <Card title={t('help.results', { n: hits.length })}>
          {hits.length === 0 ? (
            <Empty description={t('help.noResults')} />
          ) : (
            <List
              dataSource={hits}
              renderItem={(h) => (
                <List.Item>
                  <Link to={`/help/${h.guide.slug}#${h.section.id}`} onClick={() => setQuery('')}>
                    {h.guide.title} · {h.section.title}
                  </Link>
                </List.Item>
              )}
            />
          )}
        </Card>
      ) : (
        <div className="tn-help-body">
          <Menu
            className="tn-help-guides"
            mode="inline"
            selectedKeys={[guide.slug]}
            items={GUIDES.map((g) => ({ key: g.slug, label: g.title }))}
            onClick={({ key }) => navigate(`/help/${key}`)}
          />
          <GuideView guide={guide} />
        </div>
      )}
    </div>
  );
}

function GuideView({ guide }: { guide: HelpGuide }) {
  return (
    <article className="tn-help-guide" data-testid={`guide-${guide.slug}`}>
      <Typography.Title level={4}>{guide.title}</Typography.Title>
      <Markdown>{guide.intro}</Markdown>
      {guide.sections.map((s) => (
        <section key={s.id} id={s.id} className="tn-help-section">
          <Typography.Title level={5}>{s.title}</Typography.Title>
          <Markdown>{s.body}</Markdown>
        </section>
      ))}
    </article>
  );
}

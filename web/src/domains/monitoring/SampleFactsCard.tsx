import { Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { RegionName } from '../../shared/RegionName';
import { label } from '../trace/trace-labels';
import type { SampleFacts } from './monitoring.types';

/** What the platform knows of the sampled product: product, class, batch, holder, origin and its chain, nearest first. */
export function SampleFactsCard({ facts, title, extra }: { facts: SampleFacts; title?: string; extra?: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <Card title={title ?? t('sample.facts')} extra={extra} data-testid="sample-facts" size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'product', label: t('sample.product'), children: <Typography.Text strong>{facts.productName}</Typography.Text> },
          { key: 'class', label: t('sample.class'), children: facts.classZh },
          {
            key: 'code',
            label: t('sample.code'),
            children: (
              <span>
                <span className="tn-t-code">{facts.code}</span> <Tag>{label(t, 'codeType', facts.codeType)}</Tag>
              </span>
            ),
          },
          { key: 'subject', label: t('sample.subject'), children: facts.subjectName ?? '—' },
          { key: 'origin', label: t('sample.origin'), children: facts.originRegion ? <RegionName code={facts.originRegion} /> : '—' },
        ]}
      />
      {facts.chain.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t('sample.chain')}
          </Typography.Text>
          <Timeline
            style={{ marginTop: 12 }}
            data-testid="sample-chain"
            items={facts.chain.map((h, i) => ({
              key: i,
              content: (
                <span>
                  <Tag>{label(t, 'source', h.source)}</Tag>
                  {h.subjectName}
                  <Typography.Text type="secondary">{` · ${formatTime(h.at)} · `}</Typography.Text>
                  <span className="tn-t-code">{h.code}</span>
                </span>
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}

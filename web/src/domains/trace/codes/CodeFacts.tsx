import { Descriptions } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { CodeDescription } from '../trace.types';
import { RegionName } from '../../../shared/RegionName';

/** What a code is, read from its structure (GET /trace/codes/:code): its type and the county or subject it names. */
export function CodeFacts({ description: d }: { description: CodeDescription }) {
  const { t, lang } = useI18n();
  const items =
    d.kind === 'product'
      ? [
          { key: 'type', label: t('scan.codeType'), children: lang === 'zh' ? d.typeName.zh : d.typeName.en },
          { key: 'county', label: t('scan.county'), children: <RegionName code={d.county} /> },
        ]
      : d.kind === 'long'
        ? [
            { key: 'type', label: t('scan.codeType'), children: `${t('scan.longCode')} · ${d.typeKey}` },
            { key: 'class', label: t('product.classCode'), children: d.productClass },
            { key: 'issued', label: t('scan.issuedAt'), children: d.issuedAt },
          ]
        : d.kind === 'subject'
          ? [
              { key: 'type', label: t('scan.codeType'), children: t('scan.subjectCode') },
              { key: 'identity', label: t('field.identityCode'), children: d.identity },
            ]
          : [
              { key: 'type', label: t('scan.codeType'), children: t('scan.temporaryCode') },
              { key: 'county', label: t('scan.county'), children: <RegionName code={d.county} /> },
            ];
  return <Descriptions size="small" column={1} items={items} data-testid="code-facts" />;
}

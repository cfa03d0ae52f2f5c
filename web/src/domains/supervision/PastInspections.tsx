import { Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { supervisionApi } from './supervision.api';
import type { Inspection } from './supervision.types';

/** The subject's earlier inspections, newest first, for the inspector standing at its gate. */
export function PastInspections({ subjectId, refresh }: { subjectId: string; refresh: unknown }) {
  const { t } = useI18n();
  const [items, setItems] = useState<Inspection[]>([]);
  useEffect(() => {
    let live = true;
    supervisionApi.inspections({ subjectId }).then(
      (page) => live && setItems(page.items.slice(0, 10)),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [subjectId, refresh]);
  return (
    <Card size="small" title={t('inspect.past')}>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('inspect.noPast') }}
        renderItem={(i) => (
          <List.Item key={i.id}>
            <Space orientation="vertical" size={0}>
              <Space wrap size={4}>
                <Typography.Text>{formatTime(i.inspectedAt)}</Typography.Text>
                <Tag color={i.conclusion === 'problem' ? 'red' : 'green'}>{t(i.conclusion === 'problem' ? 'inspect.problem' : 'inspect.compliant')}</Tag>
                {i.rectification !== 'none' && <Tag color={i.rectification === 'overdue' ? 'red' : undefined}>{t(`inspections.rectification.${i.rectification}`)}</Tag>}
              </Space>
              <Typography.Text type="secondary">{`${i.agencyName} · ${i.inspectorName}${i.findings ? ` · ${i.findings}` : ''}`}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { ListCard } from '../../../shared/ListCard';
import { useListPage } from '../../../shared/use-list-page';
import { RegionName } from '../../../shared/RegionName';
import { BaseFormDrawer } from './BaseFormDrawer';
import { RecordActions, type CorrectableField } from '../corrections/RecordActions';
import { TracePageTitle } from '../TracePageTitle';
import { label } from '../trace-labels';
import { traceApi } from '../trace.api';
import '../trace.css';

/** /trace/bases: 生产基地, the places a producer's batches come from, each down to its township and map point. */
export default function BasesPage() {
  const me = useMe();
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const list = useListPage(traceApi.bases);
  const fields: CorrectableField[] = [
    { name: 'name', label: t('base.name'), kind: 'text', maxLength: 100 },
    { name: 'address', label: t('history.field.address'), kind: 'text', maxLength: 200 },
    { name: 'area', label: t('base.area'), kind: 'number', min: 0.001, max: 1e8, optional: true },
    { name: 'lat', label: t('history.field.lat'), kind: 'number', min: -90, max: 90 },
    { name: 'lng', label: t('history.field.lng'), kind: 'number', min: -180, max: 180 },
  ];

  return (
    <div>
      <TracePageTitle
        title={t('base.title')}
        desc={t('base.desc')}
        actions={
          me.can('trace.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('base.add')}
            </Button>
          )
        }
      />
      <ListCard list={list} title={t('base.list')} empty={t('base.empty')}>
        {(items) => (
          <div className="tn-wrap-list">
            {items.map((b) => (
              <div className="tn-wrap-item" key={b.id} data-testid="base-item">
                <div className="tn-t-main">
                  <div className="tn-t-head">
                    <EnvironmentOutlined />
                    <Typography.Text strong>{b.name}</Typography.Text>
                    {b.area !== null && <Typography.Text type="secondary">{`${b.area} ${label(t, 'unit', b.areaUnit)}`}</Typography.Text>}
                  </div>
                  <Typography.Text>
                    <RegionName code={b.regionCode} /> · {b.address}
                  </Typography.Text>
                  <div className="tn-t-meta">
                    <span>{t('base.point', { lat: b.lat, lng: b.lng })}</span>
                    <span>
                      {t('trace.recordedAt')} {formatDate(b.createdAt)}
                    </span>
                  </div>
                  <RecordActions
                    kind="bases"
                    record={b}
                    fields={fields}
                    canWrite={me.can('trace.write')}
                    correct={traceApi.correctBase}
                    voidIt={traceApi.voidBase}
                    onChanged={list.replace}
                  />
                </div>
              </div>
            ))}
          </div>
        )}
      </ListCard>
      <BaseFormDrawer
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(base) => {
          setAdding(false);
          list.prepend(base);
        }}
      />
    </div>
  );
}

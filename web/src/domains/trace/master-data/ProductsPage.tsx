import { ShowcaseSwitch } from './ShowcaseSwitch';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { ListCard } from '../../../shared/ListCard';
import { useListPage } from '../../../shared/use-list-page';
import { ProductFormDrawer } from './ProductFormDrawer';
import { RecordActions, type CorrectableField } from '../corrections/RecordActions';
import { TracePageTitle } from '../TracePageTitle';
import { label } from '../trace-labels';
import { PRODUCT_UNITS } from '../trace.types';
import { traceApi } from '../trace.api';
import '../trace.css';

/** /trace/products: 产品, what the producer's batches are of — class, specification, unit, brand, GTIN. */
export default function ProductsPage() {
  const me = useMe();
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const list = useListPage(traceApi.products);
  const fields: CorrectableField[] = [
    { name: 'name', label: t('product.name'), kind: 'text', maxLength: 100 },
    { name: 'spec', label: t('product.spec'), kind: 'text', maxLength: 60 },
    { name: 'brand', label: t('product.brand'), kind: 'text', maxLength: 60, optional: true },
    // Class, unit and GTIN are printed on labels and certificates: the server refuses them once a batch names the product.
    { name: 'classCode', label: t('product.class'), kind: 'class' },
    { name: 'unit', label: t('product.unit'), kind: 'select', options: PRODUCT_UNITS.map((u) => ({ value: u, label: label(t, 'unit', u) })) },
    { name: 'gtin', label: t('product.gtin'), kind: 'gtin', optional: true },
  ];

  return (
    <div>
      <TracePageTitle
        title={t('product.title')}
        desc={t('product.desc')}
        actions={
          me.can('trace.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('product.add')}
            </Button>
          )
        }
      />
      <ListCard list={list} title={t('product.list')} empty={t('product.empty')}>
        {(items) => (
          <div className="tn-wrap-list">
            {items.map((p) => (
              <div className="tn-wrap-item" key={p.id} data-testid="product-item">
                <div className="tn-t-main">
                  <div className="tn-t-head">
                    <Typography.Text strong>{p.name}</Typography.Text>
                    <Tag>{p.spec}</Tag>
                    <Tag color="green">{p.className}</Tag>
                  </div>
                  <div className="tn-t-meta">
                    <span>
                      {t('product.unit')}{t('common.colon')}{label(t, 'unit', p.unit)}
                    </span>
                    {p.brand && (
                      <span>
                        {t('product.brand')}{t('common.colon')}{p.brand}
                      </span>
                    )}
                    {p.gtin && (
                      <span>
                        GTIN: <span className="tn-t-code">{p.gtin}</span>
                      </span>
                    )}
                    <span>
                      {t('product.classCode')}{t('common.colon')}{p.classCode}
                    </span>
                    {me.subject && p.status === 'active' && (
                      <ShowcaseSwitch id={p.id} shown={p.showcased} disabled={!me.can('trace.write')} onChanged={(showcased) => list.setItems((items) => items.map((x) => (x.id === p.id ? { ...x, showcased } : x)))} />
                    )}
                  </div>
                  <RecordActions
                    kind="products"
                    record={p}
                    fields={fields}
                    canWrite={me.can('trace.write')}
                    correct={traceApi.correctProduct}
                    voidIt={traceApi.voidProduct}
                    onChanged={list.replace}
                  />
                </div>
              </div>
            ))}
          </div>
        )}
      </ListCard>
      <ProductFormDrawer
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(product) => {
          setAdding(false);
          list.prepend(product);
        }}
      />
    </div>
  );
}

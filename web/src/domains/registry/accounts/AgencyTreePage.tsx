import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, List, Select, Space, Spin, Tree, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAgencyMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/LoadError';
import type { Agency } from '../registry.types';
import { DEPARTMENTS, type Department } from '../../../../../src/domains/registry/accounts/agency-values.shared';
import { AgencyDetail } from './AgencyDetail';
import { AgencyNodeTitle } from './AgencyNodeTitle';
import { allPages, registryApi } from '../registry.api';
import { sortAgencies, toNode, withChildren, type AgencyNode } from './tree-data';

/** 机构树: my agency at the root, sub-agencies loaded as nodes are expanded; details of the selected one. */
export default function AgencyTreePage() {
  const me = useAgencyMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [tree, setTree] = useState<AgencyNode[] | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<string[]>([]);
  const [search, setSearch] = useState<{ q: string; items: Agency[] } | null>(null);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const selectedId = params.get('id') ?? me.agency.id;

  const loadRoot = useCallback(async () => {
    setTree(null);
    setLoaded([]);
    try {
      const root = await registryApi.agency(me.agency.id);
      setTree([toNode(root)]);
      setExpanded([root.id]);
    } catch (err) {
      void message.error(errorText(err));
      setTree([]);
    }
  }, [me.agency.id, message, errorText]);

  useEffect(() => {
    void loadRoot();
  }, [loadRoot]);

  const loadChildren = async (node: AgencyNode) => {
    try {
      const children = await allPages((cursor) => registryApi.agencies({ parentId: node.key, cursor }));
      setTree((current) => (current ? withChildren(current, node.key, sortAgencies(children).map(toNode)) : current));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  // 部门 (issue 21 §3): the search may keep to one department, with or without a name.
  const [department, setDepartment] = useState<Department | undefined>(undefined);
  const runSearch = async (q: string, dept = department) => {
    if (!q.trim() && !dept) {
      setSearch(null);
      return;
    }
    setSearching(true);
    try {
      const page = await registryApi.agencies({ ...(q.trim() ? { q: q.trim() } : {}), ...(dept ? { department: dept } : {}), limit: 50 });
      setSearch({ q, items: page.items });
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setSearching(false);
    }
  };

  const select = (id: string) => setParams(id === me.agency.id ? {} : { id }, { replace: true });

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('tree.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('tree.desc')}</Typography.Text>
      </div>
      <div className="tn-tree-layout">
        <Card
          title={t('tree.title')}
          extra={<Button type="text" icon={<ReloadOutlined />} onClick={() => void loadRoot()} aria-label={t('common.refresh')} />}
          data-testid="agency-tree"
        >
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            <Space.Compact style={{ width: '100%' }}>
              <Input.Search placeholder={t('tree.searchPlaceholder')} allowClear loading={searching} onSearch={(q) => { setQuery(q); void runSearch(q); }} maxLength={50} />
              <Select<Department>
                allowClear
                placeholder={t('allocate.department')}
                aria-label={t('allocate.department')}
                value={department}
                onChange={(d) => {
                  setDepartment(d);
                  void runSearch(query, d);
                }}
                options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}`) }))}
                style={{ width: 140 }}
                data-testid="agency-department-filter"
              />
            </Space.Compact>
            {search && (
              <List
                size="small"
                bordered
                header={t('tree.searchResults')}
                dataSource={search.items}
                locale={{ emptyText: <EmptyState /> }}
                renderItem={(a) => (
                  <List.Item onClick={() => select(a.id)} style={{ cursor: 'pointer' }}>
                    <AgencyNodeTitle agency={a} />
                  </List.Item>
                )}
              />
            )}
            {tree === null ? (
              <Spin />
            ) : (
              <Tree<AgencyNode>
                blockNode
                showLine
                treeData={tree}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                loadedKeys={loaded}
                onLoad={(keys) => setLoaded(keys.map(String))}
                loadData={loadChildren}
                selectedKeys={[selectedId]}
                onSelect={(keys) => keys[0] !== undefined && select(String(keys[0]))}
                titleRender={(node) => <AgencyNodeTitle agency={node.agency} />}
              />
            )}
          </Space>
        </Card>
        <AgencyDetail id={selectedId} />
      </div>
    </div>
  );
}

import { TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAgencyMe } from '../../../app/auth';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { KIND_COLOR, kindLabel, levelLabel } from '../../../app/labels';
import type { Agency } from '../registry.types';
import { manageableRoles } from './manage-rules';
import { registryApi } from '../registry.api';

export function AgencyDetail({ id }: { id: string }) {
  const me = useAgencyMe();
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<{ id: string; agency?: Agency; error?: string } | null>(null);

  useEffect(() => {
    let live = true;
    registryApi.agency(id).then(
      (agency) => live && setState({ id, agency }),
      (err: unknown) => live && setState({ id, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, errorText]);

  const agency = state?.id === id ? state.agency : undefined;
  const canUsers = agency && me.can('user.read') && manageableRoles(me, agency).length > 0;
  const canAllocate = agency && agency.id === me.agency.id && me.can('agency.allocate');

  return (
    <Card title={t('tree.detail')} data-testid="agency-detail">
      {state?.id === id && state.error ? (
        <Result status="warning" subTitle={state.error} />
      ) : !agency ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'name', label: t('field.agencyName'), children: agency.name },
              { key: 'kind', label: t('field.kind'), children: <Tag color={KIND_COLOR[agency.kind]}>{kindLabel(t, agency.kind)}</Tag> },
              ...(agency.kind === 'supervision' ? [{ key: 'department', label: t('allocate.department'), children: t(`department.${agency.department}`) }] : []),
              { key: 'level', label: t('field.level'), children: levelLabel(t, agency.level) },
              { key: 'region', label: t('field.region'), children: agency.regionName ?? t('common.nationwide') },
              { key: 'code', label: t('field.regionCode'), children: agency.regionCode || '—' },
              { key: 'status', label: t('field.status'), children: t(agency.status === 'active' ? 'status.active' : 'status.disabled') },
              { key: 'created', label: t('field.createdAt'), children: formatTime(agency.createdAt) },
            ]}
          />
          <Space wrap>
            {canUsers && (
              <Button icon={<TeamOutlined />} onClick={() => navigate(`/users?agency=${agency.id}`)}>
                {t('tree.users')}
              </Button>
            )}
            {canAllocate && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => navigate('/allocate')}>
                {t('tree.allocate')}
              </Button>
            )}
          </Space>
        </Space>
      )}
    </Card>
  );
}

import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Dropdown } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from './auth';
import { useI18n } from './i18n';

/**
 * The account's menu (我的账号, 退出登录) around the header's button. AppLayout loads it at the first press, open,
 * so antd's Dropdown is not part of a page's first load on a phone (issue 15 §9).
 */
export default function UserMenu({ children }: { children: ReactNode }) {
  const { logout } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(true);
  return (
    // Opened by a click: phones have no hover, and a hover menu closes when the pointer slips off it.
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: t('menu.account') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('menu.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          setOpen(false);
          if (key === 'logout') void logout();
          else navigate('/account');
        },
      }}
    >
      {children}
    </Dropdown>
  );
}

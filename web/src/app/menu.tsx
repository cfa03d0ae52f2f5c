import { ApartmentOutlined, AuditOutlined, TeamOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from './messages.zh';
import type { Permission } from './types';

export type MenuEntry = { path: string; label: MessageKey; icon: ReactNode; permission?: Permission };

/** The console's pages in menu order; an entry shows only to accounts holding its permission. */
export const MENU: MenuEntry[] = [
  { path: '/agencies', label: 'menu.agencies', icon: <ApartmentOutlined />, permission: 'agency.read' },
  { path: '/allocate', label: 'menu.allocate', icon: <UserAddOutlined />, permission: 'agency.allocate' },
  { path: '/users', label: 'menu.users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/account', label: 'menu.account', icon: <UserOutlined /> },
];

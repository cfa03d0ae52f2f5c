import { Menu } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from './auth';
import { useI18n } from './i18n';
import type { ReactNode } from 'react';
import type { MenuIconsModule } from './console-domain';
import { MENU_GROUPS, menuFor, type MenuPath } from './menu';

// Each domain's menu icons (web/src/domains/<d>/menu-icons.tsx), found by name and bundled with the side menu, not
// the shell; each domain's file is type-checked to give every one of its menu paths an icon.
const ICON_MODULES = Object.values(import.meta.glob<MenuIconsModule>('../domains/*/menu-icons.tsx', { eager: true }));
const ICONS = Object.assign({}, ...ICON_MODULES.map((m) => m.icons)) as Record<MenuPath, ReactNode>;
const LABELS = Object.assign({}, ...ICON_MODULES.map((m) => m.labels ?? {})) as Partial<Record<MenuPath, NonNullable<MenuIconsModule['labels']>[string]>>;

/**
 * The side menu, grouped as the platform's business systems are (系统管理 / 主体管理 / 追溯 / 监管执法 / 监测 /
 * 统计分析). Loaded apart from the shell (AppLayout): on a phone it stays closed until asked for, so its code
 * (antd's Menu and its popups) is not on a cold page's way (issue 15 §9).
 */
export default function SiderMenu({ selected, onNavigate }: { selected: string; onNavigate: () => void }) {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const entries = menuFor(me);
  const item = (m: (typeof entries)[number]) => {
    const Label = LABELS[m.path];
    return { key: m.path, icon: ICONS[m.path], label: Label ? <Label label={t(m.label)} /> : t(m.label) };
  };
  // 首页 heads the menu, above the groups; the other entries without a group end it.
  const items = [
    ...entries.filter((m) => m.path === '/home').map(item),
    ...MENU_GROUPS.flatMap((g) => {
      const inGroup = entries.filter((m) => m.group === g);
      return inGroup.length ? [{ type: 'group' as const, key: `group:${g}`, label: t(`menuGroup.${g}`), children: inGroup.map(item) }] : [];
    }),
    ...entries.filter((m) => !m.group && m.path !== '/home').map(item),
  ];
  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        navigate(key);
        onNavigate();
      }}
    />
  );
}

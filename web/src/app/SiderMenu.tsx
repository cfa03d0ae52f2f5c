import { Menu } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from './auth';
import { useI18n } from './i18n';
import type { MenuIcons } from './console-domain';
import { MENU_GROUPS, menuFor, type MenuPath } from './menu';

/**
 * The side menu, grouped as the platform's business systems are (系统管理 / 主体管理 / 追溯 / 监管执法 / 监测 /
 * 统计分析). Loaded apart from the shell (AppLayout): on a phone it stays closed until asked for, so its code
 * (antd's Menu and its popups) is not on a cold page's way (issue 15 §9).
 */
export default function SiderMenu({ selected, onNavigate, icons }: { selected: string; onNavigate: () => void; icons: Required<MenuIcons<MenuPath>> }) {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const entries = menuFor(me);
  const item = (m: (typeof entries)[number]) => {
    const Label = icons.labels[m.path];
    return { key: m.path, icon: icons.icons[m.path], label: Label ? <Label label={t(m.label)} /> : t(m.label) };
  };
  const items = [
    ...MENU_GROUPS.flatMap((g) => {
      const inGroup = entries.filter((m) => m.group === g);
      return inGroup.length ? [{ type: 'group' as const, key: `group:${g}`, label: t(`menuGroup.${g}`), children: inGroup.map(item) }] : [];
    }),
    ...entries.filter((m) => !m.group).map(item),
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

import { Menu } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from './auth';
import { useI18n } from './i18n';
import { MENU_GROUPS, menuFor } from './menu';
import { MENU_ICONS, MENU_LABELS } from './menu-icons';

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
    const Label = MENU_LABELS[m.path];
    return { key: m.path, icon: MENU_ICONS[m.path], label: Label ? <Label label={t(m.label)} /> : t(m.label) };
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

import type { AgencyLevel } from '../domains/registry/registry.types';
import { CONSOLE_DOMAINS } from '../domains';
import type { MenuEntry, MenuGroup } from './console-domain';
import type { MessageKey } from './messages.zh';
import type { Permission } from './types';

export type { MenuEntry, MenuGroup } from './console-domain';

/** The menu's groups in order (系统管理 / 主体管理 / 追溯 / 监管执法 / 监测 / 统计分析); a group nobody's entry fills is not shown. */
export const MENU_GROUPS: readonly MenuGroup[] = ['system', 'subjects', 'trace', 'supervision', 'monitoring', 'analytics'];

/** A menu entry's page; each has its icon in its domain's menu-icons.tsx (loaded with the side menu, not with the shell). */
export type MenuPath = (typeof CONSOLE_DOMAINS)[number]['menu'][number]['path'];
export type MenuItem = MenuEntry<MenuPath, MessageKey>;

/**
 * The console's pages in menu order, gathered from the domains (web/src/domains/index.ts); an entry shows only to
 * accounts holding its permission. Their icons load with the side menu (SiderMenu.tsx): the shell, which reads this
 * list for the breadcrumb and the first page, does not wait for 30 icons on a phone (issue 15 §9).
 */
const ITEMS: readonly MenuItem[] = CONSOLE_DOMAINS.flatMap((d): readonly MenuItem[] => d.menu).sort((a, b) => a.order - b.order);

/**
 * The entries this account sees, in menu order: it holds the permission, an agency-only page only for an official,
 * a field tool only for an official of a level that goes to the field. The permission still lets the others open
 * the page by its address (a province official may inspect); the menu shows each role what it uses.
 */
export function menuFor(me: { agency: { level: AgencyLevel } | null; can: (permission: Permission) => boolean }): MenuItem[] {
  return ITEMS.filter(
    (m) =>
      (!m.permission || me.can(m.permission)) &&
      (!m.agencyOnly || Boolean(me.agency)) &&
      (!m.subjectOnly || !me.agency) &&
      (!m.levels || (me.agency !== null && m.levels.includes(me.agency.level))),
  );
}

/** The menu entry a path belongs to: the longest entry path it starts with (`/trace/batches/1` → 批次). */
export function entryOf(pathname: string): MenuItem | undefined {
  return ITEMS.filter((m) => pathname === m.path || pathname.startsWith(`${m.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
}


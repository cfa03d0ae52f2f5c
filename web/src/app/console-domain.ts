import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { AppMessageKey } from './messages.zh';
import type { AgencyLevel } from '../domains/registry/registry.types';
import type { Permission } from './types';

/**
 * What a console domain tells the shell about itself (issue 20 §5): its pages with the permission each needs, its
 * menu entries with their icons, and its words. web/src/domains/index.ts lists the domains; App.tsx, the menu and
 * i18n read that list, so adding a domain is one folder and one line there.
 */
export type ConsoleDomain<Words extends Record<string, string> = Record<string, string>, Path extends string = string> = {
  name: string;
  /** Pages inside the signed-in console (AppLayout); a page with a permission shows 403 to an account without it. */
  routes: readonly ConsoleRoute[];
  /** Pages open to anyone, signed in or not, in the public shell (registration and its status). */
  publicRoutes?: readonly ConsoleRoute[];
  /** Pages in the public shell for a reader who is not signed in (a signed-in reader gets them in the console). */
  anonymousRoutes?: readonly ConsoleRoute[];
  /** The sign-in and forced-password pages, which the shell shows before any route (one domain gives them). */
  signIn?: { login: Page; forcedPassword: Page };
  menu: readonly MenuEntry<Path, AppMessageKey | Extract<keyof Words, string>>[];
  /**
   * The menu entries' icons (and a label with a count beside it), loaded with the side menu rather than the shell:
   * a phone opening a page cold does not wait for them (issue 15 §9). A menu path without an icon fails typecheck.
   */
  icons?: () => Promise<MenuIcons<Path>>;
  /** Chinese loads with the shell; English when chosen (most readers use Chinese). Same keys in both. */
  messages: { zh: Words; en: () => Promise<Record<keyof Words, string>> };
};

export type Page = LazyExoticComponent<ComponentType>;

export type ConsoleRoute = { path: string; page: Page; permission?: Permission };

export type MenuIcons<Path extends string = string> = {
  icons: Record<Path, ReactNode>;
  labels?: Partial<Record<Path, ComponentType<{ label: string }>>>;
};

export type MenuGroup = 'system' | 'subjects' | 'trace' | 'supervision' | 'monitoring' | 'analytics';

export type MenuEntry<Path extends string = string, Label extends string = string> = {
  path: Path;
  label: Label;
  /** Place in the whole menu (within its group; the first entry an account sees is its home page). */
  order: number;
  /** Where it sits in the menu; none for the account page, which ends the menu on its own. */
  group?: MenuGroup;
  permission?: Permission;
  /** only for officials (a producer's account has its own page for the same permission) */
  agencyOnly?: boolean;
  /** only for officials of these levels: a tool for the field is for those who go there, not the ministry */
  levels?: readonly AgencyLevel[];
  /** only for a producer's or trader's account */
  subjectOnly?: boolean;
};

/** Who goes to bases and markets (基地巡查, 抽样): counties and their township stations; above them, officials direct and read. */
export const FIELD_LEVELS: readonly AgencyLevel[] = ['county', 'township'];

import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { AppMessageKey } from './messages.zh';
import type { AgencyLevel } from '../domains/registry/registry.types';
import type { Permission } from './types';

/**
 * What a console domain tells the shell about itself (issue 20 §5): its pages with the permission each needs, its
 * menu entries with their icons, and its words. web/src/domains/index.ts lists the domains; App.tsx, the menu and
 * i18n read that list, so adding a domain is one folder and one line there.
 */
export type ConsoleDomain<
  Words extends Record<string, string> = Record<string, string>,
  Path extends string = string,
  Shell extends Record<string, string> = Record<string, string>,
> = {
  name: string;
  /** Pages inside the signed-in console (AppLayout); a page with a permission shows 403 to an account without it. */
  routes: readonly ConsoleRoute[];
  /** Pages open to anyone, signed in or not, in the public shell (registration and its status). */
  publicRoutes?: readonly ConsoleRoute[];
  /** Pages in the public shell for a reader who is not signed in (a signed-in reader gets them in the console). */
  anonymousRoutes?: readonly ConsoleRoute[];
  /** The sign-in and forced-password pages, which the shell shows before any route (one domain gives them). */
  signIn?: { login: Page; forcedPassword: Page };
  /** Its entries' labels are the shell's words or the domain's `shell` words, which the main code carries. */
  menu: readonly MenuEntry<Path, AppMessageKey | Extract<keyof Shell, string>>[];
  /**
   * The domain's words in Chinese: `shell`, what the shell shows of it before any of its pages (menu labels, header
   * widgets), loads with the main code; `zh`, all the others, a chunk of their own that its pages wait for
   * (app/words.ts): a phone opening a batch page cold does not download the words of monitoring, enforcement… (issue
   * 15 §9). Two files beside index.ts complete it, found by their names so that neither the main chunk nor a list
   * names them: `messages.en.ts` exports `words: EnglishOf<…>` (fetched with all English when it is chosen,
   * app/english.ts), and `menu-icons.tsx` exports `icons … satisfies MenuIconsOf<…>` (and `labels`, a label with a
   * count), fetched with the side menu (app/SiderMenu.tsx): a phone opening a page cold waits for neither.
   */
  messages: { shell: Shell; zh: () => Promise<Words> };
};

/** Every key of a domain's Chinese: its shell words' and its pages'. */
export type DomainKeys<D extends { messages: { shell: object; zh: () => Promise<object> } }> = keyof D['messages']['shell'] | keyof Awaited<ReturnType<D['messages']['zh']>>;

/** A domain's English: the same keys as its Chinese, shell words and pages' words in one (a missing one fails typecheck). */
export type EnglishOf<D extends { messages: { shell: object; zh: () => Promise<object> } }> = Record<DomainKeys<D>, string>;

/** A domain's menu icons: one for each of its menu paths (a missing one fails typecheck). */
export type MenuIconsOf<D extends { menu: readonly { path: string }[] }> = Record<D['menu'][number]['path'], ReactNode>;

export type Page = LazyExoticComponent<ComponentType>;

export type ConsoleRoute = { path: string; page: Page; permission?: Permission };

/** What a domain's menu-icons.tsx exports. */
export type MenuIconsModule = { icons: Record<string, ReactNode>; labels?: Record<string, ComponentType<{ label: string }>> };

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

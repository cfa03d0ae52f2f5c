/// <reference types="node" />
import type { ComponentType, ReactNode } from 'react';
import { THEME } from './src/app/theme';

/**
 * antd's styles for what a phone's first page shows (the shell and the batch pages), made here at build time, for
 * index.html. antd writes each widget's styles in the browser when the widget first shows — on a phone that is some
 * hundreds of milliseconds of the first render (issue 15 §9). @ant-design/cssinjs reads the `.data-ant-cssinjs-cache-path`
 * rule these styles end with and takes a widget's styles from it instead of making them; every other widget still
 * gets its styles made at run time, so a widget missing here is slower on first show, never unstyled. The class
 * names carry a hash of antd's version and theme, so a style made with another theme is just not taken.
 */
export async function criticalAntdStyles(): Promise<string> {
  // antd picks its class names' prefix (`css-dev-only-…` or `css-…`) when loaded: loaded here, in the build.
  process.env.NODE_ENV = 'production';
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const { createCache, extractStyle, StyleProvider } = await import('@ant-design/cssinjs');
  const antd = await import('antd');
  const { App, Badge, Button, ConfigProvider, Descriptions, Empty, Layout, Skeleton, Space, Spin, Tag } = antd;
  const h = (type: ComponentType<never> | string, props: object | null, ...children: ReactNode[]) => createElement(type as ComponentType, props, ...children);

  // What the shell (AppLayout, App.tsx's spinners, the inbox's Badge) and the batch pages (BatchesPage,
  // BatchDetailPage, BatchItem, BatchFacts, EmptyState) show first; each widget's styles cover all its variants, but
  // Tag's preset and status colours are styles of their own. Not what shows later or seldom (a selection's
  // Checkbox, an announcement's or a failed load's Alert): each kilobyte here is one more before any page shows.
  const shown = [
    h(Spin, null),
    h(Layout, null, h(Layout.Header, null), h(Layout.Sider, null), h(Layout.Content, null)),
    h(Button, null, 'x'),
    h(Space, null),
    h(Empty, null),
    h(Tag, { color: 'blue' }),
    h(Tag, { color: 'success' }),
    h(Badge, { count: 1 }),
    h(Skeleton, null),
    h(Descriptions, { items: [{ label: 'x', children: 'x' }] }),
  ];
  const cache = createCache();
  renderToString(h(StyleProvider, { cache }, h(ConfigProvider, { theme: THEME }, h(App, null, ...shown))));
  const css = extractStyle(cache, { plain: true, types: ['style'] });
  // A second copy of @ant-design/cssinjs (not antd's own) would see none of antd's styles: say so, not ship nothing.
  if (!/\|Button-Button\|/.test(css)) throw new Error('antd-styles: no antd styles were made; is @ant-design/cssinjs the copy antd uses?');
  return css;
}

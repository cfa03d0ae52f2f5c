import type { ThemeConfig } from 'antd';

/**
 * The console's antd theme: read by the ConfigProvider (i18n.tsx) and, at build time, by web/antd-styles.ts, whose
 * ready-made styles are taken only while both use the same theme.
 */
export const THEME: ThemeConfig = { token: { colorPrimary: '#389e0d', colorPrimaryBg: '#eef8e6', colorPrimaryBgHover: '#d9f2c4', borderRadius: 6 } };

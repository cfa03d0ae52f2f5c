import { analyticsConsole } from './analytics';
import { enforcementConsole } from './enforcement';
import { helpConsole } from './help';
import { integrationConsole } from './integration';
import { marketConsole } from './market';
import { monitoringConsole } from './monitoring';
import { noticesConsole } from './notices';
import { opsConsole } from './ops';
import { registryConsole } from './registry';
import { supervisionConsole } from './supervision';
import { traceConsole } from './trace';

/**
 * The console's domains (issue 20 §5): App.tsx takes their pages, the menu their entries and icons, i18n their
 * words from this list. A new domain is a folder with an index.ts exporting its ConsoleDomain, and one line here.
 */
export const CONSOLE_DOMAINS = [
  registryConsole,
  traceConsole,
  supervisionConsole,
  enforcementConsole,
  monitoringConsole,
  marketConsole,
  noticesConsole,
  integrationConsole,
  analyticsConsole,
  opsConsole,
  helpConsole,
] as const;

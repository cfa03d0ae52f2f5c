import { RuleTester } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import consoleWidgets from './console-widgets.js';

const root = path.resolve(import.meta.dirname, '..');
const file = (rel: string) => path.join(root, rel);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

describe('console-widgets/imports', () => {
  it('lets a domain take widgets from its own folder, web/src/shared and web/src/app, and refuses another domain\u2019s', () => {
    tester.run('imports', consoleWidgets.rules.imports, {
      valid: [
        { filename: file('web/src/domains/monitoring/SampleForm.tsx'), code: "import { LocateButton } from '../../shared/LocateButton';" },
        { filename: file('web/src/domains/monitoring/SampleForm.tsx'), code: "import { useI18n } from '../../app/i18n';" },
        { filename: file('web/src/domains/monitoring/SampleForm.tsx'), code: "import { CodeFinder } from './CodeFinder';" },
        { filename: file('web/src/domains/monitoring/SamplePage.tsx'), code: "import './monitoring.css';" },
        // Another domain's client, types and plain labels are data, not widgets.
        { filename: file('web/src/domains/monitoring/SampleForm.tsx'), code: "import { traceApi } from '../trace/trace.api';" },
        { filename: file('web/src/domains/monitoring/SampleForm.tsx'), code: "import type { Batch } from '../trace/trace.types';" },
        { filename: file('web/src/domains/monitoring/SampleForm.tsx'), code: "import { label } from '../trace/trace-labels';" },
        { filename: file('web/src/shared/RegionName.tsx'), code: "import { registryApi } from '../domains/registry/registry.api';" },
        // The shell and the list of domains reach into the domains.
        { filename: file('web/src/app/AppLayout.tsx'), code: "import { InboxBell } from '../domains/notices/InboxBell';" },
      ],
      invalid: [
        { filename: file('web/src/domains/monitoring/SampleForm.tsx'), code: "import { LocateButton } from '../registry/LocateButton';", errors: 1 },
        { filename: file('web/src/domains/enforcement/CasesPage.tsx'), code: "import { useWord } from '../supervision/supervision-labels.tsx';", errors: 1 },
        { filename: file('web/src/domains/monitoring/AlertsPage.tsx'), code: "import '../trace/trace.css';", errors: 1 },
        { filename: file('web/src/domains/monitoring/AlertsPage.tsx'), code: "const Page = () => import('../trace/BatchesPage');", errors: 1 },
        { filename: file('web/src/shared/FieldPhoto.tsx'), code: "import { PhotoGallery } from '../domains/registry/PhotoGallery';", errors: 1 },
      ],
    });
  });
});

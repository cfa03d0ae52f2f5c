import { RuleTester } from 'eslint';
import path from 'node:path';
import { describe, it } from 'vitest';
import boundaries from './boundaries.js';

const root = path.resolve(import.meta.dirname, '..');
const file = (rel: string) => path.join(root, rel);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

describe('boundaries/imports', () => {
  it('allows and refuses imports as DESIGN.md §5 says', () => {
    tester.run('imports', boundaries.rules.imports, {
      valid: [
        { filename: file('src/domains/trace/batch.service.ts'), code: "import { x } from '../registry/index.js';" },
        { filename: file('src/domains/trace/batch.service.ts'), code: "import { x } from './queries.js';" },
        { filename: file('src/domains/trace/batch.service.ts'), code: "import { x } from '../../platform/db/tx.js';" },
        { filename: file('src/domains/trace/routes.ts'), code: "import { x } from './batch.service.js';" },
        { filename: file('web/src/domains/registry/UsersPage.tsx'), code: "import { x } from '../../../../src/domains/registry/contracts.js';" },
        { filename: file('web/src/domains/registry/UsersPage.tsx'), code: "import { x } from '../../../../src/domains/registry/contracts';" },
        { filename: file('web/src/domains/registry/IdentityStep.tsx'), code: "import { x } from '../../../../src/domains/registry/identity-check.shared';" },
        { filename: file('web/src/domains/registry/IdentityStep.tsx'), code: "import { x } from '../../../../src/domains/registry/identity-check.shared.js';" },
        { filename: file('src/domains/registry/subject.rules.ts'), code: "import { x } from './identity-check.shared.js';" },
        { filename: file('src/domains/registry/identity-check.shared.ts'), code: "import { x } from './labels.shared.js';" },
        { filename: file('web/src/domains/ops/FeedbackPage.tsx'), code: "import { x } from '../../../../src/domains/ops/feedback/contracts';" },
        { filename: file('web/src/domains/registry/ImportPage.tsx'), code: "import { x } from '../../../../src/domains/registry/import.contracts';" },
        { filename: file('web/src/domains/registry/IdentityStep.tsx'), code: "import { x } from '../../../../src/platform/http/text-fields.shared';" },
        { filename: file('src/domains/trace/contracts.ts'), code: "import { z } from 'zod';" },
        { filename: file('src/domains/trace/contracts.ts'), code: "import { x } from '../../platform/http/page.shared.js';" },
        { filename: file('src/domains/registry/recovery.contracts.ts'), code: "import { x } from './subject.contracts.js';" },
        { filename: file('src/domains/ops/feedback/contracts.ts'), code: "import { x } from './feedback-states.shared.js';" },
        // A contract names another domain's vocabulary directly (its index would bring server code to the console).
        { filename: file('src/domains/notices/producer-notices/contracts.ts'), code: "import { x } from '../../registry/subject-values.shared.js';" },
        // A contract builds on another domain's contract (both are the console's too).
        { filename: file('src/domains/registry/subject.contracts.ts'), code: "import { regionCode } from '../regions/contracts.js';" },
        { filename: file('src/domains/registry/index.ts'), code: "export { subjectNames } from './schema.js';" },
        { filename: file('src/domains/registry/index.ts'), code: "export { subjectContactSql } from './holders.queries.js';" },
        { filename: file('src/domains/registry/holders.queries.ts'), code: "export { subjectNameSql } from './x.js';" },
        { filename: file('src/domains/supervision/schema.ts'), code: "import { supervisionTaskRecipients } from '../tasks/schema.js';" },
      ],
      invalid: [
        { filename: file('src/domains/trace/batch.service.ts'), code: "import { x } from '../registry/queries.js';", errors: 1 },
        { filename: file('src/domains/supervision/inspection.service.ts'), code: "import { supervisionTaskRecipients } from '../tasks/schema.js';", errors: 1 },
        { filename: file('src/domains/trace/batch.service.ts'), code: "import { x } from '../registry/subject-values.shared.js';", errors: 1 },
        { filename: file('src/platform/http/pagination.ts'), code: "import { x } from '../../domains/registry/index.js';", errors: 1 },
        { filename: file('src/domains/trace/routes.ts'), code: "import { sql } from 'drizzle-orm';", errors: 1 },
        { filename: file('src/domains/trace/routes.ts'), code: "import { batches } from './schema.js';", errors: 1 },
        { filename: file('web/src/app/api.ts'), code: "import { x } from '../../../src/platform/db/client.js';", errors: 1 },
        { filename: file('web/src/domains/registry/IdentityStep.tsx'), code: "import { x } from '../../../../src/domains/registry/subject.rules';", errors: 1 },
        { filename: file('web/src/domains/registry/IdentityStep.tsx'), code: "import { x } from '../../../../src/platform/http/pagination';", errors: 1 },
        { filename: file('web/src/domains/ops/FeedbackPage.tsx'), code: "import { x } from '../../../../src/domains/ops/feedback/schema';", errors: 1 },
        { filename: file('src/domains/registry/identity-check.shared.ts'), code: "import { x } from './subject.rules.js';", errors: 1 },
        { filename: file('src/domains/registry/identity-check.shared.ts'), code: "import { Buffer } from 'node:buffer';", errors: 1 },
        { filename: file('src/domains/registry/password.shared.ts'), code: "import { hash } from '@node-rs/argon2';", errors: 1 },
        // Contracts are read by the console: no server-only module, however indirectly it would arrive.
        { filename: file('src/domains/trace/contracts.ts'), code: "import { x } from '../../platform/http/pagination.js';", errors: 1 },
        { filename: file('src/domains/trace/contracts.ts'), code: "import { x } from './schema.js';", errors: 1 },
        { filename: file('src/domains/ops/feedback/contracts.ts'), code: "import { x } from './schema.js';", errors: 1 },
        { filename: file('src/domains/registry/import.contracts.ts'), code: "import { x } from './import.service.js';", errors: 1 },
        { filename: file('src/domains/trace/contracts.ts'), code: "import { sql } from 'drizzle-orm';", errors: 1 },
        { filename: file('src/domains/trace/contracts.ts'), code: "import { FastifyInstance } from 'fastify';", errors: 1 },
        { filename: file('src/domains/trace/contracts.ts'), code: "import { Buffer } from 'node:buffer';", errors: 1 },
        // Only a contract may reach another domain's contract directly; a service goes through index.ts.
        { filename: file('src/domains/registry/subject.service.ts'), code: "import { regionCode } from '../regions/contracts.js';", errors: 1 },
        { filename: file('src/domains/registry/contracts.ts'), code: "import { x } from '../regions/queries.js';", errors: 1 },
        // No new SQL fragment in a domain's public surface (issue 20 §3).
        { filename: file('src/domains/registry/index.ts'), code: "export { subjectNameSql } from './holders.queries.js';", errors: 1 },
        { filename: file('src/domains/supervision/index.ts'), code: "export { countTaskWork, publishedByAgencySql } from './task-work.js';", errors: 1 },
      ],
    });
  });
});

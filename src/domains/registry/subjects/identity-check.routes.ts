import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../platform/config.js';
import { errorResponses } from '../../../platform/http/context.js';
import { idKind, idNumber } from './subject.contracts.js';
import { identityProblem } from './subject.rules.js';
import { subjectError } from './subject.errors.js';

const checkIn = z.strictObject({ idKind, idNumber });
const checkOut = z.object({
  valid: z.boolean(),
  problem: z.enum(['IDENTITY_FORMAT', 'IDENTITY_CHECK_CHARACTER', 'IDENTITY_BIRTH_DATE']).nullable(),
  message: z.object({ zh: z.string(), en: z.string() }).nullable().describe('why it is not valid, in Chinese and English'),
});

/**
 * 证件校验 (issue 21 §3): whether a credit code (GB 32100) or a resident ID (GB 11643) is well formed and its check
 * character right — nothing registered, nothing looked up: whether a number is on the platform is never said, so
 * the route cannot be used to probe who registered. Limited per IP like the verify route.
 */
export function identityCheckRoutes(deps: { config: Config }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    await app.register(fastifyRateLimit, { global: false, addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false } });
    app.post('/api/v1/public/identity-check', {
      config: { permission: 'public', rateLimit: { max: Math.max(1, Math.ceil(deps.config.publicRateLimit / 10)), timeWindow: 60_000 } },
      schema: {
        tags: ['registration 主体注册申请'],
        summary: 'Checks a unified social credit code or resident ID number (format and check character) without registering or looking up anything',
        body: checkIn,
        response: { 200: checkOut, ...errorResponses },
      },
      handler: async (request) => {
        const { idKind: kind, idNumber: number } = request.body;
        const problem = identityProblem(kind, number, new Date());
        if (!problem) return { valid: true, problem: null, message: null };
        const e = subjectError(problem.code, { idKind: kind });
        return { valid: false, problem: problem.code as z.infer<typeof checkOut>['problem'], message: { zh: e.messages.zh, en: e.messages.en } };
      },
    });
  };
}

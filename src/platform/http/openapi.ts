import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tracenet API (追溯一张网)',
        version: '1',
        description:
          'Errors are `{ code, message: { zh, en }, details }`. People authenticate with the session cookie from ' +
          '`POST /api/v1/auth/login` and send `X-CSRF-Token` on writes; apps send `Authorization: Bearer <token>`. ' +
          'POSTs accept `Idempotency-Key`. Lists are cursor-paginated (`limit`, `cursor` → `nextCursor`).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tn_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The docs page loads nothing from outside: no online validator badge, no fonts or styles from any https origin.
    transformStaticCSP: (header) => header.replace(/ validator\.swagger\.io/g, '').replace(/ https:/g, ''),
    validatorUrl: false,
  });
}

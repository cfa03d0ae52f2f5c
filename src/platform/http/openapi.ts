import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const SIGNED = 'Signed requests of client systems (平台对接): all four X-Tracenet-* headers. ';
const SIGNING =
  '**Signed requests** (client systems: provincial platforms, certification systems, markets, shops): send `X-Tracenet-Key` (the key id), ' +
  '`X-Tracenet-Timestamp` (Unix seconds, within 5 minutes of the server clock), `X-Tracenet-Nonce` (16–64 of `A-Za-z0-9_-`, never reused) and ' +
  '`X-Tracenet-Signature`: lowercase hex HMAC-SHA256, keyed with the secret, of the lines `TN1-HMAC-SHA256`, the method, the path with its query ' +
  'exactly as sent, the timestamp, the nonce and the lowercase hex SHA-256 of the body (of nothing for a GET), joined by `\\n`. Refusals: ' +
  '401 `SIGNATURE_INVALID`, `SIGNATURE_EXPIRED`, `NONCE_REUSED`, `KEY_REVOKED`; 403 `OUT_OF_SCOPE` (a region or operation outside the client’s scope, ' +
  'or a route that does not serve client systems). Cookies and bearer tokens beside a signature are ignored; public routes ignore the signature.';

/** The `security` of a route people and client systems both call. */
export const SIGNED_OR_SESSION: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }, { tracenetKey: [], tracenetTimestamp: [], tracenetNonce: [], tracenetSignature: [] }];
/** The `security` of a route only client systems call. */
export const SIGNED_ONLY: Record<string, string[]>[] = [{ tracenetKey: [], tracenetTimestamp: [], tracenetNonce: [], tracenetSignature: [] }];

export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tracenet API (追溯一张网)',
        version: '1',
        description:
          'Errors are `{ code, message: { zh, en }, details }`. People authenticate with the session cookie from ' +
          '`POST /api/v1/auth/login` and send `X-CSRF-Token` on writes; apps send `Authorization: Bearer <token>`. ' +
          'POSTs accept `Idempotency-Key`. Lists are cursor-paginated (`limit`, `cursor` → `nextCursor`).\n\n' +
          SIGNING,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tn_session' },
          bearer: { type: 'http', scheme: 'bearer' },
          tracenetKey: { type: 'apiKey', in: 'header', name: 'X-Tracenet-Key', description: `${SIGNED}The API key id (tnk_…).` },
          tracenetTimestamp: { type: 'apiKey', in: 'header', name: 'X-Tracenet-Timestamp', description: `${SIGNED}Unix seconds; at most 300 s from the server clock.` },
          tracenetNonce: { type: 'apiKey', in: 'header', name: 'X-Tracenet-Nonce', description: `${SIGNED}16–64 characters A-Z a-z 0-9 _ -, new for every request.` },
          tracenetSignature: { type: 'apiKey', in: 'header', name: 'X-Tracenet-Signature', description: `${SIGNED}Hex HMAC-SHA256 of the string to sign (see the description above).` },
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

import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/client.js';
import { installAuthentication, requireDeclaredPermission } from './platform/auth/authenticate.js';
import { configureHashGate } from './platform/auth/hash-gate.js';
import { purgeLoginCounters } from './platform/auth/login-guard.js';
import { purgeExpiredSessions } from './platform/auth/session.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { httpError } from './platform/http/errors.js';
import { healthRoutes } from './platform/http/health.js';
import { idempotencyPurgeJob, installIdempotency } from './platform/http/idempotency.js';
import { installOpenApi } from './platform/http/openapi.js';
import { installNoStore, installSecurityHeaders, trustProxyOption } from './platform/http/security-headers.js';
import { installTextGuard } from './platform/http/text-fields.js';
import { consoleInlineScriptHashes, installFavicon, installWebConsole, NOT_FOUND_PAGE, wantsConsolePage } from './platform/http/web.js';
import { createLogger, type Logger } from './platform/logger.js';
import { createPii } from './platform/pii/pii.js';
import { FileStorage } from './platform/files/storage.js';
import { actorLoader } from './domains/registry/index.js';
import { createLookupCounter } from './domains/trace/index.js';
import { createNotifier } from './platform/notify/notifier.js';
import { createJobRunner, type JobRunner } from './platform/jobs/runner.js';
import { jobQueuePurgeJob } from './platform/jobs/purge.js';
import { installMetrics } from './platform/metrics/metrics.js';
import { useAuditKey } from './platform/audit/audit.js';
import { auditCatalog } from './platform/audit/catalog.js';
import { auditCheckpointJob } from './platform/audit/checkpoint.js';
import { createKeyStore, createNatsPublisher, natsJob, type NatsPublisher } from './domains/integration/index.js';
import { allDomains } from './domains/index.js';
import { collectHooks, domainGrants, type DomainContext } from './platform/modules.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Present when NATS_URL is set: publishes the outbox to JetStream (tests call it themselves). */
    natsPublisher?: NatsPublisher;
    /** The scheduler, for tests and the command line to run or stop jobs. */
    jobRunner: JobRunner;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The whole application on a given database; used by server.ts and by every test. */
export async function buildApp(config: Config, database: Database, logger: Logger = createLogger(config.logLevel)): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names; by default from nobody, or any client
    // could choose the address its rate limits and audit entries are kept under.
    ...trustProxyOption(config.trustProxy),
    requestIdHeader: false,
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
    // The router refuses a malformed %-escape or an over-long path parameter before any hook or error
    // handler runs; without this its own body ({error, code: FST_ERR_…}) would escape the one error shape.
    frameworkErrors: (err, request, reply) => {
      const appError = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? httpError('VALIDATION_FAILED', { issues: [{ where: 'params', message: 'too long' }] }) : httpError('BAD_REQUEST', { reason: err.code });
      void (reply as FastifyReply).status(appError.status).send({ ...appError.toBody(), details: { ...appError.details, requestId: request.id } });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRoute', requireDeclaredPermission);
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  await app.register(fastifyCookie);
  installSecurityHeaders(app, {
    // Strict-Transport-Security over plain http would be ignored at best and, behind a TLS proxy that PUBLIC_URL
    // does not name, pin browsers to https the installation does not serve.
    strictTransportSecurity: config.publicUrl.startsWith('https://') ? { maxAge: 31536000, includeSubDomains: true } : false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...consoleInlineScriptHashes()],
        // antd writes its styles at run time (CSS-in-JS), which needs inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  installNoStore(app);
  installErrorHandler(app);
  installTextGuard(app);
  const db = database.db;
  const notifier = createNotifier(database);
  const jobs = createJobRunner(logger, db, { backoffMs: config.jobBackoffSeconds * 1000 });
  const lookups = createLookupCounter(db, (err) => app.log.error({ err }, 'writing public look-up counts failed'));
  installMetrics(app, { access: { token: config.metricsToken, allow: config.metricsAllow }, database, jobs, notifier, lookups: lookups.stats, countsFreshMs: config.env === 'test' ? 0 : undefined });
  const pii = createPii(config.secretKey);
  // Client systems' signed requests (平台对接) are checked against the integration domain's key store.
  // Every domain's routes and jobs, in the domains' order (src/domains/index.ts); what one domain offers another it
  // may not import goes through hooks (platform/modules.ts). Their grants are read from the same list.
  const domains = allDomains();
  const grants = domainGrants(domains);
  auditCatalog(domains);
  const keyStore = createKeyStore(db, pii, logger, grants);
  installAuthentication(app, db, actorLoader(db, grants), keyStore);
  installIdempotency(app, db);
  await installOpenApi(app);

  configureHashGate(config.hashConcurrency);
  const auditKey = useAuditKey(config.secretKey);
  app.addHook('onClose', async () => notifier.close());
  const deps = { db, pii, config, files: FileStorage.local(config.dataDir, config.secretKey), notifier };
  await app.register(healthRoutes({ database, jobs, notifier }));
  app.addHook('onClose', async () => lookups.close());
  const ctx: DomainContext = { ...deps, database, logger, grants, services: { keyStore, lookups }, hooks: collectHooks(domains) };
  for (const domain of domains) {
    for (const routes of domain.routes?.(ctx) ?? []) await app.register(routes);
  }
  for (const domain of domains) {
    for (const job of domain.jobs?.(ctx) ?? []) if (job) jobs.add(job);
  }
  const notFound = domains.flatMap((d) => (d.notFound ? [d.notFound(ctx)] : []));
  jobs.add(idempotencyPurgeJob(db, config.idempotencyWindowHours));
  jobs.add(auditCheckpointJob(db, auditKey, config.auditCheckpointDir, config.auditCheckpointMinutes));
  // Files stored before encryption at rest are sealed a batch at a time, soon after every start until none is left.
  jobs.add({ name: 'files.encrypt-legacy', everyMs: 10 * 60_000, run: () => deps.files.encryptLegacy(db) });
  jobs.add({
    name: 'auth.purge',
    everyMs: 10 * 60_000,
    run: async () => {
      await purgeLoginCounters(db);
      await purgeExpiredSessions(db);
    },
  });
  jobs.add(jobQueuePurgeJob(db));
  // The outbox also goes to NATS JetStream when NATS_URL is set (integration/outbound/nats.ts), one subject per
  // province and kind; a connection of the process, closed with it.
  if (config.natsUrl) {
    const nats = createNatsPublisher(db, config.natsUrl, logger);
    jobs.add(natsJob(nats));
    app.decorate('natsPublisher', nats);
    app.addHook('onClose', async () => nats.close());
  }
  app.decorate('jobRunner', jobs);
  // Tests run a job's function themselves, so that nothing writes behind a test's back.
  if (config.env !== 'test') app.addHook('onReady', async () => jobs.start());
  app.addHook('onClose', async () => jobs.stop());

  installFavicon(app);
  const hasConsole = await installWebConsole(app);
  app.setNotFoundHandler(async (request, reply) => {
    if (hasConsole && wantsConsolePage(request.method, request.url)) return reply.sendFile('index.html');
    for (const resolve of notFound) {
      const resolved = await resolve(request, reply);
      if (resolved) return resolved;
    }
    if (!request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html')) return reply.status(404).type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
    return reply.status(404).send(httpError('NOT_FOUND', { path: request.url.split('?')[0] }).toBody());
  });
  return app;
}

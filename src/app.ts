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
import { regionRoutes } from './domains/regions/index.js';
import { actorLoader, authRoutes, createPublicSubjects, importRoutes, mySubjectRoutes, recoveryRoutes, registryRoutes, subjectRoutes, uploadPurgeJob } from './domains/registry/index.js';
import { backupJob, incidentDeadlineJob, opsRoutes } from './domains/ops/index.js';
import { compressedLinkResolver, createLookupCounter, fsmaRoutes, labelRoutes, recordFieldProducts, publicTraceRoutes, subjectRecordsRoutes, traceGraphRoutes, traceRoutes } from './domains/trace/index.js';
import { createNotifier } from './platform/notify/notifier.js';
import { createJobRunner, type JobRunner } from './platform/jobs/runner.js';
import { jobQueuePurgeJob } from './platform/jobs/purge.js';
import { installMetrics } from './platform/metrics/metrics.js';
import { useAuditKey } from './platform/audit/audit.js';
import { auditCheckpointJob } from './platform/audit/checkpoint.js';
import { overdueJob, supervisionRoutes } from './domains/supervision/index.js';
import { enforcementRoutes, photoHeldByCase } from './domains/enforcement/index.js';
import { monitoringRoutes, publicSampleResults } from './domains/monitoring/index.js';
import { noticesRoutes } from './domains/notices/index.js';
import { createKeyStore, integrationPurgeJob, integrationRoutes } from './domains/integration/index.js';
import { capturedChainEvents, epcisRoutes, epcisSubscriptionsJob } from './domains/integration/epcis/index.js';

declare module 'fastify' {
  interface FastifyInstance {
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
  const keyStore = createKeyStore(db, pii, logger);
  installAuthentication(app, db, actorLoader(db), keyStore);
  installIdempotency(app, db);
  await installOpenApi(app);

  configureHashGate(config.hashConcurrency);
  const auditKey = useAuditKey(config.secretKey);
  app.addHook('onClose', async () => notifier.close());
  const deps = { db, pii, config, files: FileStorage.local(config.dataDir, config.secretKey), notifier };
  await app.register(healthRoutes({ database, jobs, notifier }));
  await app.register(authRoutes(deps));
  await app.register(recoveryRoutes(deps));
  await app.register(regionRoutes(deps));
  await app.register(registryRoutes(deps));
  await app.register(subjectRoutes({ ...deps, fieldProducts: recordFieldProducts }));
  await app.register(importRoutes(deps));
  await app.register(mySubjectRoutes(deps));
  await app.register(opsRoutes(deps));
  await app.register(traceRoutes(deps));
  await app.register(labelRoutes(deps));
  await app.register(traceGraphRoutes(deps));
  await app.register(fsmaRoutes(deps));
  app.addHook('onClose', async () => lookups.close());
  const publicTrace = { db, config, lookups, subjects: createPublicSubjects(db, config.publicFactsTtlSeconds), monitoringResults: publicSampleResults, outsideEvents: capturedChainEvents };
  await app.register(publicTraceRoutes(publicTrace));
  const compressedLink = compressedLinkResolver(publicTrace);
  await app.register(subjectRecordsRoutes(deps));
  // A field photo is read by whoever may see a record holding it, enforcement cases' records included.
  await app.register(supervisionRoutes({ ...deps, photoHolders: [photoHeldByCase] }));
  await app.register(enforcementRoutes(deps));
  await app.register(monitoringRoutes(deps));
  await app.register(noticesRoutes(deps));
  await app.register(integrationRoutes({ ...deps, keyStore }));
  await app.register(epcisRoutes(deps));

  jobs.add(overdueJob(db));
  jobs.add(epcisSubscriptionsJob(db, config));
  jobs.add(incidentDeadlineJob(db));
  jobs.add(idempotencyPurgeJob(db, config.idempotencyWindowHours));
  jobs.add(auditCheckpointJob(db, auditKey, config.auditCheckpointDir, config.auditCheckpointMinutes));
  jobs.add(uploadPurgeJob(db, deps.files));
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
  jobs.add(integrationPurgeJob(db));
  app.decorate('jobRunner', jobs);
  const backups = backupJob({ database, config, log: logger });
  if (backups) jobs.add(backups);
  // Tests run a job's function themselves, so that nothing writes behind a test's back.
  if (config.env !== 'test') app.addHook('onReady', async () => jobs.start());
  app.addHook('onClose', async () => jobs.stop());

  installFavicon(app);
  const hasConsole = await installWebConsole(app);
  app.setNotFoundHandler(async (request, reply) => {
    if (hasConsole && wantsConsolePage(request.method, request.url)) return reply.sendFile('index.html');
    const resolved = await compressedLink(request, reply);
    if (resolved) return resolved;
    if (!request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html')) return reply.status(404).type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
    return reply.status(404).send(httpError('NOT_FOUND', { path: request.url.split('?')[0] }).toBody());
  });
  return app;
}

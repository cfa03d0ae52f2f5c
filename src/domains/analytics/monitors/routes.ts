import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import { agencyActorOf, commandContext, errorBody, errorResponses, subjectActorOf } from '../../../platform/http/context.js';
import { httpError } from '../../../platform/http/errors.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import { sendSheet } from '../../../platform/sheets/list-export.js';
import { regionNamesOf } from '../../registry/index.js';
import { assessment, assessmentSheet, auditAssessmentExport, listIndicators, listTargets, setIndicators, setTarget } from './assessment.service.js';
import {
  assessmentOut,
  enforcementMonitorOut,
  idParam,
  inactivePage,
  inactiveQuery,
  indicatorsIn,
  indicatorsOut,
  monitoringMonitorOut,
  monthQuery,
  rectificationAnswerIn,
  rectificationCloseIn,
  rectificationIn,
  rectificationOut,
  rectificationsPage,
  rectificationsQuery,
  registrationOut,
  registrationQuery,
  supervisionMonitorOut,
  targetIn,
  targetsOut,
  traceMonitorOut,
} from './contracts.js';
import { inactiveProducerIds, inactiveProducers } from './monitor.queries.js';
import { DEFAULT_INACTIVE_DAYS, INDICATOR_ZH } from './monitor-values.shared.js';
import { enforcementMonitor, monitoringMonitor, registrationMonitor, supervisionMonitor, traceMonitor } from './monitor.service.js';
import { thisMonth } from './period.js';
import { answerRectification, closeRectification, issueRectification, listRectifications, rectificationDetail } from './rectification.service.js';
import { DAY_MS } from '../../../platform/china-time.js';
import { regionWithin } from '../../../platform/auth/visibility.js';

const tags = ['analytics 业务监控'];
const errors = { ...errorResponses, 422: errorBody };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 业务五监控, 推广应用目标, 责令限期整改 and 追溯考核 (issue 16 §3). */
export function monitorRoutes(deps: { db: Db }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const { db } = deps;

    app.get('/api/v1/monitors/registration', {
      config: { permission: 'monitor.read' },
      schema: { tags, summary: '主体注册: registered vs active producers per region below my jurisdiction (active: a batch or a sale in the last N days)', querystring: registrationQuery, response: { 200: registrationOut, ...errors } },
      handler: async (request) => registrationMonitor(db, agencyActorOf(request), request.query.days),
    });
    app.get('/api/v1/monitors/registration/inactive', {
      config: { permission: 'monitor.read' },
      schema: { tags, summary: 'Registered producers of my jurisdiction (or a region in it) with no batch and no sale in the last N days', querystring: inactiveQuery, response: { 200: inactivePage, ...errors } },
      handler: async (request) => {
        const actor = agencyActorOf(request);
        const q = request.query;
        if (q.cursor !== undefined && !UUID.test(q.cursor)) throw httpError('BAD_CURSOR');
        const prefix = q.region && regionWithin(q.region, actor.jurisdiction) ? q.region : actor.jurisdiction;
        const since = new Date(Date.now() - (q.days ?? DEFAULT_INACTIVE_DAYS) * DAY_MS);
        const [rows, total] = await Promise.all([inactiveProducers(db, prefix, since, q.cursor, q.limit + 1), firstPageTotal(db, q.cursor, () => inactiveProducerIds(prefix, since))]);
        const items = rows.slice(0, q.limit);
        const names = await regionNamesOf(db, items.map((r) => r.regionCode));
        return {
          items: items.map((r) => ({ ...r, regionName: names.get(r.regionCode) ?? r.regionCode, registeredAt: r.registeredAt ? new Date(r.registeredAt) : null, lastActivityAt: r.lastActivityAt ? new Date(r.lastActivityAt) : null })),
          nextCursor: rows.length > q.limit ? items[items.length - 1]!.subjectId : null,
          ...totalField(total),
        };
      },
    });
    app.get('/api/v1/monitors/trace', {
      config: { permission: 'monitor.read' },
      schema: { tags, summary: '产品追溯 for a month: producers recording batches, selling by scan, issuing vouchers; scan vs hand; codes issued vs looked up', querystring: monthQuery, response: { 200: traceMonitorOut, ...errors } },
      handler: async (request) => traceMonitor(db, agencyActorOf(request), request.query.month ?? thisMonth()),
    });
    app.get('/api/v1/monitors/supervision', {
      config: { permission: 'monitor.read' },
      schema: { tags, summary: '日常监管 for a month: inspections against task targets, overdue tasks, rectification follow-up', querystring: monthQuery, response: { 200: supervisionMonitorOut, ...errors } },
      handler: async (request) => supervisionMonitor(db, agencyActorOf(request), request.query.month ?? thisMonth()),
    });
    app.get('/api/v1/monitors/monitoring', {
      config: { permission: 'monitor.read' },
      schema: { tags, summary: '监测 for a month: sampling plan vs done, sampled → received → judged hours, late uploads', querystring: monthQuery, response: { 200: monitoringMonitorOut, ...errors } },
      handler: async (request) => monitoringMonitor(db, agencyActorOf(request), request.query.month ?? thisMonth()),
    });
    app.get('/api/v1/monitors/enforcement', {
      config: { permission: 'monitor.read' },
      schema: { tags, summary: '执法 for a month: cases opened and closed, open cases by stage, days per stage, transfers not opened', querystring: monthQuery, response: { 200: enforcementMonitorOut, ...errors } },
      handler: async (request) => enforcementMonitor(db, agencyActorOf(request), request.query.month ?? thisMonth()),
    });

    app.get('/api/v1/monitors/targets', {
      config: { permission: 'monitor.target' },
      schema: { tags, summary: '推广应用目标 set for the regions below my jurisdiction', response: { 200: targetsOut, ...errors } },
      handler: async (request) => listTargets(db, agencyActorOf(request)),
    });
    app.put('/api/v1/monitors/targets', {
      config: { permission: 'monitor.target' },
      schema: { tags, summary: 'Set (or replace) one region’s target for one indicator (audited)', body: targetIn, response: { 200: targetsOut, ...errors } },
      handler: async (request) => setTarget(db, commandContext(request), request.body),
    });

    app.post('/api/v1/rectifications', {
      config: { permission: 'rectification.issue' },
      schema: { tags, summary: '责令限期整改: issue a rectification notice with a deadline to a lower agency or a producer of my jurisdiction (audited)', body: rectificationIn, response: { 201: rectificationOut, ...errors } },
      handler: async (request, reply) => reply.status(201).send(await issueRectification(db, commandContext(request), request.body)),
    });
    app.get('/api/v1/rectifications', {
      config: { permission: 'monitor.read' },
      schema: { tags, summary: 'Rectification notices issued within my jurisdiction (box=issued) or addressed to my agency (box=received), newest first', querystring: rectificationsQuery, response: { 200: rectificationsPage, ...errors } },
      handler: async (request) => listRectifications(db, agencyActorOf(request), request.query),
    });
    app.get('/api/v1/rectifications/:id', {
      config: { permission: 'monitor.read' },
      schema: { tags, summary: 'One rectification notice of my jurisdiction or addressed to my agency', params: idParam, response: { 200: rectificationOut, ...errors } },
      handler: async (request) => rectificationDetail(db, agencyActorOf(request), request.params.id),
    });
    app.get('/api/v1/my/rectifications', {
      config: { permission: 'rectification.answer' },
      schema: { tags, summary: 'Rectification notices addressed to my subject, newest first', querystring: rectificationsQuery, response: { 200: rectificationsPage, ...errors } },
      handler: async (request) => listRectifications(db, subjectActorOf(request), { ...request.query, box: 'received' }),
    });
    app.get('/api/v1/my/rectifications/:id', {
      config: { permission: 'rectification.answer' },
      schema: { tags, summary: 'One rectification notice addressed to my subject', params: idParam, response: { 200: rectificationOut, ...errors } },
      handler: async (request) => rectificationDetail(db, subjectActorOf(request), request.params.id),
    });
    app.post('/api/v1/rectifications/:id/answer', {
      config: { permission: 'rectification.answer' },
      schema: { tags, summary: 'Answer a rectification notice addressed to my agency or my subject (audited)', params: idParam, body: rectificationAnswerIn, response: { 200: rectificationOut, ...errors } },
      handler: async (request) => answerRectification(db, commandContext(request), request.params.id, request.body.answer),
    });
    app.post('/api/v1/rectifications/:id/close', {
      config: { permission: 'rectification.issue' },
      schema: { tags, summary: 'Accept the answer (closed) or return it with a reason, as the issuing agency (audited)', params: idParam, body: rectificationCloseIn, response: { 200: rectificationOut, ...errors } },
      handler: async (request) => closeRectification(db, commandContext(request), request.params.id, request.body.accept, request.body.note),
    });

    app.get('/api/v1/assessment/indicators', {
      config: { permission: 'monitor.target' },
      schema: { tags, summary: '追溯考核: my agency’s indicators with weights and targets', response: { 200: indicatorsOut, ...errors } },
      handler: async (request) => listIndicators(db, agencyActorOf(request)),
    });
    app.put('/api/v1/assessment/indicators', {
      config: { permission: 'monitor.target' },
      schema: { tags, summary: 'Replace my agency’s assessment indicators (audited)', body: indicatorsIn, response: { 200: indicatorsOut, ...errors } },
      handler: async (request) => setIndicators(db, commandContext(request), request.body),
    });
    app.get('/api/v1/assessment', {
      config: { permission: 'monitor.target' },
      schema: { tags, summary: 'The month’s scores of the regions below my jurisdiction, explained per indicator and ranked', querystring: monthQuery, response: { 200: assessmentOut, ...errors } },
      handler: async (request) => assessment(db, agencyActorOf(request), request.query.month ?? thisMonth()),
    });
    app.get('/api/v1/assessment.xlsx', {
      config: { permission: 'monitor.target' },
      schema: { tags, summary: 'The month’s assessment as an Excel workbook (the export is audited)', querystring: monthQuery, response: { 200: z.any().describe('.xlsx bytes'), ...errors } },
      handler: async (request, reply) => {
        const month = request.query.month ?? thisMonth();
        const a = await assessment(db, agencyActorOf(request), month);
        await auditAssessmentExport(db, commandContext(request), month, a.rows.length);
        return sendSheet(reply, { ascii: `assessment-${month}`, zh: `追溯考核-${month}` }, assessmentSheet(a, (k) => INDICATOR_ZH[k]));
      },
    });
  };
}

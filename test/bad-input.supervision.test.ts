import type { InjectOptions } from 'fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceIn, caseIn, commissionIn, recordIn } from '../src/domains/enforcement/contracts.js';
import { checklistIn, inspectionIn, transferIn } from '../src/domains/supervision/contracts.js';
import { assignIn, closeIn, noteIn, progressIn, reportIn, taskIn } from '../src/domains/tasks/contracts.js';
import { tableCounts } from './assertions.js';
import { BAD_IDS, badBodies, badInputProblems, problemWith, RAW_JSON_JUNK, WRONG_CONTENT_TYPES, type Json } from './fuzz.js';
import { createTestApp, type Client, type TestApp } from './harness.js';
import { agencyIdOf, answers, demoSubjectId, loginAll, SUPERVISION_TABLES } from './supervision.js';

/**
 * Issue 6, "Bad input": generated bad bodies, raw junk and wrong content types to every write route of the
 * supervision and enforcement domains, each sent by an account that may use the route. Each must be a 4xx with a
 * stable code and a zh/en message — never a 5xx — and write nothing.
 */

type Route = { name: string; method?: 'POST' | 'PUT'; url: string; who: Client; valid: Json; schema: z.ZodType };

describe('bad input to every write route of supervision and enforcement', () => {
  let t: TestApp;
  let routes: Route[];
  let before: Record<string, number>;
  let sent = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const [county, station, law, province, lab] = await loginAll(t, ['sg-admin', 'sg-hl-user', 'sg-law-admin', 'sd-admin', 'sg-lab-admin'] as const);
    const subjectId = await demoSubjectId(county);
    const task = (
      await county.post('/api/v1/supervision/tasks', { kind: 'base_inspection', title: '巡查', content: '巡查', startsOn: '2026-11-01', dueOn: '2026-12-31', recipients: [{ agencyId: agencyIdOf(station) }] })
    ).json() as { id: string };
    const inspection = (await station.post('/api/v1/supervision/inspections', { subjectId, industry: 'planting', answers: answers(['banned_inputs']), conclusion: 'problem', findings: '问题' })).json() as { id: string };
    const opened = (await law.post('/api/v1/enforcement/cases', { subjectId, title: '案件', summary: '立案' })).json() as { id: string };
    const tasks = '/api/v1/supervision/tasks';
    routes = [
      { name: 'publish', url: tasks, who: county, valid: { kind: 'base_inspection', title: '巡查任务', content: '内容', startsOn: '2026-11-01', dueOn: '2026-12-01', targetCount: 3, recipients: [{ agencyId: agencyIdOf(station), quota: 3 }] }, schema: taskIn },
      { name: 'accept', url: `${tasks}/${task.id}/accept`, who: station, valid: { note: '收到' }, schema: noteIn },
      { name: 'assign', url: `${tasks}/${task.id}/assign`, who: station, valid: { userIds: [station.me!.user.id] }, schema: assignIn },
      { name: 'progress', url: `${tasks}/${task.id}/progress`, who: station, valid: { done: 1, note: '进度' }, schema: progressIn },
      { name: 'report', url: `${tasks}/${task.id}/report`, who: station, valid: { report: '完成', done: 2 }, schema: reportIn },
      { name: 'close', url: `${tasks}/${task.id}/close`, who: county, valid: { agencyId: agencyIdOf(station), note: '关闭' }, schema: closeIn },
      { name: 'checklist', method: 'PUT', url: '/api/v1/supervision/checklists/planting', who: province, valid: { items: [{ key: 'records', zh: '记录', en: 'Records' }] }, schema: checklistIn },
      { name: 'inspection', url: '/api/v1/supervision/inspections', who: station, valid: { subjectId, industry: 'planting', answers: answers(), conclusion: 'compliant', lat: 36.8, lng: 118.7, findings: '无' }, schema: inspectionIn },
      { name: 'transfer', url: `/api/v1/supervision/inspections/${inspection.id}/transfer`, who: station, valid: { toAgencyId: agencyIdOf(law), reason: '移交' }, schema: transferIn },
      { name: 'case', url: '/api/v1/enforcement/cases', who: law, valid: { subjectId, title: '案由', summary: '案情' }, schema: caseIn },
      { name: 'record', url: `/api/v1/enforcement/cases/${opened.id}/records`, who: law, valid: { kind: 'onsite', content: '现场', lat: 36.8, lng: 118.7 }, schema: recordIn },
      { name: 'commission', url: `/api/v1/enforcement/cases/${opened.id}/commissions`, who: law, valid: { kind: 'supervisory_sampling', testingAgencyId: agencyIdOf(lab), title: '抽检', content: '送检', dueOn: '2026-12-31' }, schema: commissionIn },
      { name: 'advance', url: `/api/v1/enforcement/cases/${opened.id}/advance`, who: law, valid: { to: 'investigation', note: '调查' }, schema: advanceIn },
    ];
    before = await tableCounts(t, SUPERVISION_TABLES);
  });
  afterAll(() => t.close());

  async function send(route: Pick<Route, 'method' | 'url' | 'who'>, payload: string | Buffer | undefined, contentType: string | null = 'application/json') {
    sent++;
    const headers: Record<string, string> = { cookie: route.who.cookie!, 'x-csrf-token': route.who.csrf ?? '' };
    if (payload !== undefined && contentType) headers['content-type'] = contentType;
    const options: InjectOptions = { method: route.method ?? 'POST', url: route.url, headers, ...(payload === undefined ? {} : { payload }) };
    return t.app.inject(options);
  }

  // One test per route, so that each stays well inside the per-test time limit on a loaded machine.
  const NAMES = ['publish', 'accept', 'assign', 'progress', 'report', 'close', 'checklist', 'inspection', 'transfer', 'case', 'record', 'commission', 'advance'];
  // Accepting and closing take an optional note: `{}`, even behind a byte-order mark, is a valid request to them.
  const OPTIONAL_BODY = ['accept', 'close'];
  it.each(NAMES.filter((n) => !OPTIONAL_BODY.includes(n)))('refuses generated bad bodies, raw junk and other content types to %s with a 4xx and a stable code', async (name) => {
    const route = routes.find((r) => r.name === name)!;
    expect(await badInputProblems(route, (payload, type) => send(route, payload, type))).toEqual([]);
  });

  it.each(OPTIONAL_BODY)('refuses generated bad bodies, raw junk but an empty object, and other content types to %s', async (name) => {
    const route = routes.find((r) => r.name === name)!;
    const failures: string[] = [];
    for (const b of badBodies(route.valid, route.schema)) {
      const problem = problemWith(await send(route, JSON.stringify(b)), ['VALIDATION_FAILED', 'BAD_JSON']);
      if (problem) failures.push(`${JSON.stringify(b)?.slice(0, 120)}: ${problem}`);
    }
    for (const raw of RAW_JSON_JUNK.filter((r) => r !== '\ufeff{}')) {
      const problem = problemWith(await send(route, raw), ['BAD_JSON', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']);
      if (problem) failures.push(`raw ${JSON.stringify(raw.slice(0, 40))}: ${problem}`);
    }
    for (const [type, payload] of WRONG_CONTENT_TYPES) {
      const problem = problemWith(await send(route, payload, type || null), ['UNSUPPORTED_MEDIA_TYPE', 'BAD_JSON', 'VALIDATION_FAILED']);
      if (problem) failures.push(`as ${type}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it('covers every route named', () => expect(routes.map((r) => r.name)).toEqual(NAMES));

  it('refuses malformed ids, and unknown ones with 404', async () => {
    const [county, law] = [routes[0]!.who, routes[9]!.who];
    const failures: string[] = [];
    for (const id of BAD_IDS) {
      for (const [who, url] of [
        [county, `/api/v1/supervision/tasks/${id}/close`],
        [law, `/api/v1/enforcement/cases/${id}/advance`],
      ] as const) {
        const problem = problemWith(await send({ url, who }, '{"to":"investigation"}'), ['VALIDATION_FAILED', 'BAD_REQUEST', 'NOT_FOUND']);
        if (problem) failures.push(`${url.slice(0, 100)}: ${problem}`);
      }
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(problemWith(await send({ url: `/api/v1/supervision/tasks/${unknown}/accept`, who: county }, '{}'), ['TASK_NOT_FOUND'])).toBeNull();
    expect(problemWith(await send({ url: `/api/v1/enforcement/cases/${unknown}/advance`, who: law }, '{"to":"investigation"}'), ['CASE_NOT_FOUND'])).toBeNull();
    expect(problemWith(await send({ url: `/api/v1/supervision/inspections/${unknown}/transfer`, who: county }, JSON.stringify({ toAgencyId: unknown, reason: '移交' })), ['INSPECTION_NOT_FOUND'])).toBeNull();
    expect(failures).toEqual([]);
  });

  it('wrote nothing', async () => {
    expect(sent).toBeGreaterThan(2000);
    expect(await tableCounts(t, SUPERVISION_TABLES)).toEqual(before);
  });
});

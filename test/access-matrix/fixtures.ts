import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { insertAlert, insertFixtureAnalytes, insertRecallOrder, insertSample } from '../../src/domains/monitoring/monitoring.fixtures.js';
import type { Client, TestApp } from '../harness.js';
import { usccCheckChar } from '../../src/domains/registry/subjects/identity-check.shared.js';
import { enqueueJob } from '../../src/platform/jobs/queue.js';
import { farmerApplication, multipart, PNG, residentId, uploadPhoto } from '../subjects.js';
import { answers } from '../supervision.js';
import { callSigned } from '../partner.js';
import { encodeCursor, START } from '../../src/domains/integration/outbound/cursor.js';
import { webhookEndpoints } from '../../src/domains/integration/outbound/schema.js';

/**
 * The objects the matrix calls against, made once per file through the real API (the alert and the tested
 * sample straight into their tables, as monitoring's own tests do): the same set on each side, 山东 (sd: 寿光市,
 * 化龙镇, the demo's sg-* accounts and producers) and 四川 (sc: 郫都区, 唐昌镇, pd-* and producers registered here).
 */

/** A well-formed credit code no fixture registers (its check character computed, GB 32100). */
export const MATRIX_USCC = `91370783MA3C00001${usccCheckChar('91370783MA3C00001')}`;
const STRONG = 'Matrix#Pass2026';
const CHANGED = 'Matrix#Changed2026';

/** Sends as a logged-in client or anonymously; every call fails loudly, a fixture that did not happen is a bug here. */
async function must(res: Promise<LightMyRequestResponse>, what: string, status = [200, 201, 204]): Promise<LightMyRequestResponse> {
  const r = await res;
  if (!status.includes(r.statusCode)) throw new Error(`fixture "${what}" failed: ${r.statusCode} ${r.body.slice(0, 400)}`);
  return r;
}

/** Each anonymous call of the fixtures comes from an address of its own, so that per-address limits never refuse them. */
let address = 0;
const nextAddress = () => `10.20.${Math.floor(address / 250)}.${(address++ % 250) + 1}`;

async function upload(t: TestApp, url: string, who: Client | null, bytes = PNG, name = 'photo.png', mime = 'image/png'): Promise<string> {
  const body = multipart(bytes, name, mime);
  const headers: Record<string, string> = { ...body.headers, ...(who?.cookie ? { cookie: who.cookie } : {}), ...(who?.csrf ? { 'x-csrf-token': who.csrf } : {}) };
  const res = await must(t.app.inject({ method: 'POST', url, payload: body.payload, headers, remoteAddress: nextAddress() } as InjectOptions), `upload to ${url}`);
  const json = res.json<{ fileId?: string; id?: string }>();
  return (json.fileId ?? json.id)!;
}

export type Side = {
  countyAgency: string;
  labAgency: string;
  lawAgency: string;
  /** A staff user of the county bureau whose account the matrix edits (not a role's own account). */
  targetUser: string;
  /** A registered producer of the county other than sg-coop (a trade counterpart, a subject to suspend). */
  otherSubject: string;
  otherSubjectPhoto: string;
  mainSubject: string;
  mainIdentityToken: string;
  mainStaffAccount: string;
  mainCertificate: string;
  /** A registration photo of the main producer. */
  mainPhoto: string;
  otherCertificate: string;
  /** The main account of the subject to suspend: the county resets its forgotten password (no role signs in as it). */
  victimMainAccount: string;
  /** A scan the main producer uploaded and has not used yet. */
  mainFreshScan: string;
  changeRequestToApprove: string;
  changeRequestToReject: string;
  application: { id: string; trackingCode: string; photo: string };
  applicationToApprove: string;
  applicationToReturn: string;
  applicationToReject: string;
  returnedApplication: { trackingCode: string; body: Record<string, unknown> };
  product: string;
  /** A base of the main producer that no batch names (corrected and voided by the matrix). */
  base: string;
  batch: string;
  batchCode: string;
  /** A 承诺达标合格证 the main producer issued on its batch (its copies and public check). */
  certificateNumber: string;
  mergeBatches: [string, string];
  tradeToConfirm: string;
  tradeToReject: string;
  tradeToCancel: string;
  confirmedPurchase: string;
  marketEntry: string;
  /** The market entry's voucher batch (入市追溯凭证), as a market regulator opens it. */
  marketVoucher: string;
  attachment: string;
  task: string;
  taskToAccept: string;
  taskToClose: string;
  stationPhoto: string;
  inspection: string;
  case: string;
  alert: string;
  sample: string;
  testedSample: string;
  /** The recall order of the tested sample (issued by the county bureau) and the main producer's notice of it. */
  recallOrder: string;
  recallNotice: string;
};

type SideAccounts = { county: string; lab: string; law: string; station: string; main?: string };

type Ctx = { t: TestApp; seq: number };

/** A producer registered through the real flow: apply anonymously, the county approves; answers its id and a login. */
async function register(ctx: Ctx, county: Client, where: { province: string; county: string; township: string; lat: number; lng: number }, name: string) {
  const seq = ctx.seq++;
  // Under one upload ticket, as the wizard uploads them (farmerApplication cites it).
  const photos = { front: await uploadPhoto(ctx.t.app), back: await uploadPhoto(ctx.t.app) };
  const body = farmerApplication(seq, photos, {
    name,
    idNumber: residentId(seq, where.county),
    provinceCode: where.province,
    countyCode: where.county,
    townshipCode: where.township,
    lat: where.lat,
    lng: where.lng,
    username: `mx-farmer-${seq}`,
  });
  const created = await must(
    ctx.t.app.inject({ method: 'POST', url: '/api/v1/registry/applications', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' }, remoteAddress: nextAddress() }),
    'application',
  );
  const app = created.json<{ id: string; trackingCode: string }>();
  return { seq, body, app, photos };
}

async function registered(ctx: Ctx, county: Client, where: Parameters<typeof register>[2], name: string) {
  const r = await register(ctx, county, where, name);
  const approved = await must(county.post(`/api/v1/registry/applications/${r.app.id}/approve`, {}), 'approve');
  return { subjectId: approved.json<{ subjectId: string }>().subjectId, client: await ctx.t.login(r.body.username, r.body.password), photo: r.photos.front };
}

async function token(c: Client): Promise<string> {
  return (await must(c.get('/api/v1/registry/my-subject/identity'), 'identity')).json<{ token: string }>().token;
}

async function product(c: Client): Promise<string> {
  return (await must(c.post('/api/v1/trace/products', { name: '矩阵测试葡萄', classCode: '0504010101', spec: '散装', unit: 'kg' }), 'product')).json<{ id: string }>().id;
}

async function batch(c: Client, productId: string, quantity = 1000): Promise<{ id: string; code: string }> {
  const res = await must(c.post('/api/v1/trace/batches', { productId, quantity, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } }), 'batch');
  return res.json<{ id: string; code: string }>();
}

async function sale(from: Client, batchId: string, toToken: string, quantity = 5): Promise<string> {
  return (await must(from.post('/api/v1/trace/trades', { batchId, buyerToken: toToken, quantity, unit: 'kg' }), 'trade')).json<{ id: string }>().id;
}

async function certificate(t: TestApp, c: Client, number: string): Promise<{ id: string }> {
  const scanFileId = await upload(t, '/api/v1/registry/my-subject/uploads', c);
  const res = await must(c.post('/api/v1/registry/my-subject/certificates', { kind: 'green', number, products: '葡萄', validFrom: '2026-01-01', validTo: '2028-12-31', scanFileId }), 'certificate');
  return { id: res.json<{ id: string }>().id };
}

async function buildSide(ctx: Ctx, side: 'sd' | 'sc', accounts: SideAccounts, place: Parameters<typeof register>[2]): Promise<Side> {
  const { t } = ctx;
  const [county, lab, law, station] = await Promise.all([t.login(accounts.county), t.login(accounts.lab), t.login(accounts.law), t.login(accounts.station)]);
  const countyAgency = county.me!.agency.id;
  const labAgency = lab.me!.agency.id;
  const lawAgency = law.me!.agency.id;
  const targetUser = (await must(county.post(`/api/v1/agencies/${countyAgency}/users`, { username: `mx-${side}-target`, displayName: '矩阵目标', password: STRONG, role: 'staff' }), 'target user')).json<{ id: string }>().id;

  // Producers: the main one (sg-coop in 山东), a counterpart of the same county, and a third to suspend and verify.
  const main = accounts.main ? { client: await t.login(accounts.main), subjectId: '', photo: '' } : await registered(ctx, county, place, `${side}矩阵主体`);
  const other = await registered(ctx, county, place, `${side}矩阵对手`);
  const victim = await registered(ctx, county, place, `${side}矩阵受检主体`);
  const mainSubject = main.subjectId || (await must(main.client.get('/api/v1/registry/my-subject'), 'my subject')).json<{ id: string }>().id;
  const mainStaffAccount = (
    await must(main.client.post('/api/v1/registry/my-subject/accounts', { username: `mx-${side}-coop-clerk`, displayName: '矩阵店员', password: STRONG }), 'subject staff')
  ).json<{ id: string }>().id;
  const mainIdentityToken = await token(main.client);
  // A demo producer was imported without photos: it uploads its licence and sends it through a change request the
  // county approves (a file cited must be the citer's own upload).
  let mainPhoto = main.photo;
  if (!mainPhoto) {
    mainPhoto = await upload(t, '/api/v1/registry/uploads', main.client);
    const cr = await must(main.client.post('/api/v1/registry/my-subject/change-requests', { changes: { photos: [{ kind: 'licence', fileId: mainPhoto }] }, reason: '补交营业执照' }), 'photo change');
    await must(county.post(`/api/v1/registry/change-requests/${cr.json<{ id: string }>().id}/approve`, {}), 'approve photo change');
  }
  const otherToken = await token(other.client);
  const mainCertificate = await certificate(t, main.client, `MX-${side}-MAIN`);
  const otherCertificate = await certificate(t, victim.client, `MX-${side}-VICTIM`);
  const changeRequestToApprove = (
    await must(victim.client.post('/api/v1/registry/my-subject/change-requests', { changes: { scale: 77 }, reason: '矩阵测试变更' }), 'change request')
  ).json<{ id: string }>().id;
  const changeRequestToReject = (
    await must(other.client.post('/api/v1/registry/my-subject/change-requests', { changes: { scale: 66 }, reason: '矩阵测试变更' }), 'change request')
  ).json<{ id: string }>().id;

  // Applications in the county's inbox: one to read, one each to approve, return and reject, one already returned.
  const pending = await register(ctx, county, place, `${side}矩阵申请`);
  const toApprove = await register(ctx, county, place, `${side}矩阵待批`);
  const toReturn = await register(ctx, county, place, `${side}矩阵待退`);
  const toReject = await register(ctx, county, place, `${side}矩阵待驳`);
  const returned = await register(ctx, county, place, `${side}矩阵已退`);
  await must(county.post(`/api/v1/registry/applications/${returned.app.id}/return`, { opinion: '请补充材料' }), 'return');
  const { username: _u, password: _p, privacyConsent: _c, ...resubmit } = returned.body;

  // Trace: the main producer's product and batches, trades both ways with the counterpart, a market entry.
  const productId = await product(main.client);
  const baseId = (await must(main.client.post('/api/v1/trace/bases', { name: '矩阵更正基地', regionCode: place.township, address: '矩阵村', lat: place.lat, lng: place.lng }), 'base')).json<{ id: string }>().id;
  const big = await batch(main.client, productId);
  const certificateNumber = (await must(main.client.post(`/api/v1/trace/batches/${big.id}/certificates`, { basis: 'internal_control', quantity: 1 }), 'certificate')).json<{ number: string }>().number;
  const m1 = await batch(main.client, productId, 10);
  const m2 = await batch(main.client, productId, 10);
  const otherProduct = await product(other.client);
  const otherBatch = await batch(other.client, otherProduct);
  const tradeToConfirm = await sale(other.client, otherBatch.id, mainIdentityToken);
  const tradeToReject = await sale(other.client, otherBatch.id, mainIdentityToken);
  const tradeToCancel = await sale(main.client, big.id, otherToken);
  const confirmedPurchase = await sale(other.client, otherBatch.id, mainIdentityToken, 20);
  await must(main.client.post(`/api/v1/trace/trades/${confirmedPurchase}/confirm`, {}), 'confirm');
  const entered = (
    await must(main.client.post('/api/v1/trace/market-entries', { batchId: big.id, quantity: 5, unit: 'kg', market: { kind: 'wholesale', name: '矩阵批发市场' } }), 'market entry')
  ).json<{ id: string; buyerBatchId: string }>();
  const marketEntry = entered.id;
  const marketVoucher = entered.buyerBatchId;

  // Supervision: a task of the county bureau to its lab (with an attachment, accepted), one to accept, one to close.
  const attachment = await upload(t, '/api/v1/supervision/attachments', county, Buffer.from('%PDF-1.4\n%%EOF\n'), 'notice.pdf', 'application/pdf');
  const taskBody = (title: string) => ({
    kind: 'routine_monitoring',
    title,
    content: '矩阵测试任务',
    productScope: '蔬菜',
    targetCount: 5,
    startsOn: '2026-11-01',
    dueOn: '2026-12-31',
    recipients: [{ agencyId: labAgency, quota: 5 }],
  });
  const task = (await must(county.post('/api/v1/supervision/tasks', { ...taskBody('矩阵任务'), attachments: [attachment] }), 'task')).json<{ id: string }>().id;
  await must(lab.post(`/api/v1/supervision/tasks/${task}/accept`, {}), 'accept');
  const taskToAccept = (await must(county.post('/api/v1/supervision/tasks', taskBody('矩阵待接收')), 'task')).json<{ id: string }>().id;
  const taskToClose = (await must(county.post('/api/v1/supervision/tasks', taskBody('矩阵待关闭')), 'task')).json<{ id: string }>().id;
  const stationPhoto = await upload(t, '/api/v1/supervision/photos', station);
  const inspection = (
    await must(
      station.post('/api/v1/supervision/inspections', { subjectId: mainSubject, industry: 'planting', answers: answers(['banned_inputs']), conclusion: 'problem', findings: '矩阵测试问题', photos: [stationPhoto], lat: place.lat, lng: place.lng }),
      'inspection',
    )
  ).json<{ id: string }>().id;
  const caseId = (await must(law.post('/api/v1/enforcement/cases', { subjectId: mainSubject, title: '矩阵案件', summary: '矩阵测试' }), 'case')).json<{ id: string }>().id;

  // Monitoring: a sample the lab took on the task (to receive), a tested one, an alert to the county bureau.
  const sample = (
    await must(
      lab.post('/api/v1/monitoring/samples', {
        taskId: task,
        code: big.code,
        placeKind: 'base',
        placeName: '矩阵基地',
        regionCode: place.township,
        quantity: 1,
        unit: 'kg',
        sealNo: `MX-${side}`,
        witnesses: [{ name: '王五', role: '基地负责人' }],
        lat: place.lat,
        lng: place.lng,
      }),
      'sample',
    )
  ).json<{ id: string }>().id;
  await insertFixtureAnalytes(t.database.db);
  const recipient = (await must(county.get(`/api/v1/supervision/tasks/${task}`), 'task detail')).json<{ recipients: { id: string; agencyId: string }[] }>().recipients.find((r) => r.agencyId === labAgency)!.id;
  const tested = await insertSample(t.database.db, {
    taskId: task,
    recipientId: recipient,
    agencyId: labAgency,
    regionCode: place.township,
    classCode: '0504010101',
    classZh: '葡萄',
    productName: '矩阵葡萄',
    subjectId: mainSubject,
    subjectName: '矩阵主体',
    versions: [[{ analyteCode: 'fx-procymidone', verdict: 'fail' }]],
  });
  const alert = await insertAlert(t.database.db, { agencyId: countyAgency, agencyRegion: place.county, sampleId: tested.id, reportVersion: 1, subjectId: mainSubject });
  // A batch of its own the main producer holds under that order (not one other rows trade or split).
  const held = await batch(main.client, productId, 10);
  const recall = await insertRecallOrder(t.database.db, {
    sampleId: tested.id,
    alertId: alert,
    agencyId: countyAgency,
    agencyRegion: place.county,
    issuedBy: county.me!.user.id,
    hold: { batchId: held.id, code: held.code, subjectId: mainSubject, holderName: '矩阵主体', regionCode: place.township, quantity: 10, unit: 'kg' },
  });

  return {
    countyAgency,
    labAgency,
    lawAgency,
    targetUser,
    otherSubject: victim.subjectId,
    otherSubjectPhoto: victim.photo,
    mainSubject,
    mainIdentityToken,
    mainStaffAccount,
    mainCertificate: mainCertificate.id,
    mainPhoto,
    otherCertificate: otherCertificate.id,
    victimMainAccount: victim.client.me!.user.id,
    mainFreshScan: await upload(t, '/api/v1/registry/my-subject/uploads', main.client),
    changeRequestToApprove,
    changeRequestToReject,
    application: { id: pending.app.id, trackingCode: pending.app.trackingCode, photo: pending.photos.front },
    applicationToApprove: toApprove.app.id,
    applicationToReturn: toReturn.app.id,
    applicationToReject: toReject.app.id,
    returnedApplication: { trackingCode: returned.app.trackingCode, body: resubmit },
    product: productId,
    base: baseId,
    batch: big.id,
    batchCode: big.code,
    certificateNumber,
    mergeBatches: [m1.id, m2.id],
    tradeToConfirm,
    tradeToReject,
    tradeToCancel,
    confirmedPurchase,
    marketEntry,
    marketVoucher,
    attachment,
    task,
    taskToAccept,
    taskToClose,
    stationPhoto,
    inspection,
    case: caseId,
    alert,
    sample,
    testedSample: tested.id,
    recallOrder: recall.orderId,
    recallNotice: recall.noticeId,
  };
}

export type Fixtures = {
  sd: Side;
  sc: Side;
  /** An account only the login operation uses. */
  loginUser: { username: string; password: string };
  /** A bearer token of somebody who is none of the roles. */
  foreignToken: string;
  /** The province checklist of planting as it is, so that saving it changes nothing. */
  plantingChecklist: unknown;
  /** Accounts the roles log in as that the demo lacks. */
  created: Record<string, { username: string; password: string }>;
  /** A feedback sg-coop filed with one screenshot (系统优化建议): its filer and the handlers read it. */
  feedback: { id: string; screenshot: string };
  /** A bearer token of a 寿光 bureau official minted before the official changed the password (DESIGN.md §12: revoked). */
  staleToken: { token: string; siblingId: string; ownerId: string };
  /** A job waiting in the queue: a retry by someone allowed is refused for its state (409), not for who asks. */
  queuedJob: number;
  /** A 系统公告 showing now, published by the ministry's admin. */
  announcement: { id: string };
  /** A notice 寿光's bureau sent to 化龙镇's producers (sg-coop among them), with one attachment. */
  notice: { id: string; attachment: string };
  /** 平台对接: a market registered by each province, with one key. */
  integration: Record<'sd' | 'sc', { id: string; keyId: string; endpointId: string }>;
  traceCheck: Record<'sd' | 'sc', string>;
  /** The key of the client-system role: a market of 寿光 with 追溯查询 in 370783. */
  clientSystem: { keyId: string; secret: string };
  /** A webhook endpoint of the client-system role (its replay and removal rows). */
  clientWebhook: string;
  /**
   * 应急响应: `untold`, a 一级 incident of 山东 安全中心 has not consented to tell; `work`, one of 四川 the steps act on;
   * `notice`, a notice to 山东 (of a 二级 incident) for its liaison `liaison` (sd-admin).
   */
  incident: { untold: string; work: string; notice: number; liaison: string };
  /** EPCIS captures (issue 18): sg-coop's (sd, its own) and the 四川 province's (sc), each of one event. */
  epcis: Record<'sd' | 'sc', { captureId: string; eventId: string }>;
  /** 责令限期整改 (issue 16 §3): 寿光's bureau to sg-coop (sd); 四川's province to 郫都's bureau (sc). */
  rectification: Record<'sd' | 'sc', string>;
  /** 信息调度 (issue 16 §4): 山东's monthly report, submitted (sd); 四川's, a draft (sc). */
  report: Record<'sd' | 'sc', string>;
  /** A 实施方案 each province submitted, with one attachment. */
  reportDocument: Record<'sd' | 'sc', { id: string; attachment: string }>;
};

/** A one-event EPCISDocument whose event has this eventID. */
export function epcisDocument(eventId: string) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-11-01T08:00:00+08:00',
    epcisBody: { eventList: [{ type: 'ObjectEvent', eventID: eventId, eventTime: '2026-11-01T08:00:00+08:00', eventTimeZoneOffset: '+08:00', epcList: ['urn:epc:id:sgtin:0614141.107346.1'], action: 'OBSERVE', bizStep: 'shipping' }] },
  };
}

export async function buildFixtures(t: TestApp): Promise<Fixtures> {
  const ctx: Ctx = { t, seq: 700 };
  const sdPlace = { province: '37', county: '370783', township: '370783100', lat: 36.88, lng: 118.74 };
  const scPlace = { province: '51', county: '510117', township: '510117104', lat: 30.9, lng: 103.85 };
  const sd = await buildSide(ctx, 'sd', { county: 'sg-admin', lab: 'sg-lab-admin', law: 'sg-law-admin', station: 'sg-hl-user', main: 'sg-coop' }, sdPlace);
  const sc = await buildSide(ctx, 'sc', { county: 'pd-admin', lab: 'pd-lab-admin', law: 'pd-law-admin', station: 'pd-tc-user' }, scPlace);

  const sgAdmin = await t.login('sg-admin');
  const coop = await t.login('sg-coop');
  const created = {
    'mx-sg-staff': { username: 'mx-sg-staff', password: STRONG },
    'mx-coop-staff': { username: 'mx-coop-staff', password: STRONG },
    'mx-market': { username: 'mx-market', password: STRONG },
  };
  // 寿光's market regulator (市场监督管理, issue 21 §3), registered by the county bureau like its lab.
  await must(sgAdmin.post('/api/v1/agencies', { name: '矩阵市场监督管理局', kind: 'market', level: 'county', regionCode: '370783', account: { username: 'mx-market', displayName: '矩阵市场监管', password: STRONG } }), 'market regulator');
  await must(sgAdmin.post(`/api/v1/agencies/${sd.countyAgency}/users`, { username: 'mx-sg-staff', displayName: '矩阵职员', password: STRONG, role: 'staff' }), 'county staff');
  await must(coop.post('/api/v1/registry/my-subject/accounts', { username: 'mx-coop-staff', displayName: '矩阵员工', password: STRONG }), 'coop staff');
  await must(sgAdmin.post(`/api/v1/agencies/${sd.countyAgency}/users`, { username: 'mx-login', displayName: '矩阵登录', password: STRONG, role: 'staff' }), 'login user');
  // An account made by somebody else must change its password first; the roles then work as anyone would.
  for (const account of Object.values(created)) {
    const first = await t.login(account.username, account.password);
    await must(first.post('/api/v1/auth/password', { currentPassword: account.password, newPassword: CHANGED }), 'first password change');
    account.password = CHANGED;
  }
  const pdAdmin = await t.login('pd-admin');
  // Minting may come to ask for the password again (issue 19, finding 9): try the body of today first.
  let minted = await pdAdmin.post('/api/v1/auth/tokens', { name: 'matrix-foreign', expiresInDays: 30 });
  if (minted.statusCode === 400) minted = await pdAdmin.post('/api/v1/auth/tokens', { name: 'matrix-foreign', expiresInDays: 30, password: 'Tracenet#2026' });
  const foreignToken = (await must(Promise.resolve(minted), 'token')).json<{ id: string }>().id;
  // A bearer token, then a password change: from then on the token must open nothing (DESIGN.md §12 Accounts).
  await must(sgAdmin.post(`/api/v1/agencies/${sd.countyAgency}/users`, { username: 'mx-token-owner', displayName: '矩阵令牌', password: STRONG, role: 'staff' }), 'token owner');
  const owner = await t.login('mx-token-owner', STRONG);
  await must(owner.post('/api/v1/auth/password', { currentPassword: STRONG, newPassword: CHANGED }), 'first password change');
  const ownerNow = await t.login('mx-token-owner', CHANGED);
  let reenter = {};
  let ownerToken = await ownerNow.post('/api/v1/auth/tokens', { name: 'matrix-stale', expiresInDays: 30 });
  if (ownerToken.statusCode === 400) {
    reenter = { password: CHANGED };
    ownerToken = await ownerNow.post('/api/v1/auth/tokens', { name: 'matrix-stale', expiresInDays: 30, ...reenter });
  }
  const staleToken = (await must(Promise.resolve(ownerToken), 'stale token')).json<{ id: string; token: string }>();
  // A second one, which the stale token deletes as its "own" (deleting itself would end the calls after that row).
  const sibling = (await must(ownerNow.post('/api/v1/auth/tokens', { name: 'matrix-stale-2', expiresInDays: 30, ...reenter }), 'stale token 2')).json<{ id: string }>();
  await must(ownerNow.post('/api/v1/auth/password', { currentPassword: CHANGED, newPassword: 'Matrix#Later2027' }), 'second password change');
  const shot = await upload(t, '/api/v1/feedback/screenshots', coop);
  const filed = (await must(coop.post('/api/v1/feedback', { kind: 'experience', text: '矩阵测试的反馈内容', pageAddress: '/trace/batches', screenshots: [shot] }), 'feedback')).json<{ id: string }>();
  const sdAdmin = await t.login('sd-admin');
  const plantingChecklist = (await must(sdAdmin.get('/api/v1/supervision/checklists?industry=planting'), 'checklist')).json();
  const queuedJob = (await enqueueJob(t.database.db, 'matrix.waiting', {}, { runAt: new Date(Date.now() + 86_400_000) }))!;
  const epcisCapture = async (who: string, eventId: string) => {
    const res = await must((await t.login(who)).post('/api/v1/epcis/capture', epcisDocument(eventId)), `epcis ${who}`, [202]);
    return { captureId: res.json<{ captureID: string }>().captureID, eventId };
  };
  const epcis = { sd: await epcisCapture('sg-coop', 'urn:uuid:0d6e3b0a-0000-4000-8000-0000000000d1'), sc: await epcisCapture('sc-admin', 'urn:uuid:0d6e3b0a-0000-4000-8000-0000000000c1') };
  // A named query of the coop's (named queries and their subscriptions are an organisation's own).
  await must(coop.post('/api/v1/epcis/queries', { name: 'matrix-q', query: { EQ_bizStep: 'shipping' } }), 'epcis named query', [201]);
  const opsAdmin = await t.login('ops-admin');
  const announcement = (
    await must(opsAdmin.post('/api/v1/announcements', { level: 'info', textZh: '矩阵测试的系统公告', startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString() }), 'announcement')
  ).json<{ id: string }>();
  const noticeFile = await upload(t, '/api/v1/notices/attachments', sgAdmin);
  const notice = (await must(sgAdmin.post('/api/v1/notices', { title: '矩阵测试通知', body: '矩阵测试的通知正文', attachments: [noticeFile], audience: { regions: ['370783100'] } }), 'notice')).json<{ id: string }>();
  const market = async (admin: Client, county: string) => {
    const client = (await must(admin.post('/api/v1/integration/clients', { name: `矩阵市场${county}`, kind: 'market', regions: [county], operations: ['trace.graph'] }), 'client system')).json<{ id: string }>();
    const key = (await must(admin.post(`/api/v1/integration/clients/${client.id}/keys`, {}), 'client key')).json<{ key: { id: string } }>();
    // A webhook endpoint paused after failures, for the registrar's resume (made as the delivery worker leaves one).
    const [endpoint] = await t.database.db
      .insert(webhookEndpoints)
      .values({ clientId: client.id, url: 'http://127.0.0.1:9/matrix-paused', kinds: ['batch'], status: 'paused', failuresInRow: 10, pausedAt: new Date(), resumeCursor: encodeCursor(START), pausedReason: 'HTTP 500' })
      .returning({ id: webhookEndpoints.id });
    return { id: client.id, keyId: key.key.id, endpointId: endpoint!.id };
  };
  const integration = { sd: await market(sdAdmin, sdPlace.county), sc: await market(await t.login('sc-admin'), scPlace.county) };
  const traceCheckOf = async (admin: Client) => (await must(admin.post('/api/v1/integration/trace-checks', { title: '矩阵追溯挂钩', items: [{ idNumber: MATRIX_USCC }] }), 'trace check')).json<{ id: string }>().id;
  const traceCheck = { sd: await traceCheckOf(sdAdmin), sc: await traceCheckOf(await t.login('sc-admin')) };
  const role = (await must(sdAdmin.post('/api/v1/integration/clients', { name: '矩阵接入系统', kind: 'market', regions: [sdPlace.county], operations: ['trace.graph', 'integration.changes', 'integration.codes'] }), 'client role')).json<{ id: string }>();
  const roleKey = (await must(sdAdmin.post(`/api/v1/integration/clients/${role.id}/keys`, {}), 'client role key')).json<{ key: { id: string }; secret: string }>();
  const clientWebhook = (
    await must(
      callSigned(t.app, { keyId: roleKey.key.id, secret: roleKey.secret }, { method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url: 'http://127.0.0.1:9/matrix-fixture', kinds: ['batch', 'holding_alert'] } }),
      'client webhook',
    )
  ).json<{ id: string }>().id;
  const opsStaff = await t.login('ops-staff');
  const incidentOf = async (level: number, provinces: string[]) =>
    (
      await must(
        opsStaff.post('/api/v1/incidents', { level, occurredAt: new Date().toISOString(), place: '矩阵机房', phenomenon: '矩阵故障现象', impact: '矩阵影响范围', measures: '矩阵应对措施', expectedRecovery: '矩阵恢复预期', provinces }),
        'incident',
      )
    ).json<{ id: string }>().id;
  await must(sdAdmin.post('/api/v1/incidents/liaison', { userId: sdAdmin.me!.user.id }), 'liaison');
  const toldSd = await incidentOf(2, ['37']);
  const incidentNotice = (await must(sdAdmin.get('/api/v1/incidents/notices'), 'notices')).json<{ items: { id: number; incidentId: string }[] }>().items.find((n) => n.incidentId === toldSd)!.id;
  const incident = { untold: await incidentOf(1, ['37']), work: await incidentOf(1, ['51']), notice: incidentNotice, liaison: sdAdmin.me!.user.id };
  const scAdmin = await t.login('sc-admin');
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const rectOf = async (who: Client, target: unknown) => (await must(who.post('/api/v1/rectifications', { target, monitor: 'trace', reason: '矩阵测试的整改事项', deadline }), 'rectification')).json<{ id: string }>().id;
  const rectification = { sd: await rectOf(sgAdmin, { kind: 'subject', subjectId: sd.mainSubject }), sc: await rectOf(scAdmin, { kind: 'region', regionCode: '510117' }) };
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const reportOf = async (who: Client) => (await must(who.post('/api/v1/reports/periodic', { kind: 'monthly', period: month }), 'report')).json<{ id: string }>().id;
  const report = { sd: await reportOf(sdAdmin), sc: await reportOf(scAdmin) };
  await must(sdAdmin.post(`/api/v1/reports/periodic/${report.sd}/submit`, {}), 'report submit');
  const documentOf = async (who: Client) => {
    const attachment = await upload(t, '/api/v1/reports/documents/attachments', who, Buffer.from('%PDF-1.4\n%%EOF\n'), 'plan.pdf', 'application/pdf');
    const doc = (await must(who.post('/api/v1/reports/documents', { kind: 'plan', title: '矩阵实施方案', attachments: [attachment] }), 'report document')).json<{ id: string }>();
    return { id: doc.id, attachment };
  };
  const reportDocument = { sd: await documentOf(sdAdmin), sc: await documentOf(scAdmin) };
  return {
    rectification,
    report,
    reportDocument,
    announcement: { id: announcement.id },
    notice: { id: notice.id, attachment: noticeFile },
    integration,
    traceCheck,
    incident,
    epcis,
    clientSystem: { keyId: roleKey.key.id, secret: roleKey.secret }, clientWebhook, sd, sc, loginUser: { username: 'mx-login', password: STRONG }, foreignToken, plantingChecklist, created, staleToken: { token: staleToken.token, siblingId: sibling.id, ownerId: ownerNow.me!.user.id }, queuedJob, feedback: { id: filed.id, screenshot: shot } };
}

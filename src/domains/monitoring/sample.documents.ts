import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { regionNames } from '../regions/index.js';
import type { SampleOut } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringError } from './errors.js';
import { labCmaNo } from './lab.queries.js';
import type { PrintOptions } from './sample.print.js';
import { sampleDetail } from './sample.queries.js';
import { samplingSheetPdf } from './sampling-sheet.pdf.js';
import { testReportPdf } from './test-report.pdf.js';

// The printed sampling sheet (抽样单, signed on site) and test report (检测报告) of a sample the actor reads.

export async function sampleSheetDocument(deps: MonitoringDeps, actor: AgencyActor, id: string): Promise<{ sample: SampleOut; pdf: Buffer }> {
  const sample = await sampleDetail(deps.db, actor, id);
  return { sample, pdf: await samplingSheetPdf(sample, await printOptions(deps, sample)) };
}

/** One issued version of the report, as it was issued (a correction is another version, never an edit of this one). */
export async function testReportDocument(deps: MonitoringDeps, actor: AgencyActor, id: string, version: number): Promise<{ sample: SampleOut; pdf: Buffer }> {
  const sample = await sampleDetail(deps.db, actor, id);
  // A draft in review is not a report: only an approved (issued) version prints.
  const report = sample.reports.find((r) => r.version === version && r.status === 'approved');
  if (!report) throw monitoringError('REPORT_NOT_FOUND', { version });
  return { sample, pdf: await testReportPdf(sample, report, { ...(await printOptions(deps, sample)), cmaNo: await labCmaNo(deps.db, sample.agencyId) }) };
}

async function printOptions(deps: MonitoringDeps, sample: SampleOut): Promise<PrintOptions> {
  return { publicUrl: deps.config.publicUrl, regionNames: await namesOf(deps.db, [sample.regionCode, sample.originRegion, ...sample.chain.map((h) => h.regionCode)]) };
}

async function namesOf(db: Executor, codes: (string | null)[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const code of new Set(codes.filter((c): c is string => Boolean(c)))) {
    const name = await regionNames(db, code);
    if (name) out[code] = name;
  }
  return out;
}

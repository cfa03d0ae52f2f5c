import { describe, expect, it } from 'vitest';
import { correctedReport, expectFacts, failedReport, pdfWords, PRINT_OPTIONS, printedSample, temporarySample } from '../../../test/monitoring-print.js';
import { testReportPdf } from './test-report.pdf.js';

// The 检测报告 alone (no database): what a person reads on each issued version.

describe('test report (检测报告)', () => {
  it('version 1 of a failed sample: the verdict up front, every result row, the failing one and the lab-set limit marked', async () => {
    const pdf = await testReportPdf(printedSample(), failedReport, PRINT_OPTIONS);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfWords(pdf);
    expectFacts(text, [
      '农产品质量安全检测报告',
      'JC3707832026110001',
      '第1版',
      '检测结论：不合格Fail',
      '4项检测，1项不合格：甲氨基阿维菌素苯甲酸盐',
      '金银花（鲜）',
      '药用植物（12）',
      '23707830000004211175',
      '寿光农产品物流园三区12号摊位',
      '寿光市农产品质量安全检测中心',
      '周收样',
      '2026-11-2014:05',
      // every row: analyte zh and en, method, value and unit, LOD, limit and its standard, detected, verdict
      '啶虫脒',
      'Acetamiprid',
      'GB23200.113-2018',
      '0.005mg/kg',
      'GB2763.1-20224.25，表25',
      '甲氨基阿维菌素苯甲酸盐',
      'Emamectinbenzoate',
      'GB23200.121-2021',
      '0.73mg/kg',
      '0.02',
      'GB2763.1-20224.49，表49',
      '吡虫啉',
      '3.5μg/kg',
      '(0.0035mg/kg)',
      '检测机构判定依据（示例）',
      '※检测机构指定',
      '※该项限量由检测机构依所列标准指定',
      '氯霉素',
      '不得检出',
      '农业农村部公告第250号',
      // 编制/审核/批准 by three people, and the seal's place.
      '编制Preparedby',
      '赵编制',
      '审核Reviewedby',
      '钱审核',
      '批准Approvedby',
      '孙签发',
      '（检验检测专用章）',
      '2026-11-2116:00',
      // No qualification number set: the field says so, nothing is made up.
      '资质认定证书编号CMANo.：（未设置）',
    ]);
    // The failing row reads as one: emamectin benzoate, detected, not compliant.
    expect(text).toMatch(/甲氨基阿维菌素苯甲酸盐.*0\.73mg\/kg.*检出不合格/);
    expect(text).not.toContain('更正报告');
  });

  it('a correction says it is one, why, and which version it replaces', async () => {
    const text = await pdfWords(await testReportPdf(printedSample({ verdict: 'pass' }), correctedReport, PRINT_OPTIONS));
    expectFacts(text, [
      '检测报告（更正报告）',
      '更正报告Correctedreport',
      '第2版',
      '本报告为第2版，替代第1版检测报告，原报告作废。',
      '更正原因Reason：甲氨基阿维菌素苯甲酸盐检测值录入错误（小数点错位），复核原始记录后更正',
      '检测结论：合格Pass',
      '全部合格',
      '0.0073mg/kg',
    ]);
    // No row and no conclusion reads 不合格 any more (the judging rules under the table still name it).
    expect(text).not.toMatch(/检出不合格|结论：不合格/);
  });

  it('prints the CMA number the lab’s admin set', async () => {
    const text = await pdfWords(await testReportPdf(printedSample(), failedReport, { ...PRINT_OPTIONS, cmaNo: '240015340123' }));
    expectFacts(text, ['资质认定证书编号CMANo.：240015340123']);
    expect(text).not.toContain('未设置');
  });

  it('a sample with a temporary product code says so on the report', async () => {
    expectFacts(await pdfWords(await testReportPdf(temporarySample(), failedReport)), ['53707830000000000420', '产品临时码']);
  });

  it('the same version prints the same bytes', async () => {
    const [a, b] = [await testReportPdf(printedSample(), failedReport, PRINT_OPTIONS), await testReportPdf(printedSample(), failedReport, PRINT_OPTIONS)];
    expect(a.equals(b)).toBe(true);
  });
});

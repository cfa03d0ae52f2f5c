import { describe, expect, it } from 'vitest';
import { expectFacts, pdfWords, PRINT_OPTIONS, printedSample, temporarySample } from '../../../test/monitoring-print.js';
import { pdfPages } from '../../../test/pdf.js';
import { samplingSheetPdf } from './sampling-sheet.pdf.js';

// The 抽样单 alone (no database): what a person reads on the printed sheet.

describe('sampling sheet (抽样单)', () => {
  it('prints every fact of a scanned sample, the chain of custody and lines for each signer', async () => {
    const pdf = await samplingSheetPdf(printedSample(), PRINT_OPTIONS);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfWords(pdf);
    expectFacts(text, [
      '农产品质量安全抽样单',
      'JC3707832026110001',
      '2026年秋季蔬菜农药残留例行监测',
      '例行监测',
      '寿光市农产品质量安全检测中心',
      '批发市场·寿光农产品物流园',
      '山东省潍坊市寿光市圣城街道（370783101）',
      '36.881234,118.731987',
      '2026-11-2010:30', // 02:30 UTC is 10:30 in China
      '金银花（鲜）',
      '药用植物（12）',
      '23707830000004211175',
      '流通追溯码',
      '寿光农产品物流园三区12号摊位',
      '产地山东省潍坊市寿光市（370783）',
      '2.5千克',
      'FY-2026-00317',
      '潍城区鲜达蔬菜批发部',
      '寿光市化龙镇绿源蔬菜专业合作社',
      '13707830000000631208',
      '自产',
      '王立新',
      '市场管理员',
      '样品分装两份，一份备检，冷藏运输。',
      '抽样人Sampler',
      '李抽样',
      '被抽样单位（人）Sampledparty',
      '见证人Witness',
      '赵敏（摊主）',
      '扫码查询产品追溯信息',
      '第1页/共1页',
    ]);
    expect(text).not.toContain('产品临时码');
  });

  it('a product without a code: its temporary product code is said to be one, and the sheet has no chain', async () => {
    const text = await pdfWords(await samplingSheetPdf(temporarySample()));
    // Without names a region is printed as its code.
    expectFacts(text, ['53707830000000000420', '产品临时码（产品无追溯码，抽样时现场赋码', '圣城街道早市无名摊位', '农贸市场·圣城街道早市', '未记录（notrecorded）', '无（产品无追溯码，未关联平台批次）', '370783101']);
    // Without a public URL there is no QR.
    expect(text).not.toContain('扫码查询');
  });

  it('a long chain runs onto a second page with the table header repeated', async () => {
    const hop = printedSample().chain[1]!;
    const chain = Array.from({ length: 45 }, (_, i) => ({ ...hop, subjectName: `第${i + 1}手经销商` }));
    const pdf = await samplingSheetPdf(printedSample({ chain }));
    const pages = await pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = await pdfWords(pdf);
    expectFacts(text, ['第45手经销商', `共${pages}页`]);
    expect(text.split('经手主体').length - 1).toBe(pages);
  });

  it('the same sample prints the same bytes', async () => {
    const [a, b] = [await samplingSheetPdf(printedSample(), PRINT_OPTIONS), await samplingSheetPdf(printedSample(), PRINT_OPTIONS)];
    expect(a.equals(b)).toBe(true);
  });
});

import { a4Form, cornerQr, fieldGrid, formParagraph, formSection, formTable, formTitle, mm, signatureLines } from '../../platform/print/form.js';
import type { SampleOut } from './contracts.js';
import { CHAIN_COLUMNS, chainRows, codeUrl, productFields, samplingFields, type PrintOptions } from './sample.print.js';

/**
 * 抽样单: the sheet the sampler prints on site for the sampled party and the witnesses to sign. It prints the
 * sample as recorded; the chain of custody is what the platform knew when the sample was taken.
 */
export async function samplingSheetPdf(sample: SampleOut, options: PrintOptions = {}): Promise<Buffer> {
  const { doc, done } = a4Form(`农产品抽样单 ${sample.sampleNo}`, sample.sampledAt, `抽样单 ${sample.sampleNo}`);
  const url = codeUrl(options, sample.code);
  const qrBottom = url ? cornerQr(doc, url, mm(24), '扫码查询产品追溯信息') : 0;

  formTitle(doc, '农产品质量安全抽样单', 'Sampling sheet of agricultural product quality and safety');
  doc.fontSize(10).text(`抽样单编号 Sample No.：${sample.sampleNo}`);
  doc.y = Math.max(doc.y, qrBottom) + 6;

  formSection(doc, '一、抽样信息 Sampling');
  fieldGrid(doc, samplingFields(sample, options));

  formSection(doc, '二、样品信息 Sample');
  fieldGrid(doc, productFields(sample, options));

  formSection(doc, '三、流通链 Chain of custody');
  if (sample.chain.length) formTable(doc, CHAIN_COLUMNS, chainRows(sample, options));
  else formParagraph(doc, '无（产品无追溯码，未关联平台批次） None: the product had no code on the platform.', 9, '#444');

  formSection(doc, '四、见证人 Witnesses');
  if (sample.witnesses.length) {
    formTable(
      doc,
      [
        { header: '序号', share: 8, align: 'center' },
        { header: '姓名', share: 40 },
        { header: '身份 / 职务', share: 52 },
      ],
      sample.witnesses.map((w, i) => [String(i + 1), w.name, w.role]),
    );
  } else formParagraph(doc, '无 None', 9, '#444');

  if (sample.note) {
    formSection(doc, '五、备注 Note');
    formParagraph(doc, sample.note);
  }

  formSection(doc, '签字确认 Signatures');
  formParagraph(doc, '被抽样方确认：以上抽样过程、样品信息及封样情况属实，样品已当面封存。 The sampled party confirms the sampling, the sample facts and the seal above.', 9);
  signatureLines(doc, [
    { role: '抽样人 Sampler', name: sample.samplerName },
    { role: '被抽样单位（人）Sampled party', name: sample.subjectName ?? undefined },
    ...(sample.witnesses.length ? sample.witnesses.map((w) => ({ role: '见证人 Witness', name: `${w.name}（${w.role}）` })) : [{ role: '见证人 Witness' }]),
  ]);
  return done();
}

import { workbookOf, type Sheet } from '../../../platform/sheets/workbook.js';
import type { RecallOut } from './trace-graph.contracts.js';

const KIND_ZH: Record<string, string> = { subject: '注册主体', unregistered: '未注册买方', market: '市场/加工' };

const COLUMNS: Sheet['columns'] = [
  { header: '层级（hops）', key: 'hops', width: 8 },
  { header: '批次追溯码（batchCode）', key: 'batchCode', width: 24 },
  { header: '产品（product）', key: 'productName', width: 16 },
  { header: '持有人类型（kind）', key: 'kind', width: 12 },
  { header: '持有人（name）', key: 'name', width: 24 },
  { header: '主体身份码（identityCode）', key: 'identityCode', width: 30 },
  { header: '联系电话（phone）', key: 'phone', width: 14 },
  { header: '地址（address）', key: 'address', width: 30 },
  { header: '县（county）', key: 'county', width: 16 },
  { header: '摊位（stall）', key: 'stall', width: 10 },
  { header: '收到数量（received）', key: 'quantityReceived', width: 12 },
  { header: '现存（stock）', key: 'stock', width: 12 },
  { header: '单位（unit）', key: 'unit', width: 8 },
  { header: '收货时间（receivedAt）', key: 'receivedAt', width: 20 },
];

/**
 * The recall list as an Excel workbook (召回清单.xlsx), through the platform's streaming writer: the holders' rows
 * are made as they are written, so a list of tens of thousands of holders is not held twice in memory. Codes and
 * phones are text cells, so Excel keeps every digit.
 */
export function recallWorkbook(list: RecallOut): Promise<Buffer> {
  const b = list.batch;
  const lines: [string, string | number][] = [
    ['召回批次（batch）', b.code],
    ['产品（product）', b.productName],
    ['持有人（holder）', b.holderName],
    ['所在县（county）', b.countyName ? `${b.county} ${b.countyName}` : b.county],
    ['下游批次数（batches）', list.totals.batches],
    ['下游持有人数（holders）', list.totals.holders],
    ['最大层级（max hops）', list.totals.maxHops],
    ...list.totals.byUnit.flatMap((u): [string, string | number][] => [
      [`本批次发出（shipped, ${u.unit}）`, u.shipped],
      [`下游现存合计 (stock held downstream, ${u.unit})`, u.stock],
    ]),
    ['生成时间（generated, UTC）', list.generatedAt.toISOString().replace('T', ' ').slice(0, 19)],
  ];
  return workbookOf([
    { name: '召回清单', columns: COLUMNS, rows: holderRows(list) },
    {
      name: '汇总',
      columns: [
        { key: 'k', width: 28 },
        { key: 'v', width: 30 },
      ],
      rows: lines.map(([k, v]) => ({ k, v })),
    },
  ]);
}

/** The holders' rows one at a time, as the writer asks for them. */
function* holderRows(list: RecallOut) {
  for (const h of list.holders) {
    yield {
      hops: h.hops,
      batchCode: h.batchCode,
      productName: h.productName,
      kind: KIND_ZH[h.holderKind] ?? h.holderKind,
      name: h.name,
      identityCode: h.identityCode ?? '',
      phone: h.phone ?? '',
      address: h.address ?? '',
      county: h.countyName ? `${h.county} ${h.countyName}` : h.county,
      stall: h.stall ?? '',
      quantityReceived: h.quantityReceived,
      stock: h.stock,
      unit: h.unit,
      receivedAt: h.receivedAt.toISOString().replace('T', ' ').slice(0, 19),
    };
  }
}

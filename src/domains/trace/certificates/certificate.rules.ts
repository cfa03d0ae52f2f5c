import type { CertificateBasis } from '../labels/label.shared.js';

/*
 * What the platform enforces of 《农产品质量安全承诺达标合格证管理办法》 (农业农村部令 2025 年第 4 号, in force since
 * 2026-02-01), as read (the ministry's own page was not reachable; these are reprints of the text):
 * - Art. 2 (http://www.03j9n.cn/law/1/54424.html): certificates are issued by 农产品生产企业、农民专业合作社、农户和从事
 *   农产品收购的单位或者个人, 根据质量安全控制、检测结果等依法开具.
 * - Art. 3 (same page): the products in scope begin 蔬菜（含人工种植的食用菌）、水果、茶鲜叶、畜禽、禽蛋、养殖水产品; the
 *   seventh item was cut off in the copy read, so the platform does not refuse other classes.
 * - The article on producers (number not legible in the reprint read, http://www.xe0.net/products/show28278020.html):
 *   在农产品产地批批开具 … 如实做好开具记录，记录至少保存二年; 以自行检测或委托检测为依据开具承诺达标合格证的，检测的项目
 *   应当根据实际用药情况开展有针对性的检测 — the rule `missingTests` applies.
 * - The Guangxi department's explainer (http://nynct.gxzf.gov.cn/xwdt/gxlb/nn/t27173205.shtml): 收购商收购时必须要收取
 *   合格证 … 收购后混装在一起销售的，收购商必须要重新开证 — the purchaser's certificate of a merged batch and its `sources`.
 *   The same page says certificates are kept 不少于6个月; the two years above are the longer, and the register keeps those.
 */

/** The bases that rest on a test (自我检测, 委托检测): their tested items must cover the inputs recorded. */
export const TESTING_BASES: readonly CertificateBasis[] = ['self_test', 'entrusted_test'];

/** The input kinds a residue test answers for (用什么药、检什么药): fertiliser and feed are not tested for. */
export const TESTED_INPUT_KINDS = ['pesticide', 'vet_drug'] as const;

/** Two years, the regulation's minimum for keeping issuing records; the delete trigger uses the same interval. */
export const RETENTION = '2 years';

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();

/**
 * The recorded pesticides and veterinary drugs no tested item covers. An input is recorded by its product's name
 * (吡虫啉 10% 可湿性粉剂) and a test by its analyte (吡虫啉): a tested item covers an input whose name contains it, or the
 * other way round. Substring matching is the most the free-text input names allow; a false "covered" needs a tested
 * item that is part of the input's name, which the issuer typed for that input.
 */
export function missingTests(inputs: readonly string[], tested: readonly string[]): string[] {
  const items = tested.map(norm).filter((t) => t.length > 0);
  const missing = inputs.filter((name) => {
    const n = norm(name);
    return !items.some((t) => n.includes(t) || t.includes(n));
  });
  return [...new Set(missing)];
}

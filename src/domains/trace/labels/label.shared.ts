// What can be printed and in which sizes: shared by the label routes and the console's print dialog.

export const LABEL_FORMATS = ['pdf', 'png', 'svg', 'zpl'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

export const LABEL_LAYOUTS = ['a4', 'roll-40x30', 'roll-60x40', 'roll-104'] as const;
export type LabelLayout = (typeof LABEL_LAYOUTS)[number];
/** A certificate carries a dozen lines: 40×30 mm would print them below what a 203-dpi head can make legible. */
export const CERTIFICATE_LAYOUTS = ['a4', 'roll-60x40', 'roll-104'] as const;
export type CertificateLayout = (typeof CERTIFICATE_LAYOUTS)[number];

export const MAX_COPIES = 1000;

/** Sizes in millimetres. */
export type Size = { width: number; height: number };

/**
 * Thermal rolls (203 dpi = 8 dots/mm). `roll-104` is 104×60 mm: the full print width of the 104 mm printers the
 * national platform's technical guide names (打印宽度≥104mm), at the common 60 mm label pitch.
 */
export const ROLL_SIZES: Record<Exclude<LabelLayout, 'a4'>, Size> = {
  'roll-40x30': { width: 40, height: 30 },
  'roll-60x40': { width: 60, height: 40 },
  'roll-104': { width: 104, height: 60 },
};

/** An A4 sheet of die-cut labels: where the first cell starts, the cell size, the pitch, and how many. */
export type SheetGrid = Size & { left: number; top: number; pitchX: number; pitchY: number; columns: number; rows: number };
export const A4: Size = { width: 210, height: 297 };
/** Labels: the common 21-up sheet (3 × 7 labels of 63.5 × 38.1 mm, as Avery L7160 and its look-alikes). */
export const A4_LABEL_GRID: SheetGrid = { width: 63.5, height: 38.1, left: 7.25, top: 15.15, pitchX: 66, pitchY: 38.1, columns: 3, rows: 7 };
/** Certificates: 8 per sheet (2 × 4 cells of 99 × 67.7 mm, as an 8-up label sheet), cut or peeled apart. */
export const A4_CERTIFICATE_GRID: SheetGrid = { width: 99.1, height: 67.7, left: 4.65, top: 13.1, pitchX: 101.6, pitchY: 67.7, columns: 2, rows: 4 };

/** 承诺依据, in the order of the certificate template. */
export const CERTIFICATE_BASES = ['entrusted_test', 'self_test', 'internal_control', 'self_commitment'] as const;
export type CertificateBasis = (typeof CERTIFICATE_BASES)[number];
export const CERTIFICATE_BASIS_ZH: Record<CertificateBasis, string> = {
  entrusted_test: '委托检测',
  self_test: '自我检测',
  internal_control: '内部质量控制',
  self_commitment: '自我承诺',
};

export const MARKET_KIND_ZH: Record<string, string> = { wholesale: '批发市场', retail: '零售市场', processor: '加工企业' };

/** The units of trace/contracts.ts PRODUCT_UNITS as printed. */
export const UNIT_ZH: Record<string, string> = {
  kg: '千克',
  g: '克',
  jin: '斤',
  tonne: '吨',
  piece: '件',
  box: '箱',
  bag: '袋',
  head: '头',
  bird: '羽',
  dozen: '打',
};

/** A 20-digit code as printed under its QR: five groups of four, easy to read out and to type. */
export function groupCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

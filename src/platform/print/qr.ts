import QRCode from 'qrcode';

// QR symbols as module matrices, so every printed thing draws them as vectors: labels (trace), sampling sheets and
// test reports (monitoring). Error correction M everywhere, as the labels have printed since issue 4.

/** The modules of the QR symbol for `data`, row by row; true is dark. */
export function qrModules(data: string): boolean[][] {
  const m = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules;
  const dark: boolean[][] = [];
  for (let r = 0; r < m.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < m.size; c++) row.push(m.get(r, c) === 1);
    dark.push(row);
  }
  return dark;
}

/** Fills a QR on a PDFKit page, one rectangle per run of dark modules in a row: sharp at any size, never an image. */
export function fillQrModules(doc: PDFKit.PDFDocument, dark: boolean[][], x: number, y: number, module: number): void {
  dark.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      const start = c;
      while (c < row.length && row[c]) c++;
      doc.rect(x + start * module, y + r * module, (c - start) * module, module);
    }
  });
  doc.fillColor('black').fill();
}

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

// PDFs checked the way a person would see them, read back with Mozilla's pdf.js (and drawn on @napi-rs/canvas):
// the text a PDF really carries, and its pages as images. Pure npm packages, so `npm test` needs no poppler.
// Used by the unit tests and by e2e/.

async function open<T>(pdf: Buffer, use: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // pdf.js takes ownership of (and detaches) the bytes it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  try {
    return await use(doc);
  } finally {
    await doc.destroy();
  }
}

/** The text of every page in reading order: a line break wherever the PDF's text starts a new line. */
export function pdfText(pdf: Buffer): Promise<string> {
  return open(pdf, async (doc) => {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      let text = '';
      let lastY: number | undefined;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number;
        if (lastY !== undefined && Math.abs(y - lastY) > 1) text += '\n';
        else if (text && !text.endsWith(' ') && item.str && lastY !== undefined) text += ' ';
        text += item.str;
        lastY = y;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
    }
    return pages.join('\f');
  });
}

/** The number of pages. */
export function pdfPages(pdf: Buffer): Promise<number> {
  return open(pdf, async (doc) => doc.numPages);
}

/** One page rendered to PNG on a white ground, 150 dpi by default. */
export function pdfPageToPng(pdf: Buffer, page = 1, dpi = 150): Promise<Buffer> {
  return open(pdf, async (doc) => {
    const p = await doc.getPage(page);
    const viewport = p.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await p.render({ canvasContext: context as unknown as CanvasRenderingContext2D, canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
    return canvas.encode('png');
  });
}

export const ARTIFACTS = path.resolve(import.meta.dirname, '..', 'e2e', 'artifacts');

/** Keeps a file under e2e/artifacts/ for a person to look at after the run; returns its path. */
export function keepArtifact(name: string, bytes: Buffer | string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  writeFileSync(file, bytes);
  return file;
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

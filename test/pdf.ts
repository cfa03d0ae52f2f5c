import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// PDFs checked the way a person would see them, through poppler-utils (pdftotext, pdftoppm; .ci/run installs
// them): the text a PDF really carries, and its pages as images. Used by the unit tests and by e2e/.

function withPdfFile<T>(pdf: Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'tracenet-pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, in reading order (`pdftotext`). */
export function pdfText(pdf: Buffer): string {
  return withPdfFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** The number of pages (`pdfinfo`). */
export function pdfPages(pdf: Buffer): number {
  const info = withPdfFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** One page rendered to PNG (`pdftoppm -png -r {dpi}`), 150 dpi by default. */
export function pdfPageToPng(pdf: Buffer, page = 1, dpi = 150): Buffer {
  return withPdfFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, path.join(dir, 'page')]);
    return readFileSync(path.join(dir, 'page.png'));
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

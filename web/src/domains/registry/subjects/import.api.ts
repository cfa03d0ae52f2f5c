import { api } from '../../../app/api';
import type { ImportResult } from './subject.types';

// County bulk import (批量导入): the template, and the upload of the filled file.

export const importApi = {
  template: () => api.download('/registry/imports/template.xlsx'),
  /** All rows or none: a file with bad rows is refused (422 IMPORT_ROWS_INVALID, details.rows). */
  upload: (file: Blob, filename: string) => api.upload<ImportResult>('/registry/imports', file, filename),
};

/** The credentials sheet the server sent (base64) as a Blob to save. */
export function xlsxFromBase64(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

import type { fsmaPeriodZh } from './messages.fsma-period.zh';

export const fsmaPeriodEn: Record<keyof typeof fsmaPeriodZh, string> = {
  'fsmaPeriod.button': 'FSMA 204 by class',
  'fsmaPeriod.title': 'FSMA 204 spreadsheet of a product class over a period',
  'fsmaPeriod.hint': 'The lots of the class (and the classes under it) recorded in the period, with their shipments, receipts and processing, for an exporter answering a request of the US FDA. At most 200 lots at a time.',
  'fsmaPeriod.ok': 'Export',
  'fsmaPeriod.class': 'Product class',
  'fsmaPeriod.classRequired': 'Choose a product class',
  'fsmaPeriod.days': 'Recorded between',
  'fsmaPeriod.daysRequired': 'Choose the first and last day (a year at most)',
  'fsmaPeriod.format': 'File format',
  'fsmaPeriod.xlsx': 'Spreadsheet (.xlsx)',
  'fsmaPeriod.csv': 'Comma-separated text (.csv)',
  'fsmaPeriod.file': 'fsma204-{classCode}-{from}-{to}.{format}',
};

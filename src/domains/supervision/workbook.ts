// The workbook writer moved to the platform (list exports use it too); kept here for the domains that import it.
export { workbookOf, XLSX, type Sheet } from '../../platform/sheets/workbook.js';

// Addresses of the annual report's pages, in one place so console, portal and tests link the same way.

/** The report's console page (compiled figures, editor, workflow). */
export function consoleReportHref(agencyId: number, year: number): string {
  return `/console/reports/${agencyId}/${year}`;
}

/** The records behind one cell of the report (path as in the schema, e.g. requests.granted.naturalPerson). */
export function cellHref(agencyId: number, year: number, path: string): string {
  return `/console/reports/${agencyId}/${year}/cells/${path}`;
}

/** The supervising office's matrix of its subtree for a year. */
export function overviewHref(year: number, agencyId?: number): string {
  return `/console/reports/overview?year=${year}${agencyId ? `&agency=${agencyId}` : ''}`;
}

/** Importing a report published before the system was installed. */
export const REPORT_IMPORT_PATH = '/console/reports/import';

/** A published report on the portal, and its files. */
export function portalReportHref(agencyId: number, year: number, format?: 'docx' | 'pdf' | 'json' | 'xlsx'): string {
  return `/reports/${agencyId}/${year}${format ? `/report.${format}` : ''}`;
}

export const OPEN_DATA_JSON = '/open-data/annual-reports.json';
export const OPEN_DATA_CSV = '/open-data/annual-reports.csv';
export const CONSOLE_STATISTICS = '/console/statistics';
export const PORTAL_STATISTICS = '/statistics';

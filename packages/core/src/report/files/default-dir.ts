/**
 * Where reports go unless told otherwise. On its own so that reading the
 * reporters' options (when a runner creates its reporter, before any test)
 * does not load the report writer and the dashboard with it: the end of the
 * run loads them, from one packed file.
 */
export const DEFAULT_REPORT_DIR = 'memscope-report';

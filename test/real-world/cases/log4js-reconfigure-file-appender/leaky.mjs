import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log4js from 'log4js-leaky';

export default function make() {
  const filename = join(mkdtempSync(join(tmpdir(), 'real-world-log4js-')), 'app.log');
  const config = {
    appenders: { file: { type: 'file', filename } },
    categories: { default: { appenders: ['file'], level: 'info' } },
  };
  // Re-applying the logging configuration, as an app does when its settings reload.
  return async function reconfigure() {
    log4js.configure(config);
  };
}

import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log4js from 'log4js-fixed';

export default function make() {
  // One directory for every run: the log file is only ever appended to.
  const dir = join(tmpdir(), 'real-world-log4js');
  mkdirSync(dir, { recursive: true });
  const filename = join(dir, 'app.log');
  const config = {
    appenders: { file: { type: 'file', filename } },
    categories: { default: { appenders: ['file'], level: 'info' } },
  };
  // Re-applying the logging configuration, as an app does when its settings reload.
  return async function reconfigure() {
    log4js.configure(config);
  };
}

import { Writable } from 'node:stream';
import winston from 'winston-leaky';

/** Where the logs go: nowhere, so the case measures the logger, not the output. */
function discard() {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

export default function make() {
  let job = 0;
  return async function logOneJob() {
    job += 1;
    // A logger per job that also reports crashes, closed when the job ends,
    // as winstonjs/winston#1706 describes.
    const logger = winston.createLogger({
      transports: [new winston.transports.Stream({ stream: discard(), handleExceptions: true, handleRejections: true })],
    });
    logger.info('job started', { job });
    logger.close();
  };
}

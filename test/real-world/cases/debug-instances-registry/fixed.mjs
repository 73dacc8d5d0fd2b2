import createDebug from 'debug-fixed';

export default function make() {
  createDebug.disable(); // library logging off
  let request = 0;
  return async function handleRequest() {
    request += 1;
    // A logger made per request, the use debug-js/debug#678 reported: each one
    // is pushed on createDebug.instances and never taken off.
    const log = createDebug(`app:request:${request % 8}`);
    log('handled request %d', request);
  };
}

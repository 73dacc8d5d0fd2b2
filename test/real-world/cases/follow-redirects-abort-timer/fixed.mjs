import followRedirects from 'follow-redirects-fixed';
import { startHttpServer } from '../../support/http-server.mjs';

/** A server that never answers: the client gives up first. */
function neverAnswer() {}

export default async function make() {
  const { port } = await startHttpServer(neverAnswer);
  return function requestWithTimeoutThenAbort() {
    return new Promise((resolve) => {
      const request = followRedirects.http.request({ host: '127.0.0.1', port, path: '/' });
      request.setTimeout(60_000);
      // Abort once the socket is assigned, after follow-redirects started its timer.
      request.on('socket', () => setImmediate(() => {
        request.abort();
        resolve();
      }));
      request.end();
    });
  };
}

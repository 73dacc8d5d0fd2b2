import followRedirects from 'follow-redirects-destroy-leaky';
import { startHttpServer } from '../../support/http-server.mjs';

/** A server that never answers: the client gives up first. */
function neverAnswer() {}

export default async function make() {
  const { port } = await startHttpServer(neverAnswer);
  return function requestThenDestroy() {
    return new Promise((resolve) => {
      const request = followRedirects.http.request({ host: '127.0.0.1', port, path: '/' });
      // Give up on the request once it is on the wire, as a caller's own timeout would.
      request.on('socket', (socket) => socket.once('connect', () => {
        request.destroy();
        resolve();
      }));
      request.end();
    });
  };
}

import http from 'node:http';
import timedOut from 'timed-out-fixed';
import { startHttpServer } from '../../support/http-server.mjs';

export default async function make() {
  const { port } = await startHttpServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return function getWithSocketTimeout() {
    return new Promise((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
        response.resume();
        response.on('end', resolve);
      });
      request.on('error', reject);
      // An idle-socket timeout only (no connect timer), as timed-out's README allows.
      timedOut(request, { socket: 60_000 });
    });
  };
}

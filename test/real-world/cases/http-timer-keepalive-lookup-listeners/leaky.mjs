import http from 'node:http';
import timer from 'http-timer-leaky';
import { startHttpServer } from '../../support/http-server.mjs';

export default async function make() {
  const { port } = await startHttpServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return function getWithTimings() {
    return new Promise((resolve, reject) => {
      // An IP address, so the socket never emits 'lookup' (szmarczak/http-timer#1).
      const request = http.get({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(timings.phases.total));
      });
      request.on('error', reject);
      const timings = timer(request);
    });
  };
}

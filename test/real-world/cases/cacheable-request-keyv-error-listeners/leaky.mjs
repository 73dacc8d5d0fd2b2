import http from 'node:http';
import CacheableRequest from 'cacheable-request-leaky';
import { startHttpServer } from '../../support/http-server.mjs';

export default async function make() {
  const { port } = await startHttpServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  // One cache for the client's life, in memory, as got hands it a Map.
  const cachedGet = new CacheableRequest(http.request, new Map()).request();
  return function getThroughCache() {
    return new Promise((resolve, reject) => {
      const request = cachedGet({ hostname: '127.0.0.1', port, path: '/', agent }, (response) => {
        response.resume();
        response.on('end', resolve);
      });
      request.on('error', reject);
      request.on('request', (outgoing) => outgoing.end());
    });
  };
}

import http from 'node:http';
import request from 'request-fixed';
import { startHttpServer } from '../../support/http-server.mjs';

export default async function make() {
  const { url } = await startHttpServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return function getWithTimings() {
    return new Promise((resolve, reject) => {
      // `time: true` asks request for its timing breakdown (request.timings).
      request({ url, agent, time: true }, (error) => (error ? reject(error) : resolve()));
    });
  };
}

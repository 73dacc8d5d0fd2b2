import http from 'node:http';
import got from 'got-fixed';
import { startHttpServer } from '../../support/http-server.mjs';

export default async function make() {
  const { url } = await startHttpServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return async function getWithKeepAliveAgent() {
    await got(url, { agent, retries: 0 });
  };
}

import http from 'node:http';
import fetch from 'node-fetch-leaky';
import { startHttpServer } from '../../support/http-server.mjs';

export default async function make() {
  const { url } = await startHttpServer();
  // A keep-alive agent, as node-fetch's README shows: every request reuses one socket.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return async function fetchWithKeepAliveAgent() {
    const response = await fetch(url, { agent });
    await response.text();
  };
}

import http from 'node:http';
import axios from 'axios-leaky';
import { startHttpServer } from '../../support/http-server.mjs';

export default async function make() {
  const { url } = await startHttpServer();
  // A pooled keep-alive agent with one socket: concurrent requests queue for it.
  const client = axios.create({ httpAgent: new http.Agent({ keepAlive: true, maxSockets: 1 }) });
  return async function twoConcurrentGets() {
    await Promise.all([client.get(url), client.get(url)]);
  };
}

// A 127.0.0.1 HTTP server for the cases, started in a case's make(): the
// corpus never talks to anything but this machine.
import http from 'node:http';
import { once } from 'node:events';

/** Answers every request with a short body, unless `handler` is given. */
function answerOk(request, response) {
  response.end('ok');
}

/**
 * Starts a server on an ephemeral port of 127.0.0.1.
 * Connections a client aborts end in ECONNRESET on the server side: those
 * are expected here and ignored, so they never reach the process.
 *
 * @example
 * const server = await startHttpServer();
 * await fetch(server.url);
 */
export async function startHttpServer(handler = answerOk) {
  const server = http.createServer(handler);
  server.on('clientError', (error, socket) => socket.destroy());
  // Node closes a keep-alive connection after 5 idle seconds; a verdict's
  // snapshot can pause the calls longer than that, and a client that then
  // reuses the closed socket fails with ECONNRESET. Keep them open instead.
  server.keepAliveTimeout = 0;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  return { server, port, url: `http://127.0.0.1:${port}/` };
}

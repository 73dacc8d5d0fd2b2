import { createRequire } from 'node:module';

// Loaded as a CommonJS project loads it: the rollup bundle
// (dist/y-websocket.cjs, with its source map), not the ESM sources.
const require = createRequire(import.meta.url);
const Y = require('yjs');
const { WebsocketProvider } = require('y-websocket-fixed');

/** Never constructed: the provider is made with connect: false. */
class NoSocket {}

export default function make() {
  let room = 0;
  return async function openAndCloseDocument() {
    room += 1;
    // A document opened and closed per editing session, provider destroyed
    // as documented: yjs/y-websocket#102 found each one still kept by process.
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://127.0.0.1:9', `room-${room}`, doc, { connect: false, WebSocketPolyfill: NoSocket });
    doc.getText('body').insert(0, 'draft');
    provider.destroy();
    doc.destroy();
  };
}

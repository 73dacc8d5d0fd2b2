import EventEmitter2 from 'eventemitter2-fixed';

export default function make() {
  const replies = new EventEmitter2();
  let request = 0;
  return async function callAndWaitForReply() {
    request += 1;
    // waitFor() resolves on the first reply but never removes its listener.
    const reply = replies.waitFor(`reply.${request}`);
    replies.emit(`reply.${request}`, { request });
    await reply;
  };
}

import Emitter from 'component-emitter-leaky';

export default function make() {
  const jobs = new Emitter();
  let job = 0;
  return async function runJob() {
    job += 1;
    // One event name per job, listened to once: off() empties the event's
    // callback array but leaves it keyed in _callbacks.
    jobs.once(`done:${job}`, () => {});
    jobs.emit(`done:${job}`, job);
  };
}

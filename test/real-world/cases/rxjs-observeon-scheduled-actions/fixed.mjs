import { Subject, asapScheduler } from 'rxjs-fixed';
import { observeOn } from 'rxjs-fixed/operators';

export default function make() {
  const events = new Subject();
  let deliver = () => {};
  // One long-lived subscription that hands each event over asynchronously.
  events.pipe(observeOn(asapScheduler)).subscribe((event) => deliver(event));
  let id = 0;
  return async function publishEvent() {
    const delivered = new Promise((resolve) => { deliver = resolve; });
    id += 1;
    // observeOn schedules an action per value; 7.3.0 adds it to the
    // subscriber's teardowns and never takes it off once it has run.
    events.next({ id, payload: [id, id + 1, id + 2] });
    await delivered;
  };
}

import { PubSub } from 'graphql-subscriptions-leaky';

export default function make() {
  const pubsub = new PubSub();
  let client = 0;
  return async function subscribeThenDisconnect() {
    client += 1;
    // A subscription resolver hands out an iterator; the client goes away
    // before the first event, so nothing ever calls next() or return():
    // apollographql/graphql-subscriptions#143.
    pubsub.asyncIterator(`MESSAGE_ADDED.${client % 4}`);
  };
}

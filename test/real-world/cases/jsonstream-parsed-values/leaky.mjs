import JSONStream from 'jsonstream-leaky';

export default function make() {
  // One long array streamed in, one element per call, each handed on as 'data'.
  const rows = JSONStream.parse('*');
  rows.on('data', () => {});
  rows.write('[');
  let row = 0;
  return async function streamOneRow() {
    row += 1;
    rows.write(`{"id":${row},"name":"row ${row}","tags":["a","b"]},`);
  };
}

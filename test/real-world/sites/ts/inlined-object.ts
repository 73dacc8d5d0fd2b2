// A helper small enough for V8 to inline into its caller makes the record
// that leaks: the site is the helper's line, not the caller's.
interface StoredRecord {
  key: number;
  createdAt: number;
  tag: string;
}

const records: StoredRecord[] = [];

function makeRecord(key: number): StoredRecord {
  return { key, createdAt: key * 2, tag: 'record' }; // @site
}

function add(key: number): void {
  records.push(makeRecord(key));
}

let next = 0;
export default (): void => add(next++);

// A small helper adds a Map entry per key and never deletes one.
interface Seen {
  key: number;
  hits: number;
}

const seen = new Map<number, Seen>();

function remember(key: number): void {
  seen.set(key, { key, hits: 1 }); // @site
}

let next = 0;
export default (): void => remember(next++);

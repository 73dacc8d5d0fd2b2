// A helper builds a small array per call, and a list keeps them all.
type Triple = [number, number, number];

const pairs: Triple[] = [];

function pair(a: number, b: number): Triple {
  return [a, b, a + b]; // @site
}

let next = 0;
export default (): void => {
  pairs.push(pair(next, next + 1));
  next++;
};

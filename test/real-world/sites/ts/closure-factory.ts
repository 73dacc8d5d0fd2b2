// A factory returns a closure per call; a list of handlers keeps them.
type Handler = () => number;

const handlers: Handler[] = [];

function makeHandler(id: number): Handler {
  return () => id; // @site
}

let next = 0;
export default (): void => {
  handlers.push(makeHandler(next++));
};

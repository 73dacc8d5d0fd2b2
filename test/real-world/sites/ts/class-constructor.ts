// Every call opens a Connection and keeps it: the site is the `new`.
type State = 'open' | 'closed';

class Connection {
  state: State = 'open';
  constructor(readonly id: number) {}
}

const open: Connection[] = [];

function connect(id: number): Connection {
  return new Connection(id); // @site
}

let next = 0;
export default (): void => {
  open.push(connect(next++));
};

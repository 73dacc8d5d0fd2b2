require('object-inspect/test/inspect.js');

require('object-inspect/test/fn.js');

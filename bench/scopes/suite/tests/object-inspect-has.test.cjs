require('object-inspect/test/has.js');

require('object-inspect/test/err.js');

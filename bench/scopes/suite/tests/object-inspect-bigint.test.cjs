require('object-inspect/test/bigint.js');

require('object-inspect/test/number.js');

require('object-inspect/test/lowbyte.js');

require('object-inspect/test/global.js');

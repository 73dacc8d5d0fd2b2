require('object-inspect/test/deep.js');

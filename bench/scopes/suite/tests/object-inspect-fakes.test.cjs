require('object-inspect/test/fakes.js');

require('object-inspect/test/values.js');

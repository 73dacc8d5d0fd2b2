require('object-inspect/test/toStringTag.js');

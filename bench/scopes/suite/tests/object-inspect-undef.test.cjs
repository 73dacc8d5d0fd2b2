require('object-inspect/test/undef.js');

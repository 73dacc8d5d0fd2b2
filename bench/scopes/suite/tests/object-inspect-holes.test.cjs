require('object-inspect/test/holes.js');

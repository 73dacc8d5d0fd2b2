require('object-inspect/test/circular.js');

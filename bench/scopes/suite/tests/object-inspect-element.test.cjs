require('object-inspect/test/element.js');

require('object-inspect/test/indent-option.js');

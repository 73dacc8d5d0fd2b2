require('object-inspect/test/quoteStyle.js');

require('qs/test/parse.js');

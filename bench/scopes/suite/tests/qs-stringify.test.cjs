require('qs/test/stringify.js');

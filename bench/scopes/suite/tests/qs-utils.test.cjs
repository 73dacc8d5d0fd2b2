require('qs/test/utils.js');

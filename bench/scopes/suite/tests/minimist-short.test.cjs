require('minimist/test/short.js');

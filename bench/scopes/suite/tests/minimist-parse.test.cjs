require('minimist/test/parse.js');

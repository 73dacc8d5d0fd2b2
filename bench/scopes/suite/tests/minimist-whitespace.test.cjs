require('minimist/test/whitespace.js');

require('minimist/test/unknown.js');

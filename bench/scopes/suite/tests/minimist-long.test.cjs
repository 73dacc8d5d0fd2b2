require('minimist/test/long.js');

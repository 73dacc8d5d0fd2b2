require('minimist/test/bool.js');

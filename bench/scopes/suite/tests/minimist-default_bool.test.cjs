require('minimist/test/default_bool.js');

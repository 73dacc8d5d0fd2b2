require('minimist/test/all_bool.js');

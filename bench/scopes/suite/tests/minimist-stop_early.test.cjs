require('minimist/test/stop_early.js');

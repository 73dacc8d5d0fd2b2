require('minimist/test/dash.js');

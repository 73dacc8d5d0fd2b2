require('minimist/test/dotted.js');

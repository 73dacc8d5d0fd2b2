require('minimist/test/parse_modified.js');

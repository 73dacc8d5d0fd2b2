require('minimist/test/proto.js');

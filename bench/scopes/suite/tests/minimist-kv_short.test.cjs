require('minimist/test/kv_short.js');

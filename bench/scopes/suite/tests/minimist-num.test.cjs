require('minimist/test/num.js');

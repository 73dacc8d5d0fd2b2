'use strict';
// require('@memscope/native') is the addon itself, or one error that says
// why it is unavailable and how to rebuild it. To ask without throwing, use
// require('@memscope/native/loader').loadStatus().
module.exports = require('./loader.js').loadBinding();

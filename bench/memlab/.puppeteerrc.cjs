// memlab pulls puppeteer for its browser scenarios; the benchmark reads Node
// heap snapshots only, so no browser is downloaded.
module.exports = { skipDownload: true };

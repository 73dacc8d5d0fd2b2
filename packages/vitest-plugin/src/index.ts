// Filled by the plugin's own work: matchers, hooks and reporter.
export {};

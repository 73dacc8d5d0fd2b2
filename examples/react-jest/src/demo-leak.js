/**
 * The bug of this example is a real code path, switched on for the demo
 * (`MEMSCOPE_DEMO_LEAK=1 npm test`) so that memscope has something to find.
 * With the variable unset the code is clean and the tests pass.
 */
export const demoLeak = process.env.MEMSCOPE_DEMO_LEAK === '1';

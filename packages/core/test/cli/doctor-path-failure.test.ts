import { describe, expect, it } from 'vitest';
import { createJsCapture } from '../../src/capture/js/js.js';
import type { Capture } from '../../src/capture/types.js';
import { collectDoctorReport } from '../../src/cli/doctor.js';
import { formatDoctorReport } from '../../src/cli/doctor-format.js';

// A capture that loads but whose heap graph throws, as the pure-JS capture
// did on a Node whose inspector answered HeapProfiler commands later.
function captureWithBrokenHeapGraph(): Capture {
  const real = createJsCapture();
  return new Proxy(real, {
    get(target, property, receiver) {
      if (property === 'heapGraph') {
        return () => {
          throw new Error('inspector command HeapProfiler.takeHeapSnapshot did not answer synchronously');
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('memscope doctor when a capture path fails', () => {
  it('still reports, naming the path that failed and why', async () => {
    const report = await collectDoctorReport({}, {
      loadNative: () => {
        throw new Error('@memscope/native is built for ABI 115 (Node 20.20.2) but this Node is ABI 137');
      },
      createJs: captureWithBrokenHeapGraph,
    });
    const [native, js] = report.paths;
    expect(native?.failure).toContain('built for ABI 115 (Node 20.20.2)');
    expect(js?.failure).toBe(
      `loads, but failed on Node ${process.versions.node}: inspector command HeapProfiler.takeHeapSnapshot did not answer synchronously`,
    );
    expect(js?.heapGraphNodes).toBeNull();
    const text = formatDoctorReport(report, false);
    expect(text).toContain('native unavailable: @memscope/native is built for ABI 115');
    expect(text).toContain('js     unavailable: loads, but failed on Node');
  });
});

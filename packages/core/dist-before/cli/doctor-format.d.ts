import type { DoctorReport } from './doctor.js';
/** The doctor's report as text; colour is injected so the output can be compared in tests. */
export declare function formatDoctorReport(report: DoctorReport, color: boolean): string;
//# sourceMappingURL=doctor-format.d.ts.map
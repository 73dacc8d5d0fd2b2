/** A byte budget given to a matcher: a finite number ≥ 0. */
export declare function assertByteBudget(value: unknown, matcherName: string, argument: string): asserts value is number;
//# sourceMappingURL=budget.d.ts.map
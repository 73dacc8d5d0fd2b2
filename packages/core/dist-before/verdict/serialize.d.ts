export declare function serialized<T>(work: () => Promise<T>): Promise<T>;
//# sourceMappingURL=serialize.d.ts.map
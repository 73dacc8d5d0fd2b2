/**
 * Stack frames as a user reads them: their own code first, Node's internals,
 * the test runner and memscope itself last.
 */
export declare function isInternalFrame(frame: string): boolean;
export declare function isInternalUrl(url: string): boolean;
/** Lines of an Error stack, without the message line, user frames first, at most `limit`. */
export declare function userFramesFirst(stack: string, limit?: number): string[];
//# sourceMappingURL=stack-frames.d.ts.map
/** Types of xss-corpus.mjs, for the browser tests written in TypeScript. */
export declare const vectors: string[];
export declare function expand(vector: string, id: number): string;

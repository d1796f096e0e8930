export declare const CLASS_NAMES: Record<string, string>;
export declare function classOf(path: string): string;
export declare function classesOf(paths: readonly string[]): string[];
export declare function reasonOf(paths: readonly string[]): string;
export declare function failureText(error: unknown): string;

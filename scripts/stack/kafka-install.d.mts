export declare const KAFKA_DIR: string;
export declare const KAFKA_FILES: Readonly<
  Record<'libs' | 'data' | 'config' | 'log4j' | 'log' | 'pid' | 'lock', string>
>;
export declare function findJava(): string;
export declare function ensureClasspath(): boolean;
/** The broker's server.properties text, as written to .stack/kafka/server.properties. */
export declare function serverProperties(): string;
export declare function writeConfig(): void;
export declare function jvmBase(): string[];
export declare function ensureFormatted(java: string): boolean;

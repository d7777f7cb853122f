type Env = Record<string, string | undefined>;
export interface ServiceUp {
  started: boolean;
}
export interface StackUp {
  kafka: ServiceUp & { brokers: string[] };
  postgres: ServiceUp & { url: string };
  redis: ServiceUp & { url: string };
}
export declare function up(env?: Env): Promise<StackUp>;
export declare function down(env?: Env): Promise<void>;
export declare function status(env?: Env): Promise<void>;

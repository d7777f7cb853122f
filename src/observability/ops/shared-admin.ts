/**
 * One kafkajs admin client per process for the lag sampler and the Kafka health check,
 * connected on first use (a broker down at start must not stop the process from
 * starting) and reconnected on the next use after a failed connect.
 */
import type { Admin, Kafka } from 'kafkajs';

export class SharedAdmin {
  private readonly admin: Admin;
  private connected: Promise<Admin> | null = null;

  constructor(kafka: Kafka) {
    this.admin = kafka.admin();
  }

  get(): Promise<Admin> {
    this.connected ??= this.admin.connect().then(
      () => this.admin,
      (error: unknown) => {
        this.connected = null;
        throw error;
      },
    );
    return this.connected;
  }

  async close(): Promise<void> {
    if (this.connected) await this.admin.disconnect();
    this.connected = null;
  }
}

/** Reads a process's operations endpoint: Prometheus samples and health JSON. */
import { parsePrometheusText, sum, type Sample } from '../../src/dashboard/prometheus-text.js';

export interface OpsEndpoint {
  readonly url: string;
  samples(): Promise<Sample[]>;
  /** Sum of the series named `name` with labels `where`; 0 when absent. */
  value(name: string, where?: Record<string, string>): Promise<number>;
  health(which: 'live' | 'ready'): Promise<{ status: number; body: Record<string, unknown> }>;
}

export function opsEndpoint(port: number): OpsEndpoint {
  const url = `http://127.0.0.1:${port}`;
  const samples = async (): Promise<Sample[]> => {
    const res = await fetch(`${url}/metrics`);
    if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await res.text());
  };
  return {
    url,
    samples,
    value: async (name, where = {}) => sum(await samples(), name, where),
    async health(which) {
      const res = await fetch(`${url}/health/${which}`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}

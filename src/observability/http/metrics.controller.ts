/** GET /metrics of the gateway: its ProcessOps registry in the Prometheus text format. */
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { ProcessOps } from '../ops/process-ops.js';

@ApiTags('operations')
@Controller()
export class MetricsController {
  constructor(@Inject(ProcessOps) private readonly ops: ProcessOps) {}

  @Get('metrics')
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics of this gateway instance (see docs/operations.md)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', schema: { type: 'string' } })
  metrics(): Promise<string> {
    return this.ops.registry.metrics();
  }
}

/**
 * GET /dashboard (the page), /dashboard/assets/:file, and its JSON API:
 * /dashboard/api/overview (chart data) and /dashboard/api/users/:userId (the inspector).
 */
import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GatewayError } from '../gateway/gateway.error.js';
import { parseUserId } from '../gateway/input/identifiers.js';
import type { Asset } from './dashboard-assets.js';
import { DashboardSampler, type Overview } from './dashboard-sampler.js';
import { ApiDashboardAsset, ApiDashboardOverview, ApiDashboardPage, ApiDashboardUser } from './dashboard.docs.js';
import type { UserView } from './user-inspector.js';

export const DASHBOARD_ASSETS = Symbol('DASHBOARD_ASSETS');
export const USER_INSPECTOR = Symbol('USER_INSPECTOR');

export type UserInspector = (userId: string) => Promise<UserView>;

interface HeaderSetter {
  setHeader(name: string, value: string): unknown;
}

@ApiTags('operations')
@Controller('dashboard')
export class DashboardController {
  constructor(
    @Inject(DashboardSampler) private readonly sampler: DashboardSampler,
    @Inject(USER_INSPECTOR) private readonly inspect: UserInspector,
    @Inject(DASHBOARD_ASSETS) private readonly assets: ReadonlyMap<string, Asset>,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  @ApiDashboardPage()
  page(): string {
    return this.asset('index.html').body;
  }

  @Get('assets/:file')
  @Header('cache-control', 'no-cache')
  @ApiDashboardAsset()
  file(@Param('file') name: string, @Res({ passthrough: true }) res: HeaderSetter): string {
    const asset = this.asset(name);
    res.setHeader('content-type', asset.contentType);
    return asset.body;
  }

  @Get('api/overview')
  @Header('cache-control', 'no-store')
  @ApiDashboardOverview()
  overview(): Promise<Overview> {
    return this.sampler.overview();
  }

  @Get('api/users/:userId')
  @Header('cache-control', 'no-store')
  @ApiDashboardUser()
  async user(@Param('userId') rawUserId: string): Promise<UserView> {
    const userId = parseUserId(rawUserId);
    try {
      return await this.inspect(userId);
    } catch (error) {
      if ((error as { retriable?: unknown }).retriable !== true) throw error;
      const why = error instanceof Error ? error.message : String(error);
      throw new GatewayError(503, `user state is unavailable, retry later: ${why}`, { retryAfterSeconds: 1 });
    }
  }

  private asset(name: string): Asset {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException(`no dashboard asset ${JSON.stringify(name)}`);
    return asset;
  }
}

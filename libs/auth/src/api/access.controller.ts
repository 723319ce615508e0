import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AppConfig, staffRoleMap } from '@imdi/platform';
import { WebSessionRepository } from '../infrastructure/web-session.repository';
import { Roles } from './access.decorators';

export interface StaffAccessView {
  /** The claim of the staff provider's ID token that names the person's groups (AUTH_STAFF_GROUP_CLAIM). */
  readonly groupClaim: string;
  /** AUTH_STAFF_ROLE_MAP: which group gives which role. A group not listed gives none. */
  readonly roleMap: ReadonlyArray<{ readonly group: string; readonly role: string }>;
  /** Staff who signed in lately, each with the roles the sign-in gave them. */
  readonly staff: ReadonlyArray<{
    readonly userId: string;
    readonly name: string;
    readonly roles: readonly string[];
    readonly lastSeenAt: string;
    readonly live: boolean;
  }>;
}

/** Admin: how the sign-in maps the staff provider's groups to roles, and whom it gave which roles lately. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('admin/access')
export class AccessController {
  constructor(
    private readonly config: AppConfig,
    private readonly sessions: WebSessionRepository,
  ) {}

  @Roles('admin')
  @Get()
  async access(): Promise<StaffAccessView> {
    const roleMap = [...staffRoleMap(this.config)].map(([group, role]) => ({ group, role })).sort((a, b) => a.role.localeCompare(b.role));
    const staff = (await this.sessions.recentStaff(200)).map((entry) => ({ ...entry, lastSeenAt: entry.lastSeenAt.toISOString() }));
    return { groupClaim: this.config.AUTH_STAFF_GROUP_CLAIM, roleMap, staff };
  }
}

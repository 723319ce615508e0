import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { DataSource } from 'typeorm';
import { RegisterOrganisation } from '../application/register-organisation.service';
import { OrganisationRepository, type Organisation } from '../infrastructure/organisation.repository';
import { RegisterOrganisationDto } from './intake.dto';

type OrganisationView = Omit<Organisation, 'id'>;
const view = ({ id: _id, ...organisation }: Organisation): OrganisationView => organisation;

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly register: RegisterOrganisation,
    private readonly repository: OrganisationRepository,
    private readonly dataSource: DataSource,
  ) {}

  @Roles('applicant', 'admin')
  @Post()
  async create(@Body() body: RegisterOrganisationDto, @CurrentPrincipal() principal: Principal): Promise<OrganisationView> {
    return view(await this.register.execute(body, principal));
  }

  /** The registered organisations the caller acts for. */
  @Roles('applicant')
  @Get('mine')
  async mine(@CurrentPrincipal() principal: Principal): Promise<OrganisationView[]> {
    return (await this.repository.listByNumbers(this.dataSource.manager, principal.organisationNumbers)).map(view);
  }
}

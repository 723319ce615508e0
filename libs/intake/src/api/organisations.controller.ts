import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { DataSource } from 'typeorm';
import { ChangeOrganisationAccount, ChangeOrganisationContact } from '../application/change-organisation-account.service';
import { RegisterOrganisation } from '../application/register-organisation.service';
import { OrganisationRepository, type Organisation } from '../infrastructure/organisation.repository';
import { OrganisationResponse } from './organisation.response';
import { ChangeAccountDto, ChangeContactDto, OrganisationNumberParam, RegisterOrganisationDto } from './intake.dto';

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
    private readonly changeAccount: ChangeOrganisationAccount,
    private readonly changeContact: ChangeOrganisationContact,
  ) {}

  /** Another contact person (name, e-mail, telephone); the change is audited. */
  @Roles('applicant', 'admin')
  @Put(':organisationNumber/contact')
  @ApiOkResponse({ type: OrganisationResponse })
  async contact(@Param() params: OrganisationNumberParam, @Body() body: ChangeContactDto, @CurrentPrincipal() principal: Principal): Promise<OrganisationView> {
    return view(await this.changeContact.execute(params.organisationNumber, body, principal));
  }

  /** Another bank account for the organisation's payments; one the bank rejected is paid to it by the next run. */
  @Roles('applicant', 'admin')
  @Put(':organisationNumber/account')
  @ApiOkResponse({ type: OrganisationResponse })
  async account(@Param() params: OrganisationNumberParam, @Body() body: ChangeAccountDto, @CurrentPrincipal() principal: Principal): Promise<OrganisationView> {
    return view(await this.changeAccount.execute(params.organisationNumber, body.accountNumber, principal));
  }

  @Roles('applicant', 'admin')
  @Post()
  @ApiCreatedResponse({ type: OrganisationResponse })
  async create(@Body() body: RegisterOrganisationDto, @CurrentPrincipal() principal: Principal): Promise<OrganisationView> {
    return view(await this.register.execute(body, principal));
  }

  /** The registered organisations the caller acts for. */
  @Roles('applicant')
  @Get('mine')
  @ApiOkResponse({ type: OrganisationResponse, isArray: true })
  async mine(@CurrentPrincipal() principal: Principal): Promise<OrganisationView[]> {
    return (await this.repository.listByNumbers(this.dataSource.manager, principal.organisationNumbers)).map(view);
  }
}

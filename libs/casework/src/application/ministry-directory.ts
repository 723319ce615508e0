import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The ministry IMDi answers to in a budget year: where its pre-notifications go. */
export interface MinistryAddress {
  readonly name: string;
  readonly email: string;
}

/** Port: the budget context knows each year's ministry from that year's allocation letter. */
export abstract class MinistryDirectory {
  abstract forYear(budgetYear: number, manager: EntityManager): Promise<MinistryAddress>;
}

/** The ministry's postmottak for messages from IMDi, until the budget context publishes it per year. */
const MINISTRY_POSTMOTTAK: MinistryAddress = { name: 'Arbeids- og inkluderingsdepartementet', email: 'postmottak@aid.dep.no' };

@Injectable()
export class FixedMinistryDirectory extends MinistryDirectory {
  async forYear(): Promise<MinistryAddress> {
    return MINISTRY_POSTMOTTAK;
  }
}

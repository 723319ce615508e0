import { ApiProperty } from '@nestjs/swagger';
import type { BudgetForecastView, ForecastView } from '../application/budget-forecast.query';
import type { ChapterTotalView, PositionView, PostStatusView } from '../application/budget-status.query';

/** GET /budget: the years that have frames. */
export class BudgetYearsResponse {
  @ApiProperty({ type: Number, isArray: true, example: [2025, 2026], description: 'Budsjettår det er lagt inn rammer for.' })
  years: number[];
}

/** Frame and what is booked against it, in kroner as exact decimal strings. */
export class BudgetPositionResponse implements PositionView {
  @ApiProperty({ example: '10000000.00', description: 'Rammen i kroner.' })
  frameNok: string;

  @ApiProperty({ example: '2500000.00', description: 'Bundet: innvilget, men ikke utbetalt.' })
  committedNok: string;

  @ApiProperty({ example: '4000000.00', description: 'Utbetalt.' })
  paidNok: string;

  @ApiProperty({ example: '50000.00', description: 'Tilbakebetalt av mottakere (tilbakekrav); øker det disponible.' })
  reclaimedNok: string;

  @ApiProperty({ example: '3550000.00', description: 'Disponibelt: ramme − bundet − utbetalt + tilbakebetalt.' })
  availableNok: string;
}

/** The year-end forecast of a post, or of all posts. */
export class BudgetForecastResponse implements ForecastView {
  @ApiProperty({ example: '120000.00', description: 'Planlagte utbetalinger med forfall til og med skjæringsdatoen som ikke er utbetalt.' })
  dueUnpaidNok: string;

  @ApiProperty({ example: '800000.00', description: 'Planlagte utbetalinger med forfall etter skjæringsdatoen og ut året.' })
  plannedRestOfYearNok: string;

  @ApiProperty({ example: '400000.00', description: 'Det årets utbetalinger av per capita-tilskudd ennå vil betale.' })
  perCapitaRestOfYearNok: string;

  @ApiProperty({ example: '1320000.00', description: 'Forfalt ubetalt + planlagt resten av året + per capita resten av året.' })
  expectedRestOfYearNok: string;

  @ApiProperty({ example: '5320000.00', description: 'Utbetalt + forventet resten av året.' })
  paidByYearEndNok: string;

  @ApiProperty({ example: '4730000.00', description: 'Ramme − utbetalt ved årsslutt + tilbakebetalt; negativt betyr forventet overforbruk.' })
  remainingAtYearEndNok: string;

  @ApiProperty({ example: '0.00', description: 'Holdt tilbake til en rapport er godkjent; ikke med i prognosen.' })
  heldBackNok: string;

  @ApiProperty({
    type: String,
    isArray: true,
    example: ['integreringstilskudd'],
    description: 'Per capita-ordninger på posten der satsene ikke er bekreftet; utbetalingene deres er ikke med i prognosen.',
  })
  perCapitaUnavailable: string[];
}

/** An earmark (øremerking) within a post. */
export class BudgetEarmarkResponse extends BudgetPositionResponse {
  @ApiProperty({ example: 'KOMM', description: 'Øremerkingens kode.' })
  code: string;

  @ApiProperty({ description: 'Øremerkingens navn.' })
  name: string;
}

/** A post with its status and year-end forecast. */
export class BudgetPostStatusResponse extends BudgetPositionResponse implements PostStatusView {
  @ApiProperty({ example: '0821.60', description: 'Kapittel og post.' })
  budgetPost: string;

  @ApiProperty({ example: '0821', description: 'Kapittelet.' })
  chapter: string;

  @ApiProperty({ example: '60', description: 'Posten.' })
  post: string;

  @ApiProperty({ description: 'Postens navn.' })
  name: string;

  @ApiProperty({ description: 'Posten kan overføres til neste år.' })
  transferable: boolean;

  @ApiProperty({ description: 'Overslagsbevilgning: kan overskrides.' })
  estimate: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Merknad om rammen som ikke er endelig; null når rammen er endelig.' })
  pendingNote: string | null;

  @ApiProperty({ example: '1000000.00', description: 'Det av rammen som er øremerket.' })
  earmarkedNok: string;

  @ApiProperty({ example: '0.00', description: 'Overskridelse; bare overslagsbevilgninger kan overskrides, ellers "0.00".' })
  exceededByNok: string;

  @ApiProperty({ type: BudgetEarmarkResponse, isArray: true, description: 'Øremerkingene på posten.' })
  earmarks: BudgetEarmarkResponse[];

  @ApiProperty({ type: BudgetPositionResponse, description: 'Den delen av posten som ikke er øremerket.' })
  unearmarked: BudgetPositionResponse;

  @ApiProperty({ type: BudgetForecastResponse, description: 'Prognosen for posten ved årsslutt.' })
  forecast: BudgetForecastResponse;
}

/** A chapter's total frame against the total the allocation letter declared. */
export class BudgetChapterTotalResponse implements ChapterTotalView {
  @ApiProperty({ example: '0821', description: 'Kapittelet.' })
  chapter: string;

  @ApiProperty({ example: '12000000.00', description: 'Summen av postenes rammer.' })
  frameNok: string;

  @ApiProperty({ type: String, nullable: true, description: 'Summen tildelingsbrevet oppga for kapittelet; null når brevet ikke oppga den.' })
  declaredNok: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'Om summen av rammene stemmer med den oppgitte summen; null uten oppgitt sum.' })
  declaredMatches: boolean | null;

  @ApiProperty({ type: String, nullable: true, description: 'Begrunnelsen når et avvik er kvittert ut; ellers null.' })
  acknowledgedMismatch: string | null;
}

/** The totals of all posts with their forecast. */
export class BudgetTotalsResponse extends BudgetPositionResponse {
  @ApiProperty({ type: BudgetForecastResponse, description: 'Prognosen for alle postene ved årsslutt.' })
  forecast: BudgetForecastResponse;
}

/** GET /budget/{year}: frame, earmarked, committed, paid, reclaimed and available per kap./post, with the year-end forecast. */
export class BudgetStatusResponse implements BudgetForecastView {
  @ApiProperty({ example: 2026 })
  budgetYear: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-06-30',
    description: 'Datoen tallene gjelder (ved dagens slutt); null: alt som er bokført til nå.',
  })
  asOf: string | null;

  @ApiProperty({ example: '2026-06-30', description: 'Datoen prognosen skiller forfalt fra det som forfaller senere i året (senest 31. desember).' })
  forecastCutOff: string;

  @ApiProperty({ type: BudgetPostStatusResponse, isArray: true })
  posts: BudgetPostStatusResponse[];

  @ApiProperty({ type: BudgetChapterTotalResponse, isArray: true, description: 'Kapitlenes rammer mot summene i tildelingsbrevet.' })
  chapters: BudgetChapterTotalResponse[];

  @ApiProperty({ type: BudgetTotalsResponse })
  totals: BudgetTotalsResponse;
}

import type { SchemeDefinition } from '../domain/scheme-definition';
import { BosettingsordningenKsSchemeModule } from '../definitions/bosettingsordningen-ks/bosettingsordningen-ks.scheme';
import { EnsligeMindreaarigeSchemeModule } from '../definitions/enslige-mindreaarige/enslige-mindreaarige.scheme';
import { EtablerersentreSchemeModule } from '../definitions/etablerersentre/etablerersentre.scheme';
import { FrivilligeLokaleSchemeModule } from '../definitions/frivillige-lokale/frivillige-lokale.scheme';
import { FrivilligeRegionaleSchemeModule } from '../definitions/frivillige-regionale/frivillige-regionale.scheme';
import { GronlandSchemeModule } from '../definitions/gronland/gronland.scheme';
import { IntegreringsmottakSchemeModule } from '../definitions/integreringsmottak/integreringsmottak.scheme';
import { IntegreringstilskuddSchemeModule } from '../definitions/integreringstilskudd/integreringstilskudd.scheme';
import { JobbsjansenASchemeModule } from '../definitions/jobbsjansen-a/jobbsjansen-a.scheme';
import { JobbsjansenBSchemeModule } from '../definitions/jobbsjansen-b/jobbsjansen-b.scheme';
import { JobbsjansenCSchemeModule } from '../definitions/jobbsjansen-c/jobbsjansen-c.scheme';
import { KommunaleUtviklingsmidlerSchemeModule } from '../definitions/kommunale-utviklingsmidler/kommunale-utviklingsmidler.scheme';
import { MentorTraineeSchemeModule } from '../definitions/mentor-trainee/mentor-trainee.scheme';
import { NasjonaleRessursmiljoerSchemeModule } from '../definitions/nasjonale-ressursmiljoer/nasjonale-ressursmiljoer.scheme';
import { NedsattFunksjonsevneSchemeModule } from '../definitions/nedsatt-funksjonsevne/nedsatt-funksjonsevne.scheme';
import { NorskAsylmottakSchemeModule } from '../definitions/norsk-asylmottak/norsk-asylmottak.scheme';
import { NorskSamfunnskunnskapSchemeModule } from '../definitions/norsk-samfunnskunnskap/norsk-samfunnskunnskap.scheme';
import { OmradesatsingOsloSchemeModule } from '../definitions/omradesatsing-oslo/omradesatsing-oslo.scheme';

/** One NestJS module per scheme, in the order of SPEC §2. */
export const SCHEME_MODULES = [
  IntegreringstilskuddSchemeModule,
  EnsligeMindreaarigeSchemeModule,
  NedsattFunksjonsevneSchemeModule,
  NorskSamfunnskunnskapSchemeModule,
  NorskAsylmottakSchemeModule,
  JobbsjansenASchemeModule,
  JobbsjansenBSchemeModule,
  JobbsjansenCSchemeModule,
  KommunaleUtviklingsmidlerSchemeModule,
  EtablerersentreSchemeModule,
  FrivilligeLokaleSchemeModule,
  NasjonaleRessursmiljoerSchemeModule,
  FrivilligeRegionaleSchemeModule,
  MentorTraineeSchemeModule,
  IntegreringsmottakSchemeModule,
  GronlandSchemeModule,
  OmradesatsingOsloSchemeModule,
  BosettingsordningenKsSchemeModule,
] as const;

export const SCHEME_DEFINITIONS: readonly SchemeDefinition[] = SCHEME_MODULES.map((module) => module.definition);

const BY_CODE: ReadonlyMap<string, SchemeDefinition> = new Map(SCHEME_DEFINITIONS.map((definition) => [definition.code, definition]));

export function schemeDefinition(code: string): SchemeDefinition | undefined {
  return BY_CODE.get(code);
}

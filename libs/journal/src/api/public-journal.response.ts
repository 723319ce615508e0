import { ApiProperty } from '@nestjs/swagger';
import type { PublicJournalLine } from '../application/public-journal.query';

/** GET /public-journal: one line of the public journal, with the fields eInnsyn publishes (persons and screened fields masked). */
export class PublicJournalLineResponse implements PublicJournalLine {
  @ApiProperty({ example: '2026/000123', description: 'Journalpostens nummer.' })
  journalnummer: string;

  @ApiProperty({ example: '2026-05-02', description: 'Datoen dokumentet ble journalført.' })
  journaldato: string;

  @ApiProperty({ example: '2026-05-02', description: 'Dokumentets dato.' })
  dokumentdato: string;

  @ApiProperty({
    enum: ['Inngående dokument', 'Utgående dokument', 'Organinternt dokument for oppfølging', 'Organinternt dokument uten oppfølging'],
    description: 'Journalposttypen i klartekst.',
  })
  journalposttype: string;

  @ApiProperty({ example: '2026/123', description: 'Saksnummeret.' })
  saksnummer: string;

  @ApiProperty({ example: 1, description: 'Dokumentets nummer i saken.' })
  dokumentnummer: number;

  @ApiProperty({ description: 'Sakens offentlige tittel.' })
  sakstittel: string;

  @ApiProperty({ description: 'Dokumentets offentlige tittel.' })
  tittel: string;

  @ApiProperty({ type: String, isArray: true, description: 'Avsender eller mottaker; personnavn er skjermet.' })
  avsenderMottaker: string[];

  @ApiProperty({ description: 'Enheten som har saken.' })
  administrativEnhet: string;

  @ApiProperty({ type: String, nullable: true, example: 'offl. § 13, jf. fvl. § 13', description: 'Hjemmelen for skjerming; null når ingenting er skjermet.' })
  skjermingshjemmel: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Hvordan journalposten er avskrevet; null når den ikke er avskrevet.' })
  avskrevetAv: string | null;
}

import { ApiProperty } from '@nestjs/swagger';
import type { MessageView } from '../application/message.query';
import type { MessageChannel, MessageKind, MessageState } from '../domain/message';

/** What caseworkers and admins see of a message: where it went and what became of it, not its text. */
export class MessageResponse implements MessageView {
  @ApiProperty()
  id: string;

  @ApiProperty({ type: String, example: 'decision-letter', description: 'Hva slags melding det er (kvittering, varsel om brev, purring, vedtaksbrev …).' })
  kind: MessageKind;

  @ApiProperty({ enum: ['email', 'eformidling'], description: 'E-post eller digital post (eFormidling).' })
  channel: MessageChannel;

  @ApiProperty({ description: 'Mottakerens adresse eller organisasjonsnummer.' })
  recipient: string;

  @ApiProperty({ description: 'Emnet.' })
  subject: string;

  @ApiProperty({ type: String, nullable: true, description: 'Saken meldingen gjelder; null når den ikke gjelder en sak.' })
  caseId: string | null;

  @ApiProperty({ enum: ['queued', 'sending', 'handed_over', 'delivered', 'read', 'failed'], description: 'Hvor langt meldingen er kommet.' })
  state: MessageState;

  @ApiProperty({ type: String, nullable: true, description: 'Hvorfor sendingen feilet for godt.' })
  failureReason: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Siste feil ved et forsøk som skal prøves igjen.' })
  lastError: string | null;

  @ApiProperty({ description: 'Antall forsøk på å sende.' })
  attempts: number;

  @ApiProperty({ description: 'Meldingens Message-ID.' })
  messageId: string;

  @ApiProperty({ type: String, nullable: true, description: 'Digital post: eFormidlings conversationId, den samme ved nye forsøk.' })
  conversationId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Digital post: integrasjonspunktets siste status (MOTTATT, LEVERT, LEST, FEIL …).' })
  channelStatus: string | null;

  @ApiProperty({ description: 'Når meldingen ble lagt i kø.' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'Når e-posttjeneren eller integrasjonspunktet tok imot meldingen.' })
  handedOverAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når meldingen ble levert.' })
  deliveredAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når mottakeren leste meldingen (digital post).' })
  readAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når sendingen feilet for godt.' })
  failedAt: string | null;
}

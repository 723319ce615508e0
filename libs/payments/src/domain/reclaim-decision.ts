/** The letter that tells the recipient of a reclaim decision (the demand), in both written standards. */
export const RECLAIM_DECISION_TEXT = {
  nb: {
    title: 'Vedtak om tilbakebetaling av tilskudd',
    amount: 'Beløp som kreves tilbake',
    due: 'Betalingsfrist',
    intro: 'IMDi har vedtatt å kreve tilbake deler av tilskuddet som er utbetalt i saken.',
    why: 'Begrunnelse',
    notice: 'Vedtaket bygger på forhåndsvarselet dere fikk, og på det dere eventuelt uttalte til det.',
    payment: 'Beløpet må betales innen {date}. Oppgi saksnummeret ved betaling.',
    appeal:
      'Dere kan klage på vedtaket. Fristen er {date}, tre uker etter at vedtaket kom fram til dere (forvaltningsloven §§ 28 og 29). Klagen sendes til IMDi. Dere har rett til å se dokumentene i saken (forvaltningsloven § 18).',
    noAppeal: 'Kravet følger av vilkårene i tilsagnsbrevet.',
  },
  nn: {
    title: 'Vedtak om tilbakebetaling av tilskot',
    amount: 'Beløp som blir kravd tilbake',
    due: 'Betalingsfrist',
    intro: 'IMDi har vedteke å krevje tilbake delar av tilskotet som er utbetalt i saka.',
    why: 'Grunngiving',
    notice: 'Vedtaket byggjer på førehandsvarselet de fekk, og på det de eventuelt uttalte til det.',
    payment: 'Beløpet må betalast innan {date}. Oppgi saksnummeret ved betaling.',
    appeal:
      'De kan klage på vedtaket. Fristen er {date}, tre veker etter at vedtaket kom fram til dykk (forvaltningslova §§ 28 og 29). Klaga skal sendast til IMDi. De har rett til å sjå dokumenta i saka (forvaltningslova § 18).',
    noAppeal: 'Kravet følgjer av vilkåra i tilsegnsbrevet.',
  },
} as const;

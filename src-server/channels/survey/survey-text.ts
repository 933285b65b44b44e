/** The words of the survey email and page, in the customer's language (English unless Spanish). */
export interface SurveyWords {
  lang: 'en' | 'es';
  subject(caseNumber: number): string;
  mail(input: { name: string; caseNumber: number; subject: string; link: string }): string;
  title: string;
  intro(caseNumber: number, subject: string): string;
  ratingLegend: string;
  ratings: readonly [string, string, string, string, string];
  comment: string;
  send: string;
  thanks: string;
  thanksDetail: string;
  notFound: string;
  expired: string;
  alreadyAnswered: string;
  badRating: string;
  commentTooLong: string;
}

const EN: SurveyWords = {
  lang: 'en',
  subject: (n) => `How did we do? Case #${n}`,
  mail: ({ name, caseNumber, subject, link }) =>
    [
      `Hello ${name},`,
      '',
      `We have resolved your case #${caseNumber} (${subject}).`,
      'Would you tell us how we did? It takes a few seconds:',
      '',
      link,
      '',
      'The link works once, for 14 days.',
    ].join('\n'),
  title: 'How did we do?',
  intro: (n, subject) => `Your case #${n}: ${subject}`,
  ratingLegend: 'How satisfied are you with the support you received?',
  ratings: [
    '1 – Very dissatisfied',
    '2 – Dissatisfied',
    '3 – Neutral',
    '4 – Satisfied',
    '5 – Very satisfied',
  ],
  comment: 'Comment (optional)',
  send: 'Send',
  thanks: 'Thank you!',
  thanksDetail: 'Your answer has been recorded.',
  notFound: 'This survey link is not valid.',
  expired: 'This survey has expired.',
  alreadyAnswered: 'This survey has already been answered. Thank you!',
  badRating: 'Please choose a rating from 1 to 5.',
  commentTooLong: 'The comment may be at most 2,000 characters.',
};

const ES: SurveyWords = {
  lang: 'es',
  subject: (n) => `¿Qué tal lo hicimos? Caso #${n}`,
  mail: ({ name, caseNumber, subject, link }) =>
    [
      `Hola ${name}:`,
      '',
      `Hemos resuelto su caso #${caseNumber} (${subject}).`,
      '¿Nos dice qué tal lo hicimos? Son unos segundos:',
      '',
      link,
      '',
      'El enlace sirve una vez, durante 14 días.',
    ].join('\n'),
  title: '¿Qué tal lo hicimos?',
  intro: (n, subject) => `Su caso #${n}: ${subject}`,
  ratingLegend: '¿Qué tan satisfecho está con la atención recibida?',
  ratings: [
    '1 – Muy insatisfecho',
    '2 – Insatisfecho',
    '3 – Neutral',
    '4 – Satisfecho',
    '5 – Muy satisfecho',
  ],
  comment: 'Comentario (opcional)',
  send: 'Enviar',
  thanks: '¡Gracias!',
  thanksDetail: 'Hemos guardado su respuesta.',
  notFound: 'Este enlace de encuesta no es válido.',
  expired: 'Esta encuesta ha caducado.',
  alreadyAnswered: 'Esta encuesta ya fue respondida. ¡Gracias!',
  badRating: 'Elija una valoración del 1 al 5.',
  commentTooLong: 'El comentario admite como máximo 2000 caracteres.',
};

export const surveyWords = (language: string | null | undefined): SurveyWords =>
  language?.toLowerCase().startsWith('es') ? ES : EN;

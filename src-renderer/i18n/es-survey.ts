/** Spanish strings of the customer satisfaction survey in the case view. */
export const esSurvey = {
  csat: {
    title: 'Satisfacción del cliente',
    rating: '{{rating}} / 5',
    ratingLabel: 'Valoración: {{rating}} de 5',
    noComment: 'Sin comentario.',
    answeredAt: 'Respondida el {{date}}',
    preference: 'Encuestas de satisfacción',
    preferenceFailed: 'No se guardó la preferencia de encuestas: {{reason}}',
    frequencies: {
      every_case: 'Tras cada caso resuelto',
      monthly: 'Como máximo una al mes',
      never: 'Nunca',
    },
  },
};

/** English strings of the customer satisfaction survey in the case view. */
export const enSurvey = {
  csat: {
    title: 'Customer satisfaction',
    rating: '{{rating}} / 5',
    ratingLabel: 'Rated {{rating}} out of 5',
    noComment: 'No comment.',
    answeredAt: 'Answered {{date}}',
    preference: 'Satisfaction surveys',
    preferenceFailed: 'The survey preference was not saved: {{reason}}',
    frequencies: {
      every_case: 'After every resolved case',
      monthly: 'At most one a month',
      never: 'Never',
    },
  },
};

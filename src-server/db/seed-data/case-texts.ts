/** Salutations and sign-offs around a customer's first message, by the language they write in. */
export const LETTER_PARTS: Record<
  'en' | 'es',
  { greetings: readonly string[]; closings: readonly string[] }
> = {
  en: {
    greetings: ['Hi,', 'Hello,', 'Hello support team,', 'Hi there,', 'Good morning,'],
    closings: ['Thanks,', 'Thank you,', 'Best regards,', 'Kind regards,', 'Thanks in advance,'],
  },
  es: {
    greetings: ['Hola:', 'Buenos días:', 'Hola, equipo de soporte:', 'Buenas tardes:'],
    closings: ['Gracias,', 'Un saludo,', 'Saludos cordiales,', 'Muchas gracias,'],
  },
};

/** Internal work notes agents leave while working a case. */
// prettier-ignore
export const INTERNAL_NOTES: Record<'en' | 'es', readonly string[]> = {
  en: [
    'Reproduced on the customer\'s tenant with their sample file. Looks like the known issue in the last release; linked KB article.',
    'Asked the customer for a HAR file and the exact time of the failure (with time zone).',
    'Customer confirmed the workaround works for now. Keeping the case open until the fix ships.',
    'Checked logs: requests time out after 60 s on the export worker. Raised with Tier 2.',
    'Called back, no answer. Left a voicemail with the case number.',
    'Spoke to the customer: only affects users created after the SSO migration.',
    'Not reproducible on our side. Asked for screenshots and browser version.',
    'Escalated to Development: stack trace attached, severity agreed with the customer.',
    'Contract renewal is due next month — flagged to Inside Sales.',
    'Customer is frustrated (third contact this week). Promised an update by end of day.',
    'Config issue on the customer side (wrong account mapping). Walked them through the settings.',
    'Fix deployed in the hotfix. Asked the customer to verify before we close.',
  ],
  es: [
    'Reproducido en el entorno del cliente con su fichero de ejemplo. Parece el problema conocido de la última versión.',
    'Solicitado al cliente un fichero HAR y la hora exacta del error.',
    'El cliente confirma que la solución provisional funciona. Mantengo el caso abierto hasta la corrección.',
    'Llamada sin respuesta; dejado mensaje en el buzón con el número de caso.',
    'No se reproduce en nuestro entorno. Pedidas capturas de pantalla y versión del navegador.',
    'Escalado a Tier 2 con los registros adjuntos.',
    'Error de configuración en el cliente. Revisados los ajustes con él por teléfono.',
  ],
};

/** Updates the customer sees on their case. */
// prettier-ignore
export const PUBLIC_NOTES: Record<'en' | 'es', readonly string[]> = {
  en: [
    'Thanks for the details. We have reproduced the problem and are working on a fix; we will update you within one business day.',
    'A workaround is available: run the export in batches of up to 200 records. We will let you know when the permanent fix is released.',
    'The fix has been deployed. Could you please confirm that everything works on your side?',
    'We have not heard back from you for a few days. Is the issue still happening?',
  ],
  es: [
    'Gracias por los detalles. Hemos reproducido el problema y estamos trabajando en la solución; le informaremos en un día laborable.',
    'La corrección ya está desplegada. ¿Puede confirmarnos que todo funciona correctamente?',
    'No hemos tenido noticias suyas en unos días. ¿Sigue ocurriendo el problema?',
  ],
};

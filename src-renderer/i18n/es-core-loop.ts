import type { Strings } from './en';
import type { enCoreLoop } from './en-core-loop';

/** Spanish strings of the core loop's explanations and intake rules (issue 11). */
export const esCoreLoop = {
  intakeWhy: {
    label: 'Por qué esta cola',
    inQueue: 'En {{queue}}: {{reasons}}',
  },
  waitingWhy: {
    nextFree: '{{reason}}, el próximo libre en {{seconds}} s',
    nextFreeNow: '{{reason}}, uno está a punto de quedar libre',
  },
  intakeRules: {
    legend: 'Reglas de entrada',
    hint: 'Qué contactos nuevos entran en esta cola. Si coinciden varias colas, gana la del idioma y nivel del cliente.',
    addresses: 'Direcciones de correo',
    addressesHint: 'El correo enviado a estas direcciones entra aquí; @example.com toma todo un dominio.',
    addAddress: 'Añada una dirección y pulse Intro',
    numbers: 'Números marcados (DNIS)',
    numbersHint: 'Las llamadas a estos números entran aquí.',
    addNumber: 'Añada un número y pulse Intro',
    sources: 'Formularios web y widgets de chat',
    sourcesHint: 'Formularios y widgets cuyos contactos entran aquí (su id, p. ej. web-form o chat-widget).',
    addSource: 'Añada un formulario o widget y pulse Intro',
    defaultFor: 'Cola predeterminada para',
    defaultForHint: 'Los contactos de estos canales que ninguna regla de ninguna cola tomó entran aquí.',
    languageTier: 'Atiende a clientes que hablan {{language}}, nivel {{tier}} en adelante.',
  },
} satisfies Pick<Strings, keyof typeof enCoreLoop>;

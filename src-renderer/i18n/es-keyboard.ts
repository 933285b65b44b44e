import type { enKeyboard } from './en-keyboard';

/** Spanish strings of the keyboard shortcuts help and the command palette. */
export const esKeyboard: typeof enKeyboard = {
  keyboard: {
    help: 'Atajos de teclado',
    openHelp: 'Atajos de teclado',
    keys: 'Teclas',
    action: 'Acción',
    groups: {
      general: 'En cualquier lugar',
      work: 'Ofertas y cierre',
      state: 'Su estado',
      case: 'El caso abierto',
    },
    actions: {
      palette: 'Abrir la paleta de comandos (acciones, clientes, casos)',
      help: 'Mostrar esta lista',
      accept: 'Aceptar la primera oferta',
      decline: 'Rechazar la primera oferta',
      completeWrapUp: 'Completar el primer cierre',
      available: 'Pasar a Disponible',
      awayBreak: 'Pasar a Ausente – Descanso',
      awayLunch: 'Pasar a Ausente – Comida',
      offline: 'Pasar a Desconectado',
      focusNote: 'Escribir una nota en el caso abierto',
      saveNote: 'Guardar la nota (en el cuadro de la nota)',
      reply: 'Escribir una respuesta (correo o chat)',
    },
  },
  palette: {
    search: 'Buscar acciones, clientes y casos',
    nothingFound: 'Sin resultados',
    groupActions: 'Acciones',
    groupCustomers: 'Clientes',
    groupCases: 'Casos',
    goTo: 'Ir a {{screen}}',
    caseLabel: 'Caso #{{number}}: {{subject}}',
    stateFailed: 'El estado no cambió: {{reason}}',
  },
};

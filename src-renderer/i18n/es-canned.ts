import type { enCanned } from './en-canned';

/** Spanish strings of canned responses. */
export const esCanned: typeof enCanned = {
  canned: {
    tab: 'Respuestas predefinidas',
    picker: 'Respuesta predefinida',
    pickerPlaceholder: 'Insertar una respuesta predefinida…',
    none: 'No hay respuestas predefinidas para esta cola',
    loadFailed: 'No se pudieron cargar las respuestas predefinidas: {{reason}}',
    intro:
      'Textos que los agentes insertan en respuestas de correo y chat. {{name}} y {{number}} se sustituyen por el nombre del cliente y el número del caso.',
    listLabel: 'Respuestas predefinidas',
    title: 'Título',
    body: 'Texto',
    language: 'Idioma',
    scope: 'Se aplica a',
    scopeEverywhere: 'Todas las colas',
    scopeTeam: 'Equipo',
    scopeQueue: 'Cola',
    team: 'Qué equipo',
    queue: 'Qué cola',
    shared: 'Compartida con el equipo (desactivada: solo usted)',
    personal: 'Personal',
    sharedBadge: 'Compartida',
    create: 'Nueva respuesta predefinida',
    edit: 'Editar',
    editOf: 'Editar {{title}}',
    archive: 'Archivar',
    archiveOf: 'Archivar {{title}}',
    save: 'Guardar respuesta predefinida',
    cancel: 'Cancelar',
    saved: 'Guardada «{{title}}».',
    archived: 'Archivada «{{title}}».',
    failed: 'No se guardó: {{reason}}',
    empty: 'Aún no hay respuestas predefinidas.',
  },
};

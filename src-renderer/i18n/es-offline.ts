import type { enOffline } from './en-offline';

/** Escrituras sin conexión y lo que necesita el servidor (issue 16). */
export const esOffline: { offline: Record<keyof typeof enOffline.offline, string> } = {
  offline: {
    pending: 'Pendiente',
    wrapUpQueued: 'Guardado en este equipo; se envía al volver la conexión.',
    stateQueued: 'Solicitado {{state}}; se envía al volver la conexión.',
    stateOffline: 'Sin conexión: tu elección se guarda y se envía al volver la conexión.',
    acceptNeedsServer: 'Aceptar necesita conexión con el servidor.',
    reassignNeedsServer: 'Reasignar necesita conexión con el servidor.',
  },
};

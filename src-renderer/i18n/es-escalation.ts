/** Textos en español del editor de reglas de escalado. */
export const esEscalation = {
  escalation: {
    tab: 'Escalado',
    intro:
      'Reglas sobre casos sin resolver, evaluadas en orden. Cada paso se dispara una vez por caso, contado desde la apertura del caso (primer paso) o desde el paso anterior.',
    ruleName: 'Nombre de la regla',
    enabled: 'Activa',
    stepHours: 'Horas antes del paso "{{key}}" de {{rule}}',
    actions: 'Hace: {{actions}}',
    none: 'Aún no hay reglas de escalado.',
    classic: 'Usar la cadena clásica',
    save: 'Guardar reglas de escalado',
    saved: 'Guardado (versión {{version}}). Los casos sin resolver se evalúan de nuevo ahora.',
    failed: 'No guardado: {{reason}}',
    loadFailed: 'No se pudieron cargar las reglas: {{reason}}',
    action: {
      set_status: 'marcar Escalado',
      escalate: 'escalar a {{to}}',
      raise_priority: 'subir la prioridad a {{to}}',
      notify: 'avisar a {{who}} por {{how}}',
    },
  },
};

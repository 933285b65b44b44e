import type { enPop } from './en-pop';

/** Spanish strings of the screen pop's caller identification (issue 15). */
export const esPop: typeof enPop = {
  popCaller: {
    ringing: 'Sonando: {{channel}} de {{from}}',
    onContact: 'En {{channel}} con {{from}}',
    wrapUp: 'Cierre: {{channel}} con {{from}}',
    unknown: 'Llamante desconocido: nadie registrado tiene {{from}}.',
    ambiguous: 'Varios clientes tienen {{from}}: elija quién llama.',
    change: '¿No es este cliente? Cambiar',
    cancelChange: 'Mantener este cliente',
    candidates: '¿Quién es?',
    pick: 'Elegir a {{name}}',
    lastContact: 'último contacto {{date}}',
    neverContacted: 'sin contactos aún',
    searchLabel: 'Buscar por nombre, teléfono, email o empresa',
    noMatch: 'No se encontró a nadie.',
    loadFailed: 'No se pudieron cargar los candidatos: {{reason}}',
    identified: '{{name}} queda vinculado a este contacto; su próxima llamada lo mostrará.',
    failed: 'No guardado: {{reason}}',
    quickCreate: 'Alta rápida',
    quickCreateTitle: 'Cliente nuevo',
    name: 'Nombre',
    phone: 'Teléfono',
    email: 'Email',
    company: 'Empresa',
    companyHint: 'Se reconoce una empresa existente por nombre o dominio de correo.',
    language: 'Idioma',
    create: 'Crear y vincular',
    expiredInsideSales: 'Enviado a Ventas internas: el contrato de mantenimiento ha vencido.',
    awaitingCustomer: 'Esperando al cliente',
  },
  searchResults: { label: 'Clientes encontrados' },
  popLink: {
    invalid: 'El enlace no se abrió: {{reason}}',
    notFound: 'No hay nada que mostrar para ese enlace.',
  },
};

import type * as schema from '../schema';
import { QUEUE_IDS, userIdOf } from './organisation';

export type CannedResponseRow = typeof schema.cannedResponses.$inferInsert;

/** The demo's canned responses: shared everywhere (admin), per team (the supervisors) and per queue. */
export function demoCannedResponses(now: Date): CannedResponseRow[] {
  const shared = (row: Omit<CannedResponseRow, 'shared' | 'updatedAt'>): CannedResponseRow => ({
    ...row,
    shared: true,
    updatedAt: now,
  });
  return [
    shared({
      id: 'canned_greeting_en',
      title: 'Greeting',
      body: 'Hello {{customer.name}},\n\nThank you for contacting us about case {{case.number}}. ',
      language: 'en',
      ownerId: userIdOf('admin'),
    }),
    shared({
      id: 'canned_greeting_es',
      title: 'Saludo',
      body: 'Hola {{customer.name}}:\n\nGracias por contactarnos sobre el caso {{case.number}}. ',
      language: 'es',
      ownerId: userIdOf('admin'),
    }),
    shared({
      id: 'canned_waiting_en',
      title: 'Waiting for your answer',
      body: 'Hello {{customer.name}},\n\nWe need a little more information to move case {{case.number}} forward. Could you reply with the steps that lead to the problem and a screenshot?',
      language: 'en',
      teamId: 'team_support_en',
      ownerId: userIdOf('sofia'),
    }),
    shared({
      id: 'canned_resolved_es',
      title: 'Caso resuelto',
      body: 'Hola {{customer.name}}:\n\nHemos resuelto el caso {{case.number}}. Si el problema vuelve, responda a este correo y lo reabriremos.',
      language: 'es',
      teamId: 'team_support_es',
      ownerId: userIdOf('javier'),
    }),
    shared({
      id: 'canned_password_es',
      title: 'Restablecer la contraseña',
      body: 'Hola {{customer.name}}:\n\nPara restablecer su contraseña, abra la pantalla de inicio de sesión, pulse «¿Olvidó su contraseña?» y siga el enlace que le enviamos. Caso {{case.number}}.',
      language: 'es',
      queueId: QUEUE_IDS.supportEs,
      ownerId: userIdOf('javier'),
    }),
  ];
}

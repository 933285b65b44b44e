import type {
  CannedResponse,
  SaveCannedResponsePayload,
} from '../../../src-shared/protocol/canned-responses';

export type CannedScope = 'everywhere' | 'team' | 'queue';

/** The management form's fields, as typed. */
export interface CannedForm {
  cannedId: string;
  title: string;
  body: string;
  language: string;
  scope: CannedScope;
  teamId: string | null;
  queueId: string | null;
  shared: boolean;
  /** The version edited (absent for a new response). */
  version?: number;
}

/** A blank form: a supervisor's own team by default, an admin's every queue. */
export const newCannedForm = (cannedId: string, teamId: string | null): CannedForm => ({
  cannedId,
  title: '',
  body: '',
  language: 'en',
  scope: teamId ? 'team' : 'everywhere',
  teamId,
  queueId: null,
  shared: true,
});

export const formOf = (response: CannedResponse): CannedForm => ({
  cannedId: response.id,
  title: response.title,
  body: response.body,
  language: response.language,
  scope: response.queueId ? 'queue' : response.teamId ? 'team' : 'everywhere',
  teamId: response.teamId,
  queueId: response.queueId,
  shared: response.shared,
  version: response.version,
});

/** The command payload of a form (the server checks the fields and says which is wrong). */
export function payloadOf(form: CannedForm, archived = false): SaveCannedResponsePayload {
  return {
    cannedId: form.cannedId,
    title: form.title,
    body: form.body,
    language: form.language,
    ...(form.scope === 'team' && form.teamId ? { teamId: form.teamId } : {}),
    ...(form.scope === 'queue' && form.queueId ? { queueId: form.queueId } : {}),
    shared: form.shared,
    archived,
  };
}

import { AppError } from '../../platform/errors';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import type { COACHING_COMMAND_TYPES as T } from '../../../src-shared/protocol/coaching-commands';
import { type TemplateResult } from '../../../src-shared/protocol/coaching-commands';
import { importScorecard } from '../../../src-shared/domain/coaching/scorecard-format';
import { validateForPublish } from '../../../src-shared/domain/coaching/template-validation';
import type { Tx } from '../../db/database';
import {
  checkVersion,
  type CommandContext,
  type CommandDefinition,
  type CommandOutcome,
} from '../sync/command-bus';
import { COACHING_ROLES, anyone } from '../access/command-scopes';
import { scorecardEvent } from './coaching-events';
import {
  findTemplate,
  findVersion,
  insertDraftVersion,
  insertTemplate,
  lockTemplate,
  lockVersion,
  nextVersionNumber,
  renameTemplate,
  updateVersion,
} from './scorecards.repository';

/**
 * Templates and versions: a draft is edited freely; publishing freezes it (refused, with every
 * publish problem, when it is incomplete); retiring stops new evaluations on it. Coaches,
 * supervisors and admins edit scorecards; everyone reads them.
 */

async function resultOf(
  tx: Tx,
  templateId: string,
  versionId: string,
): Promise<CommandOutcome<TemplateResult>> {
  const template = await findTemplate(tx, templateId);
  const version = await findVersion(tx, versionId);
  if (!template || !version) throw new Error(`scorecard ${templateId}/${versionId} vanished`);
  const result: TemplateResult = { template, version };
  return { entity: result, events: [scorecardEvent(result)] };
}

async function newDraft(
  { tx, actor, now }: CommandContext,
  ids: { templateId: string; versionId: string },
  content: ScorecardContent,
): Promise<CommandOutcome<TemplateResult>> {
  const template = await lockTemplate(tx, ids.templateId);
  if (!template) {
    await insertTemplate(tx, { id: ids.templateId, name: content.name, createdBy: actor.id, createdAt: now });
  } else if (template.name !== content.name) {
    await renameTemplate(tx, template, content.name);
  }
  const number = await nextVersionNumber(tx, ids.templateId);
  await insertDraftVersion(tx, {
    id: ids.versionId,
    templateId: ids.templateId,
    number,
    content,
    createdAt: now,
  });
  return resultOf(tx, ids.templateId, ids.versionId);
}

export const createTemplateCommand: CommandDefinition<typeof T.createTemplate> = {
  who: COACHING_ROLES,
  scope: anyone,
  async handle(ctx, { payload }) {
    if (await lockTemplate(ctx.tx, payload.templateId)) {
      throw new AppError('conflict', `A template ${payload.templateId} already exists`);
    }
    return newDraft(ctx, payload, payload.content);
  },
};

export const saveDraftVersionCommand: CommandDefinition<typeof T.saveDraftVersion> = {
  who: COACHING_ROLES,
  scope: anyone,
  async handle(ctx, command) {
    const { templateId, versionId, content } = command.payload;
    const template = await lockTemplate(ctx.tx, templateId);
    if (!template) throw new AppError('not_found', `No scorecard template ${templateId}`);
    const row = await lockVersion(ctx.tx, versionId);
    if (!row) return newDraft(ctx, { templateId, versionId }, content);
    if (row.templateId !== templateId)
      throw new AppError('invalid', `Version ${versionId} is of another template`);
    if (row.status !== 'draft') {
      throw new AppError(
        'conflict',
        `Version ${row.number} is ${row.status}: a published version never changes`,
      );
    }
    checkVersion(command.expectedVersion, row, await findVersion(ctx.tx, versionId));
    await updateVersion(ctx.tx, row, { content });
    if (template.name !== content.name) await renameTemplate(ctx.tx, template, content.name);
    return resultOf(ctx.tx, templateId, versionId);
  },
};

export const publishVersionCommand: CommandDefinition<typeof T.publishVersion> = {
  who: COACHING_ROLES,
  scope: anyone,
  async handle(ctx, command) {
    const row = await lockVersion(ctx.tx, command.payload.versionId);
    if (!row) throw new AppError('not_found', `No scorecard version ${command.payload.versionId}`);
    checkVersion(command.expectedVersion, row, await findVersion(ctx.tx, row.id));
    if (row.status !== 'draft')
      throw new AppError('conflict', `Version ${row.number} is already ${row.status}`);
    const version = await findVersion(ctx.tx, row.id);
    const problems = version ? validateForPublish(version) : [];
    if (problems.length > 0) {
      const list = problems.map((p) => p.message).join('; ');
      throw new AppError('invalid', `The version cannot be published yet: ${list}`, problems);
    }
    await updateVersion(ctx.tx, row, { status: 'published', publishedAt: ctx.now });
    return resultOf(ctx.tx, row.templateId, row.id);
  },
};

export const retireVersionCommand: CommandDefinition<typeof T.retireVersion> = {
  who: COACHING_ROLES,
  scope: anyone,
  async handle(ctx, command) {
    const row = await lockVersion(ctx.tx, command.payload.versionId);
    if (!row) throw new AppError('not_found', `No scorecard version ${command.payload.versionId}`);
    checkVersion(command.expectedVersion, row, await findVersion(ctx.tx, row.id));
    if (row.status !== 'published') {
      throw new AppError(
        'conflict',
        `Only a published version is retired; version ${row.number} is ${row.status}`,
      );
    }
    await updateVersion(ctx.tx, row, { status: 'retired', retiredAt: ctx.now });
    return resultOf(ctx.tx, row.templateId, row.id);
  },
};

export const importScorecardCommand: CommandDefinition<typeof T.importScorecard> = {
  who: COACHING_ROLES,
  scope: anyone,
  async handle(ctx, { payload }) {
    const imported = importScorecard(payload.file);
    if (!imported.ok) {
      const list = imported.issues.map((i) => `${i.path || 'file'}: ${i.message}`).join('; ');
      throw new AppError('invalid', `Not a valid scorecard file: ${list}`, imported.issues);
    }
    return newDraft(ctx, payload, imported.content);
  },
};

import {
  SCORECARD_FORMAT,
  SCORECARD_FORMAT_VERSION,
  ScorecardFile,
  type ScorecardContent,
} from '../../protocol/coaching';
import { validateForPublish, type TemplateProblem } from './template-validation';

/**
 * The scorecard file: `{format: "agentdeck.scorecard", formatVersion: 1, name, description,
 * sections}` (docs/SCORECARDS.md). An import always becomes a new draft; whether it could be
 * published as it is comes back beside it, so an editor can show what still needs work.
 */

export interface ImportIssue {
  /** e.g. `sections.2.criteria.0.min`; empty for the file as a whole. */
  path: string;
  message: string;
}

export type ImportResult =
  | { ok: true; content: ScorecardContent; publishProblems: TemplateProblem[] }
  | { ok: false; issues: ImportIssue[] };

/** The file for a version's content; `source` says where it came from (informative only). */
export function exportScorecard(
  content: ScorecardContent,
  options: { exportedAt?: Date; source?: { templateId: string; versionNumber: number } } = {},
): ScorecardFile {
  return {
    format: SCORECARD_FORMAT,
    formatVersion: SCORECARD_FORMAT_VERSION,
    ...(options.exportedAt ? { exportedAt: options.exportedAt.toISOString() } : {}),
    ...(options.source ? { source: options.source } : {}),
    name: content.name,
    description: content.description,
    sections: content.sections,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a parsed JSON value as a scorecard file. */
export function importScorecard(input: unknown): ImportResult {
  if (!isRecord(input)) return failure('', 'a scorecard file is a JSON object');
  if (input.format !== SCORECARD_FORMAT) {
    return failure('format', `not a scorecard file: "format" must be "${SCORECARD_FORMAT}"`);
  }
  const formatVersion = input.formatVersion;
  if (typeof formatVersion === 'number' && formatVersion > SCORECARD_FORMAT_VERSION) {
    return failure(
      'formatVersion',
      `made by a newer Agentdeck (format version ${formatVersion}); this one reads version ${SCORECARD_FORMAT_VERSION}`,
    );
  }
  const parsed = ScorecardFile.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  const { name, description, sections } = parsed.data;
  const content: ScorecardContent = { name, description, sections };
  return { ok: true, content, publishProblems: validateForPublish(content) };
}

/** Reads the text of a scorecard file (what a person picks in the import dialog). */
export function importScorecardText(text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return failure('', 'the file is not valid JSON');
  }
  return importScorecard(parsed);
}

function failure(path: string, message: string): ImportResult {
  return { ok: false, issues: [{ path, message }] };
}
